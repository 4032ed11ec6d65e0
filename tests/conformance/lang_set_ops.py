# Exercises set/frozenset: algebra operators and methods, in-place variants, subset tests, frozenset as keys, set displays with star (SET_UPDATE).

def s(x):
    # deterministic printing of sets
    return "{" + ", ".join(repr(v) for v in sorted(x, key=lambda v: (type(v).__name__, v))) + "}"

a = {1, 2, 3, 4, 5}
b = {4, 5, 6, 7}
print(s(a | b), s(a & b), s(a - b), s(b - a), s(a ^ b), a <= b, {4, 5} <= b, {4, 5} < {4, 5}, a > {1}, a.isdisjoint({9}))
print(s(a.union([9], (10,))), s(a.intersection(range(3, 10), [4, 5, 3])), s(a.difference({1}, {2})), s(a.symmetric_difference([5, 6])))
c = set(a)
c |= {100}
c &= {1, 2, 100, 5}
c -= {2}
c ^= {5, 6}
print(s(c))
c.add(7)
c.discard(999)
c.remove(7)
c.update("ab", [3])
print(s(c), len(c), 3 in c, "a" in c, "z" not in c)
try:
    c.remove("zz")
except KeyError as exc:
    print("KeyError:", exc)
popped = set()
while c:
    popped.add(c.pop())
print(s(popped), c, set(), frozenset())
try:
    set().pop()
except KeyError as exc:
    print("KeyError:", exc)

fs = frozenset("hello")
print(s(fs), type(fs | {"z"}).__name__, type({"z"} | fs).__name__, fs == set("ohel"), hash(fs) == hash(frozenset("lohe")))
groups = {frozenset({1, 2}): "pair", frozenset(): "empty", frozenset({3}): "single"}
print(groups[frozenset([2, 1])], groups[frozenset()], len(groups))
try:
    {{1}}
except TypeError as exc:
    print("TypeError:", exc)

# Set displays with unpacking (SET_UPDATE) and constant sets
evens = [0, 2, 4]
odds = (1, 3, 5)
merged = {*evens, *odds, 99, *range(3)}
const = {10, 20, 30, 40, 50}
print(s(merged), s(const), s({*"abc", *b"ab"}))

# Dedup and membership tests in hot loops
seen = set()
dups = 0
for i in range(10000):
    v = (i * 7919) % 3001
    if v in seen:
        dups += 1
    else:
        seen.add(v)
print("unique", len(seen), "dups", dups)

# Connected components with union of sets
edges = [(1, 2), (2, 3), (4, 5), (6, 7), (7, 8), (8, 6), (9, 9), (3, 10), (11, 12), (5, 12)]
comps = []
for u, v in edges:
    hit = [cset for cset in comps if u in cset or v in cset]
    newc = {u, v}
    for h in hit:
        newc |= h
        comps.remove(h)
    comps.append(newc)
print(sorted(sorted(cc) for cc in comps))

# Set comprehension and operations on strings
words = "the quick brown fox jumps over the lazy dog again and again".split()
letters = {ch for w in words for ch in w}
print(len(letters), "".join(sorted(letters)), s(set("abcdefghijklmnopqrstuvwxyz") - letters))
vowels = frozenset("aeiou")
print({w: "".join(sorted(vowels & set(w))) for w in words})
print(sorted({len(w) for w in words}), max(words, key=lambda w: len(set(w))))

# Sets with mixed numeric types (1 == 1.0 == True)
mixed = {1, 1.0, True, 2, 2.0, 0, False, 0j}
print(len(mixed), sorted(mixed))
print(set([3, 1, 2]) == {1, 2, 3}, {1, 2} != {1, 2, 3}, {1, 2, 3} - {2} == {1, 3}, s({x % 5 for x in range(100)}))
print(s(set(range(0, 100, 7)) & set(range(0, 100, 5))), s(set(range(10)) ^ set(range(5, 15))))
