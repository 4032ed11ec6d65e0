# Specialized LOAD_ATTR / STORE_ATTR on instance attributes kept in the values array of
# managed-dict objects, and the ways the guards fail: class attributes added or removed
# mid-loop (type version), data descriptors appearing on the class, instance __dict__
# materialized, __slots__, __getattr__/__getattribute__/__setattr__ defined later, subclass
# instances, del then load (exact AttributeError text), insertion order of re-added attributes.


class P:
    def __init__(self, x, y):
        self.x = x
        self.y = y


def total(points):
    t = 0
    for p in points:
        t += p.x * 10 + p.y
    return t


pts = [P(i, i + 1) for i in range(50)]
print("plain", total(pts))


def store_load(n):
    p = P(0, 0)
    for i in range(n):
        p.x = i
        p.y = p.x + 1
    return p.x, p.y, vars(p)


print("store", store_load(100))


# Class attribute added mid-loop: a plain value (instance still wins), then a property (wins).
def class_changes(n):
    p = P(1, 2)
    out = []
    for i in range(n):
        out.append(p.x)
        if i == 10:
            P.z = 5  # type version changes
        if i == 20:
            P.x = property(lambda self: "prop")
        if i == 30:
            del P.x
        if i == 40:
            del P.z
    return out[9:13], out[19:23], out[29:33], out[-1]


print("class changes", class_changes(60))


# Stores while a data descriptor appears and goes away.
log = []


def store_with_setter(n):
    p = P(0, 0)
    for i in range(n):
        p.y = i
        if i == 10:
            P.y = property(lambda self: -1, lambda self, v: log.append(v))
        if i == 13:
            del P.y
    return p.y, log, vars(p)


print("setter", store_with_setter(20))


# The instance __dict__ materialized mid-loop.
def materialize(n):
    p = P(1, 2)
    t = 0
    for i in range(n):
        t += p.x + p.y
        p.x = i
        if i == 30:
            d = p.__dict__
            d["y"] = 100
        if i == 60:
            p.__dict__ = {"x": 5, "y": 7, "w": 1}
    return t, vars(p)


print("materialize", materialize(100))


# del obj.attr then load; re-adding keeps insertion order.
def deletes(n):
    p = P(1, 2)
    msgs = []
    for i in range(n):
        try:
            v = p.x
        except AttributeError as e:
            msgs.append(str(e))
            p.x = i  # added back: goes to the end of the insertion order
        if i == 20:
            del p.x
        if i == 40:
            del p.y
            try:
                p.y
            except AttributeError as e:
                msgs.append(str(e))
            p.y = 9
    return msgs, list(vars(p)), vars(p)


print("deletes", deletes(60))


class Q:
    def __init__(self):
        self.a = 1
        self.b = 2


def order(n):
    objs = []
    for i in range(n):
        q = Q()
        del q.a
        q.c = i
        q.a = i
        objs.append(q)
    return [list(vars(q)) for q in objs[:2]], vars(objs[-1])


print("order", order(20))


# Subclass instances and other classes at a specialized site.
class P2(P):
    pass


class Other:
    x = "class attr"
    y = 0


def mixed(objs):
    out = []
    for o in objs:
        out.append(o.x)
    return out


print("mixed", mixed([P(1, 2)] * 5 + [P2(3, 4)] * 3 + [Other()] * 2 + [P(5, 6)] * 3))


# __slots__ objects.
class S:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y


def slots(n):
    s = S(1, 2)
    t = 0
    for i in range(n):
        t += s.x + s.y
        s.x = i
        if i == 50:
            del s.y
            try:
                s.y
            except AttributeError as e:
                print("slots:", e)
            s.y = 3
    return t


print("slots", slots(100))
print("slots mixed", mixed([S(1, 2)] * 3 + [P(7, 8)] * 3))


# __getattr__, __getattribute__ and __setattr__ defined after the site specialized.
class H:
    def __init__(self):
        self.a = 1


def hooks(n):
    h = H()
    out = []
    for i in range(n):
        out.append(h.a)
        try:
            out.append(h.missing)
        except AttributeError as e:
            out.append(str(e))
        h.a = i
        if i == 10:
            H.__getattr__ = lambda self, name: "getattr " + name
        if i == 20:
            H.__getattribute__ = lambda self, name: "getattribute " + name
        if i == 30:
            del H.__getattribute__
        if i == 40:
            H.__setattr__ = lambda self, name, v: object.__setattr__(self, name, v * 2)
    return out[18:24], out[40:44], out[60:66], out[-4:], vars(h)


print("hooks", hooks(50))


# Properties and other descriptors.
class D:
    def __init__(self):
        self._v = 3

    @property
    def v(self):
        return self._v * 2

    @staticmethod
    def s():
        return "static"

    @classmethod
    def c(cls):
        return cls.__name__


def descriptors(n):
    d = D()
    t = []
    for i in range(n):
        t.append((d.v, d.s(), d.c(), d._v))
        d._v = i
    return t[:2], t[-1]


print("descriptors", descriptors(30))


# Classes and modules as owners.
import math


class K:
    attr = 1


def class_and_module(n):
    t = 0
    for i in range(n):
        t += K.attr + math.floor(math.pi)
        if i == 10:
            K.attr = 2
        if i == 20:
            math.pi = 4.5
    math.pi = 3.141592653589793
    return t


print("class/module", class_and_module(40))


# Many attributes (more than a shared-keys table holds).
class Many:
    def __init__(self):
        for k in range(40):
            setattr(self, "a%d" % k, k)


def many(n):
    m = Many()
    t = 0
    for i in range(n):
        t += m.a1 + m.a35
        m.a35 = i
    return t


print("many", many(50))

# Errors with exact messages.
for obj in (P(1, 2), S(1, 2), H(), 5, "s"):
    try:
        obj.nope
    except AttributeError as e:
        print(type(obj).__name__, e)
