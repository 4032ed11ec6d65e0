# Exercises values whose types change mid-loop: int -> float -> big int -> str in one variable, lists becoming tuples, containers of mixed types, polymorphic binary ops in hot loops.

# One loop variable cycling through types
x = 0
log = []
for i in range(4000):
    if i < 1000:
        x = x + 3                      # small int
    elif i < 2000:
        x = x + 0.5                    # float
    elif i < 3000:
        x = int(x) * 3 if i % 100 == 0 else x + 1   # int growing into big int
        if i == 2999:
            x = x ** 3
    else:
        if not isinstance(x, str):
            x = str(x)[:30]
        elif len(x) < 40:
            x = x + str(i % 10)              # string grows
        else:
            x = x[1:] + x[0]                 # then rotates
    if i % 250 == 0 or i in (999, 1000, 1999, 2000, 2999, 3000):
        log.append((i, type(x).__name__, x if not isinstance(x, int) or x < 10 ** 20 else "bigint(%d digits)" % len(str(x))))
for entry in log:
    print(entry)


# The same function called with many argument types; the body does + * and comparisons
def combine(a, b):
    s = a + b
    p = a * 2
    return (s, p, a < b if type(a) is type(b) or isinstance(a, (int, float)) and isinstance(b, (int, float)) else None)


samples = [(1, 2), (1.5, 2), (2 ** 70, 1), (True, 1), ("a", "b"), ([1], [2]), ((1,), (2,)), (1 + 2j, 1), (b"x", b"y"),
           (2 ** 70, 0.5), (-1, -2 ** 65)]
for rep in range(3):
    out = []
    for a, b in samples * 50:
        out.append(combine(a, b))
    print(rep, [repr(v) for v in out[:len(samples)]])

# A list variable that becomes a tuple, then a string, then a dict
acc = []
shapes = []
for i in range(600):
    if i == 150:
        acc = tuple(acc)
    elif i == 300:
        acc = ",".join(map(str, acc))
    elif i == 450:
        acc = {k: len(k) for k in acc.split(",")[:40]}
    if isinstance(acc, list):
        acc.append(i)
    elif isinstance(acc, tuple):
        acc = acc + (i,)
    elif isinstance(acc, str):
        acc = acc + "," + str(i) if len(acc) < 3000 else acc
    else:
        acc[str(i)] = i
    if i % 75 == 0 or i in (149, 150, 299, 300, 449, 450):
        shapes.append((i, type(acc).__name__, len(acc)))
print(shapes)

# Numeric tower promotion in sums and products
vals = [1, 2.5, 3, 4 + 1j, 10 ** 30, True, -7]
partial_sums = []
total = 0
for v in vals * 200:
    total += v
    partial_sums.append(type(total).__name__)
print(total, sorted(set(partial_sums)), partial_sums[:8])
prod = 1
for i in range(1, 60):
    prod *= i if i % 10 else 0.5
print(prod, type(prod).__name__)

# Division results flip types: // on floats, / on ints
results = []
for a in (7, 7.0, -7, 2 ** 64, True):
    for b in (2, 2.0, -3):
        results.append((type(a / b).__name__, type(a // b).__name__, a // b, a % b))
print(results)

# Attribute whose type changes on an object inside a hot loop
class Box:
    pass


box = Box()
box.v = 0
kinds = {}
for i in range(3000):
    if i == 500:
        box.v = float(box.v)
    elif i == 1000:
        box.v = [box.v]
    elif i == 1500:
        box.v = tuple(box.v)
    elif i == 2000:
        box.v = None
    elif i == 2500:
        box.v = "s"
    if isinstance(box.v, (int, float)):
        box.v += 1
    elif isinstance(box.v, list):
        box.v.append(i)
    elif isinstance(box.v, tuple):
        box.v = box.v[-3:] + (i,)
    elif box.v is None:
        pass
    else:
        box.v = box.v[-5:] + chr(97 + i % 26)
    kinds[type(box.v).__name__] = kinds.get(type(box.v).__name__, 0) + 1
print(kinds, box.v)

# Dict values changing type in place
d = {"k": 0}
for i in range(1200):
    v = d["k"]
    if isinstance(v, int) and v > 300:
        d["k"] = str(v)
    elif isinstance(v, str) and len(v) > 8:
        d["k"] = float(len(v))
    elif isinstance(v, str):
        d["k"] = v + "!"
    elif isinstance(v, float) and v > 50:
        d["k"] = [v]
    elif isinstance(v, list):
        d["k"] = v if len(v) > 3 else v + [i]
    else:
        d["k"] = v + 1
print(d)

# Comparisons and min/max across mixed numeric types
mixed = [3, 2.5, True, 10 ** 20, -0.0, 0, 7 // 2, 1e20, float("inf")]
print(sorted(mixed), min(mixed), max(mixed), sum(mixed[:-1]), 10 ** 20 == 1e20, 10 ** 20 + 1 > 1e20)
