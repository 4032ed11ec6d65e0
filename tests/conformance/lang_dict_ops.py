# Exercises dicts: literals (BUILD_CONST_KEY_MAP), get/setdefault/pop/popitem/update, merge operators | and |=, {**a, **b} (DICT_UPDATE), views, ordering.

a = {"x": 1, "y": 2, "z": 3}
b = {"y": 20, "w": 40}
print(a, b, a | b, b | a, {**a, **b}, {**b, "x": -1, **a}, dict(a, **b), dict([("k", 1), ("k", 2)]))
c = dict(a)
c |= b
c |= [("v", 5)]
print(c, len(c), "w" in c, 20 in c, 20 in c.values(), ("y", 20) in c.items())
print(a.get("x"), a.get("q"), a.get("q", "dflt"), a.setdefault("x", 99), a.setdefault("n", []), a)
a["n"].append(1)
print(a.pop("n"), a.pop("missing", None), a)
try:
    a.pop("missing")
except KeyError as exc:
    print("KeyError:", exc)
try:
    {}["nope"]
except KeyError as exc:
    print("KeyError:", exc)
print(a.popitem(), a, {}.fromkeys("abc", 0), dict.fromkeys(range(3)))
try:
    {}.popitem()
except KeyError as exc:
    print("KeyError:", exc)

# Views are live
d = {"one": 1, "two": 2, "three": 3}
ks, vs, its = d.keys(), d.values(), d.items()
d["four"] = 4
del d["one"]
print(list(ks), list(vs), list(its), len(ks), ks & {"two", "ten"}, sorted(ks | {"zero"}), sorted(ks - {"two"}))
print(list(reversed(d)), list(reversed(d.items())), d == {"four": 4, "three": 3, "two": 2})
try:
    for k in d:
        d[k + "!"] = 0
except RuntimeError as exc:
    print("RuntimeError:", exc)

# Insertion order preserved across delete/reinsert
o = {}
for k in "hello world":
    o[k] = o.get(k, 0) + 1
print(o)
del o["l"]
o["l"] = "again"
print(list(o.items()))

# Constant-key displays with non-constant values in a hot loop
totals = {"even": 0, "odd": 0, "big": 0}
for i in range(3000):
    rec = {"id": i, "sq": i * i, "parity": "even" if i % 2 == 0 else "odd"}
    totals[rec["parity"]] += rec["sq"] % 97
    if rec["sq"] > 4_000_000:
        totals["big"] += 1
print(totals)

# Word index: dict of lists, dict comprehension, sorting items
text = "the cat sat on the mat while the dog ate the hat and the cat ran"
index = {}
for pos, w in enumerate(text.split()):
    index.setdefault(w, []).append(pos)
print(index)
print({w: len(p) for w, p in index.items() if len(p) > 1})
print(sorted(index.items(), key=lambda kv: (-len(kv[1]), kv[0]))[:4])
inv = {}
for k, v in {"a": 1, "b": 2, "c": 1}.items():
    inv.setdefault(v, []).append(k)
print(inv, dict(zip("abc", range(3))), dict(enumerate("xyz")))

# Keys of mixed hashable types, equal-hash collisions (1 == 1.0 == True)
m = {1: "int", "1": "str", (1,): "tuple", frozenset([1]): "fs", None: "none"}
m[1.0] = "float overwrote int"
m[True] = "bool overwrote again"
print(m, len(m), m[1])
try:
    m[[1]] = "list"
except TypeError as exc:
    print("TypeError:", exc)

# Custom key class with __hash__/__eq__
class Key:
    def __init__(self, name):
        self.name = name

    def __hash__(self):
        return hash(self.name.lower())

    def __eq__(self, other):
        return isinstance(other, Key) and self.name.lower() == other.name.lower()

    def __repr__(self):
        return "Key(%r)" % self.name

ci = {Key("Alpha"): 1}
ci[Key("ALPHA")] = 2
ci[Key("beta")] = 3
print(ci, Key("alpha") in ci, ci.get(Key("BETA")))

# Nested dict update / deep merge
def deep_merge(x, y):
    out = dict(x)
    for k, v in y.items():
        if k in out and isinstance(out[k], dict) and isinstance(v, dict):
            out[k] = deep_merge(out[k], v)
        else:
            out[k] = v
    return out

cfg = {"db": {"host": "localhost", "port": 5432, "opts": {"ssl": False}}, "debug": False}
over = {"db": {"port": 6543, "opts": {"ssl": True, "timeout": 5}}, "debug": True, "extra": [1]}
print(deep_merge(cfg, over))
print(cfg)
big = {i: str(i) for i in range(20000)}
for i in range(0, 20000, 2):
    del big[i]
print(len(big), list(big)[:5], big[19999], sum(big))
print(dict(sorted({"b": 2, "a": 1, "c": 0}.items(), key=lambda kv: kv[1])), {} == dict(), {1: 2} != {1: 3})
