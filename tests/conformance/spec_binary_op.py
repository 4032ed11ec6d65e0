# BINARY_OP's specialized forms: operands whose types change at a specialized site, ints past
# one digit and past 64 bits, floats, str concatenation and in-place appends (with aliases).

def add(a, b):
    return a + b

def sub(a, b):
    return a - b

def mul(a, b):
    return a * b

class MyInt(int):
    def __add__(self, other):
        return "MyInt.__add__"

values = [(1, 2), (2**29, 2**29), (2**30, 1), (-2**30, -1), (2**62, 2**62), (10**30, -1),
          (1.5, 2.25), (float("inf"), 1.0), (float("nan"), 0.0), (-0.0, 0.0), (1, 2.5),
          (2.5, 1), (True, True), ("ab", "cd"), ([1], [2]), (MyInt(3), 4), ((1,), (2,))]

for f in (add, sub, mul):
    for _ in range(3):
        for a, b in values:
            try:
                print(f.__name__, repr(a)[:20], repr(b)[:20], repr(f(a, b))[:60])
            except TypeError as e:
                print(f.__name__, "TypeError", e)

# Same site: int for a while, then float, then str, then back to int.
def accumulate(items):
    total = items[0]
    for x in items[1:]:
        total = total + x
    return total

print(accumulate(list(range(100))))
print(accumulate([0.5] * 100))
print(accumulate(["x"] * 50))
print(accumulate([2**40] * 100))

# In-place str append: the local is the only reference; then with an alias kept.
def build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
    return s

def build_aliased(n):
    s = ""
    seen = []
    for i in range(n):
        s += "ab"
        seen.append(s)
    return s, seen[3], seen[-1] is s, len(seen)

print(build(200))
print(build_aliased(50))

def mixed_inplace(items):
    acc = ""
    for x in items:
        try:
            acc += x
        except TypeError as e:
            print("TypeError", e)
    return acc

print(mixed_inplace(["a", "b", 3, "c", ["d"], "e"] * 3))

# Overflow of small-int arithmetic into big ints at a specialized multiply.
def powers(n):
    x = 3
    out = []
    for _ in range(n):
        x = x * 3
        out.append(x)
    return out[-1], len(str(out[-1]))

print(powers(100))
