# Edges of the interpreter's int/float/list fast paths: digit boundaries, signs, shifts,
# division by zero, NaN and -0.0, mixed int/float, subclasses, indexes out of range.
import math

B = 2**30
values = [0, 1, -1, 7, -7, B - 1, -(B - 1), B, -B, B + 1, 2**62, -(2**63)]
ops = [
    ("+", lambda a, b: a + b), ("-", lambda a, b: a - b), ("*", lambda a, b: a * b),
    ("//", lambda a, b: a // b), ("%", lambda a, b: a % b), ("/", lambda a, b: a / b),
    ("&", lambda a, b: a & b), ("|", lambda a, b: a | b), ("^", lambda a, b: a ^ b),
    ("<<", lambda a, b: a << b), (">>", lambda a, b: a >> b),
]
for name, op in ops:
    row = []
    for a in values:
        for b in (0, 1, -1, 3, -3, 31, 64, B - 1):
            try:
                row.append(repr(op(a, b)))
            except (ZeroDivisionError, ValueError, OverflowError) as e:
                row.append(type(e).__name__)
    print(name, " ".join(row))

total = 0
for i in range(-2000, 2000):
    total += (i * i) // (i % 7 + 1) - (i << 3) % 11 + (i >> 2)
print("loop", total)

fl = [0.0, -0.0, 1.5, -2.25, float("inf"), float("-inf"), float("nan"), 1e308]
for a in fl:
    out = []
    for b in fl + [0, 3, -(B - 1)]:
        for name, op in ops[:3] + ops[5:6]:
            try:
                r = op(a, b)
                out.append("nan" if isinstance(r, float) and math.isnan(r) else repr(r))
            except ZeroDivisionError:
                out.append("ZeroDivisionError")
        out.append((a < b, a <= b, a == b, a != b, a > b, a >= b))
    print(repr(a), out)
print(math.copysign(1, -0.0 * 5), math.copysign(1, 0.0 - 0.0), math.copysign(1, -0.0 + -0.0))
print(3 / 2, -3 / 2, 7 / 7, (B - 1) / 3, 1 / (B - 1))


class MyInt(int):
    def __add__(self, other):
        return "MyInt.add"

    def __lt__(self, other):
        return "MyInt.lt"


class MyList(list):
    def __getitem__(self, index):
        return ("MyList", index)


print(MyInt(3) + 4, 4 + MyInt(3), MyInt(3) < 5, True + True, True * 3.5, False - 1)
lst = [10, 20, 30]
tup = (1, 2, 3)
print(lst[0], lst[-1], lst[-3], tup[1], tup[-1], MyList(lst)[1])
for bad in (3, -4, B, 2**70):
    for seq in (lst, tup):
        try:
            seq[bad]
        except IndexError as e:
            print("IndexError", e)
lst[1] = "x"
lst[-1] = "y"
print(lst)
try:
    lst[5] = 0
except IndexError as e:
    print("IndexError", e)
print(lst[True], tup[False])
