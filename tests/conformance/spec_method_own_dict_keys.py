# LOAD_METHOD on instances whose __dict__ exists with keys of their own (a version each):
# the specialized form must keep finding the class's method, and must see an instance
# attribute of the same name, a non-str key, or a new method on the class.


class Square:
    def __init__(self, i):
        # Different insertion orders give the instances unshared dict keys.
        if i % 2:
            self.a = i
            self.b = -i
        else:
            self.b = -i
            self.a = i
        self.__dict__  # the dict exists from now on

    def value(self):
        return self.a + 2 * self.b


squares = [Square(i) for i in range(40)]
total = 0
for _ in range(50):
    for s in squares:
        total += s.value()
print("sum", total)

# An instance attribute shadows the method on one instance only.
squares[7].value = lambda: 1000
print([s.value() for s in squares[5:10]])
del squares[7].value
print([s.value() for s in squares[5:10]])

# A key that is not a str in one instance's dict.
squares[3].__dict__[42] = "x"
print(sum(s.value() for s in squares for _ in range(3)))


# A name equal to the method's name but a different str object, in the instance dict.
name = "".join(["val", "ue"])
squares[4].__dict__[name] = lambda: -1
print([s.value() for s in squares[2:6]])
del squares[4].__dict__[name]

# The class's method replaced mid-loop.
out = []
for n, s in enumerate(squares * 3):
    if n == 60:
        Square.value = lambda self: self.a
    out.append(s.value())
print(out[55:65])


# A type whose instances keep their dict at a fixed offset (int subclass).
class Count(int):
    def twice(self):
        return 2 * int(self)


counts = [Count(i) for i in range(20)]
for i, c in enumerate(counts):
    if i % 3:
        c.tag = i
    else:
        c.other = i
        c.tag = -i
acc = 0
for _ in range(30):
    for c in counts:
        acc += c.twice()
counts[5].twice = lambda: "shadowed"
print(acc, [c.twice() for c in counts[4:7]])
try:
    counts[0].missing()
except AttributeError as e:
    print("AttributeError:", e)
