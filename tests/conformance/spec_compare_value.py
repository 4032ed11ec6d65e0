# Comparisons whose result is kept (not jumped on): COMPARE_OP_INT/FLOAT/STR push the bool.
# What must still hold: every operator, NaN, operands changing type mid-loop (big ints, floats
# and ints mixed, int and str subclasses with their own comparisons), and that the results
# are the bool singletons.
import math


def table(xs, ys):
    out = []
    for x in xs:
        for y in ys:
            out.append((x < y, x <= y, x == y, x != y, x > y, x >= y))
    return out


ints = list(range(-3, 4))
print("ints", sum(sum(r) for r in table(ints, ints)))
floats = [-1.5, 0.0, -0.0, 2.25, math.inf, -math.inf, math.nan]
print("floats", [sum(r) for r in table(floats, floats)][:14])
strs = ["", "a", "ab", "b", "ab"]
eqs = [[x == y for y in strs] + [x != y for y in strs] for x in strs]
print("strs", eqs[2], eqs[4])


class Weird(int):
    def __lt__(self, other):
        return "weird"

    def __eq__(self, other):
        return NotImplemented

    __hash__ = int.__hash__


class Name(str):
    def __eq__(self, other):
        return True

    __hash__ = str.__hash__


def mixed(n):
    out = []
    vals = [1, 2, 2**40, 2.5, "x", Weird(3), Name("q"), None]
    for i in range(n):
        a = vals[i % len(vals)] if i > n // 2 else i
        b = 2
        try:
            r = a < b
        except TypeError as e:
            r = type(e).__name__
        eq = a == b
        out.append((r, eq))
    return out[:3], out[-8:]


print("mixed", mixed(120))


def singletons(n):
    kept = []
    for i in range(n):
        kept.append(i < 50)
        kept.append(i * 0.5 == 10.0)
        kept.append(str(i) == "7")
    return all(k is True or k is False for k in kept), sum(kept)


print("singletons", singletons(200))
