# Exercises chained comparisons (evaluated once, short-circuit), is / is not / in / not in, identity of singletons, rich comparison fallbacks.

log = []


def v(x):
    log.append(x)
    return x


def flush():
    r = list(log)
    log.clear()
    return r


print(v(1) < v(2) < v(3), flush())
print(v(1) < v(3) < v(2) < v(4), flush())
print(v(5) > v(4) >= v(4) > v(3) != v(2) == v(2), flush())
print(v(1) == v(1.0) == v(True), flush())
print(v(0) < v(0) < v(1 / 1), flush())
print(v("a") < v("b") <= v("b") < v("c"), flush())
print(v([1, 2]) < v([1, 2, 0]) < v([1, 3]), flush())
print(v((1, "a")) < v((1, "b")), v((2,)) > v((1, 99)), flush())

# Chained comparisons in a hot loop: range bucketing
buckets = [0] * 6
for i in range(-500, 2500):
    x = (i * 37) % 1000 - 100
    if x < 0:
        buckets[0] += 1
    elif 0 <= x < 100:
        buckets[1] += 1
    elif 100 <= x < 300:
        buckets[2] += 1
    elif 300 <= x < 600 != x:
        buckets[3] += 1
    elif 600 <= x <= 899:
        buckets[4] += 1
    else:
        buckets[5] += 1
print("buckets", buckets)

# is / is not with singletons
a = None
b = [1, 2]
c = b
d = [1, 2]
print(a is None, a is not None, b is c, b is d, b == d, b is not d, True is True, ... is Ellipsis)
print(NotImplemented is NotImplemented, type(None) is type(None), (1 == 1) is True)

# in / not in for many containers
hay_list = [1, 2, 3, "x", (4, 5)]
hay_set = {1, 2, 3, "x", (4, 5)}
hay_dict = {1: "a", "x": "b", (4, 5): "c"}
hay_str = "hello world"
hay_bytes = b"bytes here"
hay_range = range(0, 100, 7)
for needle in (1, 3.0, "x", (4, 5), 4, 49, 50):
    print(repr(needle), needle in hay_list, needle in hay_set, needle in hay_dict, needle not in hay_range if isinstance(needle, (int, float)) else "-")
print("lo w" in hay_str, "" in hay_str, "z" not in hay_str, b"es h" in hay_bytes, 101 in hay_bytes, 0 in b"")
print(float("nan") in [float("nan")], (lambda n: n in [n])(float("nan")))

# Custom __contains__ and __eq__
class Evens:
    def __contains__(self, item):
        log.append(("contains", item))
        return isinstance(item, int) and item % 2 == 0


class AlwaysEq:
    def __eq__(self, other):
        return True

    __hash__ = None


ev = Evens()
print([n in ev for n in range(5)], 3 not in ev, 2.0 in ev, len(flush()))
print(AlwaysEq() in [1, 2], 5 in [AlwaysEq()], [AlwaysEq()] == [7], AlwaysEq() != 3)

# Comparison fallbacks: reflected __lt__ / __gt__
class Ver:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split("."))

    def __lt__(self, other):
        if not isinstance(other, Ver):
            return NotImplemented
        return self.parts < other.parts

    def __eq__(self, other):
        if not isinstance(other, Ver):
            return NotImplemented
        return self.parts == other.parts

    def __repr__(self):
        return "Ver(%s)" % ".".join(map(str, self.parts))


vs = [Ver(s) for s in ("1.10.0", "1.2", "1.2.0", "0.9.9", "2", "1.10")]
print(sorted(vs))
print(Ver("1.2") > Ver("1.1"), Ver("1.0") < Ver("1.0.1") < Ver("1.1"), Ver("3") == Ver("3"), Ver("3") != Ver("3.0"))
try:
    Ver("1") < 3
except TypeError as exc:
    print("TypeError:", exc)
try:
    [1] < (1,)
except TypeError as exc:
    print("TypeError:", exc)
print(Ver("1") == 1, 1 == Ver("1"), None == 0, [] == (), {} == dict())

# Chained with mixed types
x = 5
print(1 < x < 10, 1 < x > 3, 10 > x > 5, x == 5.0 == 5 + 0j, 0 < x <= 5 < 6 >= 6)
print([n for n in range(30) if 5 < n * 2 < 25 and n % 3 != 0])
