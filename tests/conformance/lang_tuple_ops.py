# Exercises tuples: packing, immutability, hashing as dict keys, comparison, namedtuple, tuple-returning functions, tuples mutated through inner lists.
from collections import namedtuple

t = 1, 2, 3
u = (4,)
e = ()
print(t, u, e, t + u, u * 3, len(t), t.index(2), t.count(9), (1, 2) * 0, tuple("ab"), tuple(range(3)), tuple([e]))
print(t < (1, 2, 4), (1, 2) < (1, 2, 0), () < (0,), (1, "a") == (1, "a"), max([(1, "z"), (2, "a"), (1, "zz")]))
try:
    t[0] = 9
except TypeError as exc:
    print("TypeError:", exc)
holder = ([1], [2])
holder[0].append(10)
try:
    holder[1] += [20]
except TypeError as exc:
    print("TypeError:", exc, "but list mutated:", holder)
print(hash((1, 2)) == hash((1, 2)), hash(()) == hash(()), {(1, 2): "a", (1, (2, 3)): "b"}[(1, (2, 3))])
try:
    hash(([1], 2))
except TypeError as exc:
    print("TypeError:", exc)

Point = namedtuple("Point", "x y")
Color = namedtuple("Color", ["r", "g", "b"], defaults=[0])
p = Point(3, 4)
q = p._replace(y=10)
c = Color(255, 128)
print(p, q, p.x + q.y, p[1], p._asdict(), Point._fields, Point._make([7, 8]), c, c.b, len(c), Color._field_defaults)
x, y = p
print(x, y, p == (3, 4), isinstance(p, tuple), p + (5,), sorted([Point(2, 1), Point(1, 2), Point(1, 1)]))

# Tuple keys in a hot loop (grid / coordinate memo)
grid = {}
for i in range(60):
    for j in range(60):
        grid[(i, j)] = (i * j) % 7
walls = sum(1 for k, v in grid.items() if v == 0)
print("cells", len(grid), "zero cells", walls)

# BFS on the grid from (0,0) avoiding zero cells except start
from collections import deque
start = (1, 1)
dist = {start: 0}
dq = deque([start])
while dq:
    cx, cy = dq.popleft()
    for dx, dy in ((1, 0), (-1, 0), (0, 1), (0, -1)):
        nxt = (cx + dx, cy + dy)
        if nxt in grid and nxt not in dist and grid[nxt] != 0:
            dist[nxt] = dist[(cx, cy)] + 1
            dq.append(nxt)
print("reachable", len(dist), "farthest", max(dist.values()), max(dist, key=lambda k: (dist[k], k)))

# Functions returning tuples, swapping, and rotating
def minmax(seq):
    lo = hi = seq[0]
    for v in seq[1:]:
        if v < lo:
            lo = v
        elif v > hi:
            hi = v
    return lo, hi

print(minmax([5, -2, 9, 3]), minmax("hello"), minmax([(2, 1), (1, 5), (2, 0)]))
a, b, c2 = 1, 2, 3
for _ in range(1001):
    a, b, c2 = b, c2, a
print(a, b, c2)

# A variable that is a list then becomes a tuple mid-loop
seq = [0]
kinds = []
for i in range(1, 400):
    if i == 200:
        seq = tuple(seq)
    if isinstance(seq, list):
        seq.append(i)
    else:
        seq = seq + (i,)
    if i % 100 == 0 or i in (199, 200, 201):
        kinds.append((i, type(seq).__name__, len(seq), seq[-1]))
print(kinds)
print(sum(seq), seq[::97], seq.index(250))
print(tuple(sorted({3: 0, 1: 0, 2: 0})), tuple(zip((1, 2), "ab")), divmod(17, 5), tuple(map(len, ("a", "bb"))))
print(repr((1,)), repr(((),)), str((None, True, 1.5, "s")), ((1, 2), (3, 4))[1][0])
