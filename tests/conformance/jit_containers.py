# Tuples and lists built, and membership tested, in hot loops (BUILD_TUPLE, BUILD_LIST and
# CONTAINS_OP through tier 2's helpers): unboxed ints and floats as items, containers of
# every kind, and __contains__ / __eq__ that raise or change their answer mid-loop.


def build(n):
    seen = {}
    rows = []
    for i in range(n):
        x = i * 0.5
        key = (i % 7, x > 3.0)
        seen[key] = seen.get(key, 0) + 1
        rows.append([i, x, key])
    return sorted(seen.items()), rows[-1], len(rows)


print(build(100))


class Flaky:
    def __init__(self):
        self.calls = 0

    def __contains__(self, item):
        self.calls += 1
        if self.calls == 40:
            raise KeyError("flaky")
        return item % 2 == 0


class Weird:
    def __eq__(self, other):
        if other == 13:
            raise ValueError("no 13")
        return False

    __hash__ = None


def membership(n, container):
    hits = 0
    out = []
    for i in range(n):
        try:
            if i in container:
                hits += 1
            if i not in container:
                hits -= 1
        except Exception as e:
            out.append(f"{i}: {type(e).__name__}: {e}")
    return hits, out


print(membership(60, [1, 2, 3, 5, 8]))
print(membership(60, {1: "a", 4: "b"}))
print(membership(60, set(range(0, 60, 3))))
print(membership(60, range(10, 20)))
print(membership(60, Flaky()))
print(membership(20, [Weird()]))
try:
    print(membership(5, 42))
except TypeError as e:
    print("TypeError:", e)


def strings(n):
    words = ["spam", "eggs", "ham"]
    count = 0
    for i in range(n):
        w = words[i % 3]
        if "a" in w and "am" not in w[1:]:
            count += 1
    return count


print(strings(90))
