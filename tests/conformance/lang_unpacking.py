# Exercises unpacking: UNPACK_SEQUENCE, starred UNPACK_EX in every position, nested targets, unpacking in for loops, errors on mismatch.

a, b = 1, 2
a, b = b, a
print(a, b)
x, y, z = "xyz"
print(x, y, z)
first, *rest = range(5)
*init, last = [1, 2, 3, 4]
head, *mid, tail = "abcdef"
p, q, *empty = (1, 2)
print(first, rest, init, last, head, mid, tail, p, q, empty)
(a1, b1), (c1, *d1) = [(1, 2), "xyz"]
print(a1, b1, c1, d1)
[[n1, n2], n3, *[n4, n5]] = [[10, 20], 30, 40, 50]
print(n1, n2, n3, n4, n5)
k, (l, (m, *n)) = 1, (2, (3, 4, 5, 6))
print(k, l, m, n)
d = {}
d["a"], d["b"] = 1, 2
lst = [0, 0, 0]
lst[0], lst[2], lst[1:2] = "x", "z", ["y1", "y2"]
print(d, lst)

class Obj:
    pass

o = Obj()
o.u, o.v = divmod(47, 5)
print(o.u, o.v)

for bad in ([1], [1, 2, 3], "abcd", ()):
    try:
        aa, bb = bad
        print("ok", aa, bb)
    except ValueError as exc:
        print("ValueError:", exc)
for bad in ([1], [], "a"):
    try:
        aa, bb, *cc = bad
        print("ok", aa, bb, cc)
    except ValueError as exc:
        print("ValueError:", exc)
try:
    aa, bb = 5
except TypeError as exc:
    print("TypeError:", exc)

# Unpacking from iterators and generators
it = iter(range(10))
f1, f2, *others = it
print(f1, f2, others, list(it))
g = (i * i for i in range(4))
w0, w1, w2, w3 = g
print(w0, w1, w2, w3)
ka, kb = {"key1": 1, "key2": 2}
print(ka, kb)

# For-loop targets with nested/starred unpacking in hot loops
pairs = [(i, (i * 2, str(i))) for i in range(2000)]
total = 0
strlen = 0
for i, (dbl, text) in pairs:
    total += i + dbl
    strlen += len(text)
print(total, strlen)

rows = [(i, i + 1, i + 2, i + 3) for i in range(0, 3000, 4)]
acc_first = acc_mid = acc_last = 0
for first, *middle, last in rows:
    acc_first += first
    acc_mid += sum(middle)
    acc_last += last
print(acc_first, acc_mid, acc_last)

for idx, (ch, *more) in enumerate(["a", "bc", "def"]):
    print(idx, ch, more)
for key, (lo, hi) in sorted({"x": (1, 5), "w": (0, 2)}.items()):
    print(key, lo, hi, hi - lo)

# Swap-based algorithms: gcd via tuple assignment, bubble sort with swaps
def gcd(m, n):
    while n:
        m, n = n, m % n
    return m

print([gcd(m, n) for m, n in [(12, 18), (17, 5), (100, 75), (0, 9), (2 ** 40, 6 ** 20)]])
arr = [(i * 37) % 101 for i in range(60)]
for i in range(len(arr)):
    for j in range(len(arr) - 1 - i):
        if arr[j] > arr[j + 1]:
            arr[j], arr[j + 1] = arr[j + 1], arr[j]
print(arr[:10], arr[-5:])

# Chained assignment with unpacking
a = b = c = [1, 2]
x1, y1 = z1 = "hi"
print(a is b is c, x1, y1, z1)
t1, *t2 = t3 = 1, 2, 3
print(t1, t2, t3)
(*star,) = "abc"
print(star)
print(*[1, 2], *"ab", sep="|")
