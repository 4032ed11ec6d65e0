# Python-to-Python calls in hot loops: exact arguments, defaults, bound methods, and what
# invalidates a specialized call (defaults or code replaced, wrong argument counts).
import sys
import traceback


def add(a, b):
    return a + b


def scaled(x, factor=2, offset=0):
    return x * factor + offset


def loop_exact(n):
    total = 0
    for i in range(n):
        total = add(total, i)
    return total


def loop_defaults(n):
    total = 0
    for i in range(n):
        total += scaled(i)
        total += scaled(i, 3)
        total += scaled(i, 3, 1)
    return total


print(loop_exact(1000), loop_defaults(1000))

# Defaults changed mid-loop.
acc = []
for i in range(200):
    if i == 100:
        scaled.__defaults__ = (10, 5)
    if i == 150:
        scaled.__defaults__ = (7,)
    try:
        acc.append(scaled(i))
    except TypeError as e:
        print(i, e)
        break
print(sum(acc), acc[99], acc[100], acc[149])

# Defaults removed: the call then needs all arguments.
def two(a, b=1):
    return a - b


for i in range(100):
    if i == 60:
        two.__defaults__ = None
    try:
        two(i)
    except TypeError as e:
        print(i, e)
        break

# __code__ replaced mid-loop.
def f(a, b):
    return a * b


def g_code(a, b):
    return a + b


out = []
for i in range(100):
    if i == 50:
        f.__code__ = g_code.__code__
    out.append(f(i, 2))
print(out[49], out[50], sum(out))

# __code__ replaced by one with a different argument count.
def h(a):
    return a


def h3(a, b, c):
    return a + b + c


for i in range(100):
    if i == 70:
        h.__code__ = h3.__code__
    try:
        h(i)
    except TypeError as e:
        print(i, e)
        break

# Wrong argument counts at a site that was specialized.
def k(a, b):
    return a + b


calls = [(1, 2)] * 50 + [(1,), (1, 2, 3), ()]
for args in calls:
    try:
        k(*args) if len(args) != 2 else k(args[0], args[1])
    except TypeError as e:
        print(e)


def site(fn, x):
    return fn(x)


def one(x):
    return x + 1


def none_():
    return 0


def pair(x, y):
    return x + y


for i in range(60):
    site(one, i)
for fn in (none_, pair, one, len):
    try:
        print(site(fn, [1, 2]) if fn is len else site(fn, 1))
    except TypeError as e:
        print(e)

# Bound methods through PRECALL_BOUND_METHOD.
class Counter:
    def __init__(self):
        self.n = 0

    def bump(self, k=1):
        self.n += k
        return self.n


c = Counter()
bump = c.bump
for i in range(300):
    bump()
    bump(2)
    c.bump()
print(c.n)

# The bound method's target changes mid-loop.
c2 = Counter()
for i in range(100):
    if i == 50:
        bump = c2.bump
    bump()
print(c.n, c2.n)

# Keyword arguments at a site that specialized without them.
def kw(a, b=0, *, c=0):
    return a + b + c


print(sum(kw(i) for i in range(100)), sum(kw(i, c=i) for i in range(100)))


# Exceptions raised in callees in hot loops, with tracebacks.
def fails(x):
    if x == 77:
        raise ValueError("seventy-seven")
    return x


def middle(x):
    return fails(x) + 1


try:
    for i in range(100):
        middle(i)
except ValueError:
    traceback.print_exc(file=sys.stdout)


# Recursion depth.
def down(n):
    return down(n + 1)


try:
    down(0)
except RecursionError as e:
    print("RecursionError", e)


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(20))


# Generators and closures called through the same site.
def gen(n):
    yield from range(n)


def make(k):
    def inner(x):
        return x + k

    return inner


fns = [make(1), make(2)]
print(sum(sum(gen(i)) for i in range(30)), [fns[i % 2](i) for i in range(6)])

# A function replaced by another at a specialized global call site.
def target(x):
    return x


results = []
for i in range(100):
    if i == 40:
        def target(x):
            return -x
    results.append(target(i))
print(sum(results))
