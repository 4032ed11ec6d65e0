# Exercises runtime mutation seen by hot loops: class methods/attributes monkeypatched mid-loop, instance attributes added mid-loop, globals and builtins rebound, __class__ reassignment, function __code__/__defaults__ swaps.
import builtins


class Shape:
    sides = 0

    def area(self):
        return 1

    def label(self):
        return "shape"


class Square(Shape):
    sides = 4

    def __init__(self, s):
        self.s = s

    def area(self):
        return self.s * self.s


shapes = [Square(i % 7 + 1) for i in range(50)]
totals = []
for rnd in range(6):
    if rnd == 2:
        Square.area = lambda self: self.s * 10                 # replace method on subclass
    elif rnd == 3:
        del Square.area                                      # fall back to base class method
    elif rnd == 4:
        Shape.area = lambda self: -self.s                     # patch base class
    elif rnd == 5:
        Square.sides = 5
        Shape.label = lambda self: "patched-%d" % self.sides
    t = 0
    for sh in shapes * 40:
        t += sh.area()
    totals.append((rnd, t, shapes[0].label(), shapes[0].sides))
print(totals)

# Instance attribute added mid-loop shadows a class attribute; then removed
class Counter:
    step = 1

    def bump(self, v):
        return v + self.step


c = Counter()
v = 0
trace = []
for i in range(3000):
    if i == 1000:
        c.step = 10
    elif i == 2000:
        del c.step
        Counter.step = 100
    v = c.bump(v)
    if i % 500 == 499:
        trace.append(v)
print(trace)

# Attributes added to many objects mid-loop (changes instance dict shapes)
class Rec:
    def __init__(self, i):
        self.i = i


recs = [Rec(i) for i in range(200)]
acc = 0
for rnd in range(10):
    for r in recs:
        if rnd == 3 and r.i % 2:
            r.extra = r.i * 2
        if rnd == 6 and r.i % 3 == 0:
            r.__dict__.pop("extra", None)
            r.other = "o"
        acc += r.i + getattr(r, "extra", 0) + len(getattr(r, "other", ""))
print("acc", acc, sorted(vars(recs[1])), sorted(vars(recs[3])), sorted(vars(recs[4])))

# Global function and global constant rebound mid-loop
LIMIT = 10


def helper(x):
    return x % LIMIT


hs = []
s = 0
for i in range(3000):
    if i == 1000:
        LIMIT = 7
    elif i == 2000:
        def helper(x):
            return -(x % LIMIT)
    s += helper(i)
    if i % 600 == 0:
        hs.append(s)
print(hs, s)

# Builtins patched mid-loop (and restored)
orig_len = builtins.len
lens = []
for i in range(6):
    if i == 2:
        builtins.len = lambda obj: 99
    elif i == 4:
        builtins.len = orig_len
    lens.append(len("abc"))
print(lens, len("abcd"))

# __class__ reassignment changes behaviour of existing objects
class Cat:
    def speak(self):
        return "meow"


class Dog:
    def speak(self):
        return "woof"


pets = [Cat() for _ in range(6)]
sounds = []
for i in range(12):
    p = pets[i % 6]
    if i == 5:
        for q in pets[::2]:
            q.__class__ = Dog
    sounds.append(p.speak())
print(sounds, [type(p).__name__ for p in pets])

# Function attributes swapped: __code__ and __defaults__
def f(a, b=1):
    return a + b


def g(a, b=1):
    return a * b


outs = []
for i in range(8):
    if i == 3:
        f.__defaults__ = (100,)
    if i == 5:
        f.__code__ = g.__code__
    outs.append(f(i))
print(outs)

# Method patched on an instance (instance attribute function is not bound)
class Greeter:
    def hello(self):
        return "hello from class"


gr = Greeter()
res = []
for i in range(4):
    if i == 1:
        gr.hello = lambda: "hello from instance"
    if i == 3:
        del gr.hello
    res.append(gr.hello())
print(res)

# Dunder patched on the class mid-loop affects operators
class Num:
    def __init__(self, v):
        self.v = v

    def __add__(self, o):
        return Num(self.v + o.v)


n = Num(0)
one = Num(1)
for i in range(2000):
    if i == 1000:
        Num.__add__ = lambda self, o: Num(self.v + 2 * o.v)
    n = n + one
print("patched __add__ result", n.v)
Num.__eq__ = lambda self, o: isinstance(o, Num) and self.v == o.v
Num.__hash__ = lambda self: hash(self.v)
print(Num(3) == Num(3), len({Num(1), Num(1), Num(2)}))
