# Exercises object protocols: __bool__, __len__, __contains__, __iter__/__next__, __getitem__-based iteration, __reversed__, __call__, __hash__/__eq__, __index__, __format__, __repr__/__str__, __int__/__float__/__complex__.


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return CountdownIter(self.n)

    def __len__(self):
        return self.n

    def __bool__(self):
        return self.n > 0

    def __contains__(self, v):
        return isinstance(v, int) and 0 < v <= self.n

    def __reversed__(self):
        return iter(range(1, self.n + 1))


class CountdownIter:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n + 1


cd = Countdown(5)
print(list(cd), list(reversed(cd)), len(cd), bool(cd), bool(Countdown(0)), 3 in cd, 9 in cd, sum(cd), max(cd), sorted(cd))
it = iter(cd)
print(next(it), next(it), list(it), next(it, "exhausted"))


# Old-style sequence protocol: iteration through __getitem__ until IndexError
class Legacy:
    def __init__(self, data):
        self.data = data
        self.calls = 0

    def __getitem__(self, i):
        self.calls += 1
        return self.data[i]


lg = Legacy("abcd")
print(list(lg), lg.calls, "c" in Legacy("abc"), list(reversed(Legacy([1, 2, 3]))) if hasattr(Legacy, "__len__") else "no reversed without __len__")
x1, x2, *xr = Legacy((10, 20, 30, 40))
print(x1, x2, xr, [c.upper() for c in Legacy("xyz")], dict(enumerate(Legacy("pq"))))


class Stopper:
    def __getitem__(self, i):
        if i >= 3:
            raise StopIteration
        return i * 11


print(list(Stopper()), sum(Stopper()))


# __call__ objects used in a hot loop as key funcs and callbacks
class Scaler:
    def __init__(self, k):
        self.k = k
        self.calls = 0

    def __call__(self, v):
        self.calls += 1
        return v * self.k


sc = Scaler(3)
data = [(i * 37) % 101 for i in range(3000)]
mapped = list(map(sc, data))
ordered = sorted(data, key=Scaler(-1))
print(sum(mapped), sc.calls, ordered[:5], callable(sc), callable(Scaler), callable(3))


# __hash__/__eq__ consistency, used as dict keys and set members
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __eq__(self, o):
        if not isinstance(o, Pt):
            return NotImplemented
        return (self.x, self.y) == (o.x, o.y)

    def __hash__(self):
        return hash((self.x, self.y))

    def __repr__(self):
        return "Pt(%d,%d)" % (self.x, self.y)

    def __str__(self):
        return "(%d, %d)" % (self.x, self.y)


pts = {Pt(i % 10, i % 4) for i in range(400)}
counts = {}
for i in range(400):
    key = Pt(i % 5, i % 3)
    counts[key] = counts.get(key, 0) + 1
print(len(pts), len(counts), counts[Pt(0, 0)], Pt(1, 2) in pts, str(Pt(1, 2)), repr(Pt(1, 2)), [str(p) for p in sorted(pts, key=lambda p: (p.x, p.y))[:3]])
print(Pt(1, 1) == (1, 1), Pt(1, 1) != Pt(1, 2), type(Pt.__hash__).__name__)


class NoHash:
    def __eq__(self, o):
        return True


try:
    {NoHash()}
except TypeError as exc:
    print("TypeError:", exc)


# __index__ allows use as an index, in slices, bin/hex, range, and bytes repetition
class Nth:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


seq = list(range(100))
print(seq[Nth(7)], seq[Nth(2):Nth(20):Nth(6)], bin(Nth(10)), hex(Nth(255)), list(range(Nth(3))), "ab" * Nth(3), int.__index__(5))
try:
    seq[Nth(1000)]
except IndexError as exc:
    print("IndexError:", exc)


# numeric conversions
class Num:
    def __init__(self, v):
        self.v = v

    def __int__(self):
        return int(self.v)

    def __float__(self):
        return float(self.v)

    def __complex__(self):
        return complex(self.v, 1)

    def __round__(self, n=0):
        return round(self.v, n)

    def __trunc__(self):
        return int(self.v)

    def __floor__(self):
        return int(self.v // 1)

    def __ceil__(self):
        return -int(-self.v // 1)


import math
n = Num(-2.5)
print(int(n), float(n), complex(n), round(n), round(Num(2.675), 2), math.trunc(n), math.floor(n), math.ceil(n))


# __format__ and __repr__/__str__ fallbacks
class Money:
    def __init__(self, c):
        self.c = c

    def __format__(self, spec):
        if not spec:
            return str(self)
        if spec == "cents":
            return "%dc" % self.c
        return format(self.c / 100, spec)

    def __str__(self):
        return "$%.2f" % (self.c / 100)


class OnlyRepr:
    def __repr__(self):
        return "OnlyRepr()"


m = Money(12345)
print(f"{m} {m:cents} {m:>10.1f} {m:,.3f}", format(m), str(OnlyRepr()), "%s %r" % (OnlyRepr(), OnlyRepr()), [OnlyRepr()])
try:
    format(OnlyRepr(), "x")
except TypeError as exc:
    print("TypeError:", exc)


# __len__ returning bad values
class BadLen:
    def __init__(self, v):
        self.v = v

    def __len__(self):
        return self.v


for v in (3, -1, 2 ** 70, "x"):
    try:
        print(len(BadLen(v)), bool(BadLen(v)))
    except (ValueError, OverflowError, TypeError) as exc:
        print(type(exc).__name__, exc)


# __bool__ toggled mid-loop by monkeypatching the class
class Gate:
    pass


g = Gate()
opens = 0
for i in range(1000):
    if i == 300:
        Gate.__bool__ = lambda self: False
    elif i == 600:
        Gate.__len__ = lambda self: 1
        del Gate.__bool__
    if g:
        opens += 1
print("gate opens", opens)
