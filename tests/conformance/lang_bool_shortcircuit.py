# Exercises and/or value semantics (JUMP_IF_TRUE_OR_POP / JUMP_IF_FALSE_OR_POP), not, short-circuit side effects, truthiness of many types.

calls = []


def t(label, value):
    calls.append(label)
    return value


def reset():
    out = list(calls)
    calls.clear()
    return out


# Value-producing and/or: results are operands, not bools
values = [0, 1, -1, 0.0, 2.5, "", "x", [], [0], (), (None,), {}, {"k": 1}, None, set(), frozenset({1}), 0j, 1j, b"", b"\x00"]
for v in values:
    print(repr(v), "| and 'A' ->", repr(v and "A"), "| or 'B' ->", repr(v or "B"), "| not ->", not v, "| bool ->", bool(v))

# Short-circuiting: count which operands get evaluated
r1 = t("a", 0) and t("b", 1)
print(r1, reset())
r2 = t("a", 1) and t("b", 2) and t("c", 0) and t("d", 3)
print(r2, reset())
r3 = t("a", 0) or t("b", "") or t("c", "found") or t("d", "never")
print(r3, reset())
r4 = t("a", 0) or t("b", 1) and t("c", 0)
print(r4, reset())
r5 = (t("a", 0) or t("b", 1)) and t("c", 0)
print(r5, reset())
r6 = not t("a", []) and t("b", "yes")
print(r6, reset())

# In a hot loop with values changing type
def pick(x, default):
    return x or default


def guard(x, y):
    return x and y


tally = {}
for i in range(3000):
    if i % 4 == 0:
        x = i % 3          # int, sometimes 0
    elif i % 4 == 1:
        x = "s" * (i % 2)  # str, sometimes empty
    elif i % 4 == 2:
        x = [i] if i % 5 else []
    else:
        x = None if i % 7 == 0 else float(i % 2)
    res = pick(x, "dflt")
    res2 = guard(x, i)
    key = (type(res).__name__, type(res2).__name__)
    tally[key] = tally.get(key, 0) + 1
for k in sorted(tally):
    print(k, tally[k])

# Default-argument idiom with or, and conditional expression equivalents
def greet(name=None, punct=None):
    name = name or "world"
    punct = punct and punct * 2 or "."
    return "hello " + name + punct

print(greet(), greet("bob"), greet("", "!"), greet("amy", ""))

# and/or with custom __bool__ and __len__
class Flag:
    def __init__(self, v, label):
        self.v = v
        self.label = label

    def __bool__(self):
        calls.append("bool:" + self.label)
        return self.v

    def __repr__(self):
        return "Flag(%s)" % self.label


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        calls.append("len:%d" % self.n)
        return self.n

    def __repr__(self):
        return "Sized(%d)" % self.n


print(Flag(True, "x") and Flag(False, "y") or Flag(True, "z"), reset())
print(Sized(0) or Sized(3), reset())
print(Sized(2) and Sized(0) and Sized(5), reset())
print([bool(Sized(n)) for n in range(3)], reset())

class BadBool:
    def __bool__(self):
        return 2

try:
    if BadBool():
        pass
except TypeError as exc:
    print("TypeError:", exc)

# all/any with short-circuit
print(all(t(i, i < 3) for i in range(10)), reset())
print(any(t(i, i > 3) for i in range(10)), reset())
print(all([]), any([]), all([[]]), any([[]]), any([0, "", None, 0.0]), all([1, "a", [0]]))

# Conditional expressions nested with boolean ops in a loop
out = []
for n in range(-3, 20):
    label = ("neg" if n < 0 else "zero" if n == 0 else ("fizzbuzz" if n % 15 == 0 else "fizz" if n % 3 == 0 else "buzz" if n % 5 == 0 else n))
    out.append(label)
print(out)

# Comparison results used arithmetically
print(sum(x > 2 for x in range(10)), (3 > 2) + (2 > 3) * 10, True & False, True | False, True ^ True, ~True)
