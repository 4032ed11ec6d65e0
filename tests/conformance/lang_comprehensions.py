# Exercises list/set/dict comprehensions and generator expressions: nesting, multiple for/if clauses, walrus (:=), scoping rules.

squares = [x * x for x in range(10)]
evens = [x for x in range(20) if x % 2 == 0 if x % 3 != 0]
pairs = [(i, j) for i in range(4) for j in range(i) if (i + j) % 2]
flat = [c for word in ["ab", "cde", ""] for c in word]
matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
transposed = [[row[i] for row in matrix] for i in range(3)]
print(squares, evens, pairs, flat, matrix, transposed, sep="\n")

sq_set = {x % 7 for x in range(50)}
inv = {v: k for k, v in {"a": 1, "b": 2, "c": 3}.items()}
nested_dict = {i: {j: i * j for j in range(3)} for i in range(3)}
print(sorted(sq_set), inv, nested_dict)
print(sum(x * x for x in range(100)), max((len(w), w) for w in "alpha beta gamma".split()), any(x > 50 for x in squares), all(x >= 0 for x in squares))
print(list(x for x in "abc"), tuple(i for i in range(3)), sorted(set(c.upper() for c in "aab")), dict((k, len(k)) for k in ["x", "yy"]))

# Walrus inside comprehension: binds in the enclosing scope
data = [3, 8, 1, 9, 4, 12, 7]
big = [y for x in data if (y := x * 2) > 10]
print(big, "last y =", y)
running = [total := 0] + [total := total + x for x in data]
print(running, total)
chunks = [chunk for i in range(0, 20, 5) if len(chunk := list(range(20))[i:i + 5]) == 5]
print(chunks, chunk)

# Walrus in while loops and conditions
stream = iter([5, 3, 0, 8, 2, -1, 4])
seen = []
while (item := next(stream, None)) is not None and item >= 0:
    seen.append(item)
print(seen, item)
if (n := len(seen)) > 3:
    print("many", n)

# Comprehension scope: loop variable doesn't leak; class body scoping
x = "outer"
res = [x for x in range(3)]
print(x, res)


class Scoped:
    base = 10
    vals = [i for i in range(3)]
    try:
        bad = [base + i for i in range(3)]
    except NameError as exc:
        err = str(exc)
    good = (lambda base=base: [base + i for i in range(3)])()


print(Scoped.vals, Scoped.err, Scoped.good)

# Closures over comprehension variables
funcs = [lambda: i for i in range(3)]
funcs2 = [lambda i=i: i for i in range(3)]
print([f() for f in funcs], [f() for f in funcs2])

# Heavy comprehension workloads
pythag = [(a, b, c) for c in range(1, 60) for b in range(1, c) for a in range(1, b) if a * a + b * b == c * c]
print(len(pythag), pythag[:6])
primes = [n for n in range(2, 3000) if all(n % d for d in range(2, int(n ** 0.5) + 1))]
print(len(primes), primes[-5:])
words = "it was the best of times it was the worst of times".split()
counts = {w: words.count(w) for w in words}
by_count = {c: sorted({w for w in words if counts[w] == c}) for c in set(counts.values())}
print(counts, dict(sorted(by_count.items())))
grid = [[(r * c) % 10 for c in range(40)] for r in range(40)]
print(sum(sum(row) for row in grid), sum(1 for row in grid for v in row if v == 0), [row[5] for row in grid[:8]])

# Generator expressions consumed lazily
g = (i * i for i in range(10 ** 9))
first_big = next(v for v in g if v > 10000)
print(first_big, next(g))
lazy_calls = []
def mark(v):
    lazy_calls.append(v)
    return v
print(any(mark(v) > 2 for v in range(10)), lazy_calls)
print(sorted((x for x in [3, 1, 2]), reverse=True), "".join(str(d) for d in range(5)), min((abs(v - 7), v) for v in [1, 5, 9, 12]))

# Comprehension over changing types in element positions
mixed = [1, 2.5, "3", 4, [5], (6,), 7 + 0j, True, None]
print([type(v).__name__ for v in mixed], [v * 2 for v in mixed if not isinstance(v, (type(None), bool))])
