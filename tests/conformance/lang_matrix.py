# Exercises matrix code with nested lists: multiply, transpose, power (Fibonacci), Gaussian elimination with Fractions, determinant, identity checks, float and int mixes.
from fractions import Fraction


def matmul(a, b):
    n, m, p = len(a), len(b), len(b[0])
    out = [[0] * p for _ in range(n)]
    for i in range(n):
        row = a[i]
        orow = out[i]
        for k in range(m):
            aik = row[k]
            if aik == 0:
                continue
            brow = b[k]
            for j in range(p):
                orow[j] += aik * brow[j]
    return out


def transpose(a):
    return [list(col) for col in zip(*a)]


def identity(n):
    return [[1 if i == j else 0 for j in range(n)] for i in range(n)]


def matpow(m, e):
    result = identity(len(m))
    while e:
        if e & 1:
            result = matmul(result, m)
        m = matmul(m, m)
        e >>= 1
    return result


def det(m):
    m = [[Fraction(v) for v in row] for row in m]
    n = len(m)
    d = Fraction(1)
    for c in range(n):
        piv = next((r for r in range(c, n) if m[r][c] != 0), None)
        if piv is None:
            return Fraction(0)
        if piv != c:
            m[c], m[piv] = m[piv], m[c]
            d = -d
        d *= m[c][c]
        for r in range(c + 1, n):
            f = m[r][c] / m[c][c]
            if f:
                for k in range(c, n):
                    m[r][k] -= f * m[c][k]
    return d


def solve(a, b):
    n = len(a)
    aug = [[Fraction(v) for v in row] + [Fraction(bv)] for row, bv in zip(a, b)]
    for c in range(n):
        piv = max(range(c, n), key=lambda r: abs(aug[r][c]))
        aug[c], aug[piv] = aug[piv], aug[c]
        for r in range(n):
            if r != c and aug[r][c] != 0:
                f = aug[r][c] / aug[c][c]
                aug[r] = [x - f * y for x, y in zip(aug[r], aug[c])]
    return [aug[i][n] / aug[i][i] for i in range(n)]


a = [[1, 2, 3], [4, 5, 6]]
b = [[7, 8], [9, 10], [11, 12]]
print(matmul(a, b), transpose(a), matmul(transpose(b), transpose(a)) == transpose(matmul(a, b)))
fibm = matpow([[1, 1], [1, 0]], 300)
print("fib(300) via matrix", fibm[0][1])

n = 40
A = [[(i * 7 + j * 3) % 11 - 5 for j in range(n)] for i in range(n)]
B = [[(i * j + 1) % 9 - 4 for j in range(n)] for i in range(n)]
C = matmul(A, B)
print("C trace", sum(C[i][i] for i in range(n)), "C sum", sum(map(sum, C)), C[0][:6])
I = identity(n)
print("A*I == A", matmul(A, I) == A, "I*B == B", matmul(I, B) == B)

# float matrices: rotation matrices composed many times
import math
def rot(theta):
    c, s = math.cos(theta), math.sin(theta)
    return [[c, -s], [s, c]]


R = identity(2)
step = rot(2 * math.pi / 360)
for _ in range(360):
    R = matmul(R, step)
print("full rotation ~ identity:", all(abs(R[i][j] - (1 if i == j else 0)) < 1e-9 for i in range(2) for j in range(2)))

H = [[Fraction(1, i + j + 1) for j in range(6)] for i in range(6)]
print("det(Hilbert6)", det(H))
print("det ints", det([[2, -3, 1], [2, 0, -1], [1, 4, 5]]), det([[1, 2], [2, 4]]), det(identity(5)))
x = solve([[2, 1, -1], [-3, -1, 2], [-2, 1, 2]], [8, -11, -3])
print("solution", x, [str(v) for v in x])
xs = solve(H, [1] * 6)
print("Hilbert solve", [str(v) for v in xs])

# Type changes inside the accumulation: ints become floats then Fractions
M = [[1, 2], [3, 4]]
acc = identity(2)
for i in range(30):
    if i == 10:
        M = [[float(v) for v in row] for row in M]
    if i == 20:
        M = [[Fraction(v).limit_denominator(1000) / 7 for v in row] for row in M]
        acc = [[Fraction(v).limit_denominator(10 ** 6) for v in row] for row in acc]
    acc = matmul(acc, M)
    acc = [[v % 1000 for v in row] for row in acc]
print([[type(v).__name__ for v in row] for row in acc], [[str(v) for v in row] for row in acc])

# Game of life on a small torus using list-of-lists
W, Hh = 20, 12
g = [[0] * W for _ in range(Hh)]
for (r, c) in [(1, 2), (2, 3), (3, 1), (3, 2), (3, 3), (6, 10), (6, 11), (6, 12), (9, 15), (9, 16), (10, 15), (10, 16)]:
    g[r][c] = 1
for gen in range(40):
    g = [[1 if (n := sum(g[(r + dr) % Hh][(c + dc) % W] for dr in (-1, 0, 1) for dc in (-1, 0, 1)) - g[r][c]) == 3 or (g[r][c] and n == 2) else 0
          for c in range(W)] for r in range(Hh)]
print("life population", sum(map(sum, g)))
print("\n".join("".join("#" if v else "." for v in row) for row in g))
