# Exercises __slots__: attribute restriction, slot descriptors, inheritance with/without slots, __dict__/__weakref__ in slots, class var conflicts, hot loops on slotted objects.
import weakref


class P2:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "P2(%r, %r)" % (self.x, self.y)


p = P2(1, 2)
print(p, hasattr(p, "__dict__"), P2.__slots__, type(P2.x).__name__, P2.x.__name__)
try:
    p.z = 3
except AttributeError as exc:
    print("AttributeError:", exc)
del p.x
try:
    p.x
except AttributeError as exc:
    print("AttributeError:", exc)
p.x = "back"
print(p)
try:
    weakref.ref(p)
except TypeError as exc:
    print("TypeError:", exc)


class P3(P2):
    __slots__ = ("z",)


class Loose(P2):
    pass


p3 = P3(1, 2)
p3.z = 3
lo = Loose(4, 5)
lo.anything = "ok"
print(p3, p3.z, hasattr(p3, "__dict__"), lo, vars(lo), P3.__slots__)


class WithDict:
    __slots__ = ("a", "__dict__", "__weakref__")


wd = WithDict()
wd.a = 1
wd.b = 2
r = weakref.ref(wd)
print(wd.a, vars(wd), r() is wd)

try:
    class Conflict:
        __slots__ = ("v",)
        v = 5
except ValueError as exc:
    print("ValueError:", exc)


class StrSlot:
    __slots__ = "only"


s = StrSlot()
s.only = "single string slot"
print(s.only, StrSlot.__slots__)


# Slot descriptor manipulated directly
desc = P2.__dict__["y"]
q = P2(0, 0)
desc.__set__(q, 99)
print(desc.__get__(q, P2), q.y)

# Hot loop: particle simulation with slotted objects
class Particle:
    __slots__ = ("x", "y", "vx", "vy")

    def __init__(self, x, y, vx, vy):
        self.x, self.y, self.vx, self.vy = x, y, vx, vy

    def step(self, w, h):
        self.x += self.vx
        self.y += self.vy
        if not 0 <= self.x <= w:
            self.vx = -self.vx
            self.x = max(0, min(w, self.x))
        if not 0 <= self.y <= h:
            self.vy = -self.vy
            self.y = max(0, min(h, self.y))


parts = [Particle(i * 3 % 100, i * 7 % 50, (i % 5) - 2, (i % 3) - 1) for i in range(60)]
for t in range(200):
    for pt in parts:
        pt.step(100, 50)
print(sum(pt.x for pt in parts), sum(pt.y for pt in parts), [(pt.x, pt.y) for pt in parts[:5]])

# Slot attribute type changes mid-loop
acc = P2(0, 0)
for i in range(3000):
    if i == 1000:
        acc.x = float(acc.x)
    if i == 2000:
        acc.x = str(int(acc.x))
    if isinstance(acc.x, str):
        acc.x = str(int(acc.x) + 1)
    else:
        acc.x += 1
    acc.y = i
print(repr(acc.x), acc.y)


# Multiple inheritance of slotted classes: layout conflict
class SA:
    __slots__ = ("a",)


class SB:
    __slots__ = ("b",)


try:
    class SAB(SA, SB):
        pass
except TypeError as exc:
    print("TypeError:", exc)


class Empty:
    __slots__ = ()


class Mixed(Empty, SA):
    __slots__ = ("c",)


m = Mixed()
m.a, m.c = 1, 3
print(m.a, m.c, [k for k in ("a", "b", "c") if hasattr(m, k)], Mixed.__mro__[1].__name__)
print(sorted(k for k in P3.__dict__ if not k.startswith("__")), sorted(k for k in P2.__dict__ if not k.startswith("__") or k == "__slots__"))
