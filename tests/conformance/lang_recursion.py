# Exercises recursion: classic recursive algorithms, mutual recursion, deep recursion hitting RecursionError (caught), sys.setrecursionlimit.
import sys


def fact(n):
    return 1 if n <= 1 else n * fact(n - 1)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def ackermann(m, n):
    if m == 0:
        return n + 1
    if n == 0:
        return ackermann(m - 1, 1)
    return ackermann(m - 1, ackermann(m, n - 1))


def is_even(n):
    return True if n == 0 else is_odd(n - 1)


def is_odd(n):
    return False if n == 0 else is_even(n - 1)


def hanoi(n, src, dst, via, moves):
    if n == 0:
        return
    hanoi(n - 1, src, via, dst, moves)
    moves.append((n, src, dst))
    hanoi(n - 1, via, dst, src, moves)


def permutations(items):
    if len(items) <= 1:
        return [items[:]]
    out = []
    for i in range(len(items)):
        rest = items[:i] + items[i + 1:]
        for p in permutations(rest):
            out.append([items[i]] + p)
    return out


def flatten(obj):
    if isinstance(obj, (list, tuple)):
        result = []
        for item in obj:
            result.extend(flatten(item))
        return result
    return [obj]


def power_set(s):
    if not s:
        return [[]]
    rest = power_set(s[1:])
    return rest + [[s[0]] + r for r in rest]


print(fact(30), fib(20), ackermann(2, 3), ackermann(3, 3), is_even(300), is_odd(301))
moves = []
hanoi(10, "A", "C", "B", moves)
print(len(moves), moves[:4], moves[-2:])
perms = permutations([1, 2, 3, 4])
print(len(perms), perms[:3], perms[-1])
print(flatten([1, [2, (3, [4, [5, [6]]])], [], [[7]]]), len(power_set(list("abcdefghij"))), power_set([1, 2, 3]))

# Recursion depth: catching RecursionError
def depth_probe(n):
    return depth_probe(n + 1)


old = sys.getrecursionlimit()
try:
    depth_probe(0)
except RecursionError as exc:
    print("RecursionError caught:", exc)

reached = [0]


def count_depth(n):
    reached[0] = n
    count_depth(n + 1)


sys.setrecursionlimit(300)
try:
    count_depth(0)
except RecursionError:
    print("limit 300: reached between 200 and 300:", 200 < reached[0] < 300)
sys.setrecursionlimit(3000)
print("fact(1500) digits", len(str(fact(1500))))
try:
    sys.setrecursionlimit(0)
except ValueError as exc:
    print("ValueError:", exc)
sys.setrecursionlimit(old)
print("limit restored", sys.getrecursionlimit() == old)

# Recursion through __repr__ of a self-referencing structure is guarded
lst = [1, 2]
lst.append(lst)
d = {"self": None}
d["self"] = d
print(lst, d)


# Infinite recursion through a dunder method
class Loop:
    def __getattr__(self, name):
        return getattr(self, "x" + name)


try:
    Loop().a
except RecursionError:
    print("RecursionError via __getattr__")

# Recovery: normal recursion still works after a RecursionError
print("after recovery", fib(15), fact(10))


# Recursive descent evaluation of nested expressions as tuples
def evaluate(expr):
    if isinstance(expr, (int, float)):
        return expr
    op, left, right = expr
    a, b = evaluate(left), evaluate(right)
    if op == "+":
        return a + b
    if op == "-":
        return a - b
    if op == "*":
        return a * b
    if op == "/":
        return a / b
    raise ValueError(op)


def build(depth):
    if depth == 0:
        return depth + 1
    return ("+-*"[depth % 3], build(depth - 1), depth)


print(evaluate(("+", ("*", 3, 4), ("-", 10, ("/", 9, 3)))), evaluate(build(200)) % 10 ** 12)
try:
    evaluate(("^", 1, 2))
except ValueError as exc:
    print("ValueError:", exc)


# Binary search recursive + memoized partition counting
def bsearch(arr, x, lo, hi):
    if lo > hi:
        return -1
    mid = (lo + hi) // 2
    if arr[mid] == x:
        return mid
    if arr[mid] < x:
        return bsearch(arr, x, mid + 1, hi)
    return bsearch(arr, x, lo, mid - 1)


arr = list(range(0, 30000, 3))
print([bsearch(arr, x, 0, len(arr) - 1) for x in (0, 3, 29997, 1500, 1501, -3)])
memo = {}


def partitions(n, k):
    if n == 0:
        return 1
    if n < 0 or k == 0:
        return 0
    key = (n, k)
    if key not in memo:
        memo[key] = partitions(n - k, k) + partitions(n, k - 1)
    return memo[key]


print([partitions(n, n) for n in range(1, 16)], partitions(200, 200))
