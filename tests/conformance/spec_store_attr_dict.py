# STORE_ATTR on instances whose __dict__ has been made (attributes added in different orders,
# __dict__ read, more attributes than the shared keys hold): the store goes into that dict.
# What must still be seen: a descriptor or __setattr__ added to the class mid-loop, __dict__
# replaced mid-loop, a value whose release runs code, and slots/values instances at the site.


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def make(i):
    p = Point(i, i)
    if i % 2:
        p.z = i          # different orders: the shared keys stop being shared
    else:
        p.w = i
    p.__dict__           # materializes the dict
    return p


def move(points, n):
    for _ in range(n):
        for p in points:
            p.x = p.x + 1
            p.y = p.y - 1
    return sum(p.x - p.y for p in points)


pts = [make(i) for i in range(20)]
print("moved", move(pts, 50), sorted(pts[3].__dict__.items()))


# Many attributes: more than a values array holds.
class Wide:
    pass


def fill(n):
    w = Wide()
    for k in range(40):
        setattr(w, "a%d" % k, k)
    total = 0
    for i in range(n):
        w.a39 = i
        w.a0 = w.a39 + 1
        total += w.a0
    return total, len(w.__dict__)


print("wide", fill(300))


# A property appears on the class mid-loop: stores must go through it.
class Box:
    pass


def boxes(n):
    b = Box()
    b.__dict__["v"] = 0
    b.other = 1
    out = []
    for i in range(n):
        if i == 100:
            Box.v = property(lambda self: -1, lambda self, val: out.append(("set", val)))
        b.v = i
    return len(out), out[:2], b.__dict__["v"]


print("property", boxes(150))


# __setattr__ added mid-loop.
class Logged:
    pass


def logged(n):
    o = Logged()
    o.__dict__
    o.a = 0
    seen = []
    for i in range(n):
        if i == 60:
            Logged.__setattr__ = lambda self, k, v: seen.append((k, v))
        o.a = i
    return o.a, len(seen), seen[:1]


print("setattr", logged(100))


# __dict__ replaced mid-loop, and by a dict subclass.
class Holder:
    pass


class LoudDict(dict):
    pass


def replaced(n):
    h = Holder()
    h.__dict__
    h.k = 0
    for i in range(n):
        if i == 40:
            h.__dict__ = {"k": -5}
        if i == 80:
            h.__dict__ = LoudDict(k=-9)
        h.k += 1
    return h.k, type(h.__dict__).__name__


print("replaced", replaced(120))


# The old value's release runs code that replaces the instance's __dict__.
class Dropper:
    def __init__(self, target):
        self.target = target

    def __del__(self):
        self.target.__dict__ = {"slot": "reset"}


class Target:
    pass


def dropping(n):
    t = Target()
    t.__dict__
    t.slot = None
    log = []
    for i in range(n):
        t.slot = Dropper(t) if i % 10 == 0 else i
        log.append(t.__dict__.get("slot") if not isinstance(t.__dict__.get("slot"), Dropper) else "d")
    return log[:12], log[-1]


print("dropping", dropping(40))


# Slots and values instances through the same site.
class Slotted:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


mixed = [make(i) if i % 3 else Slotted(i, i) for i in range(30)] + [Point(1, 2) for _ in range(5)]
print("mixed", move(mixed, 20))
