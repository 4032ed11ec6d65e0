# Specialized module attributes and module functions (keyed by the module dict's keys version),
# __slots__ members (offset keyed by the type version), attributes of a materialized instance
# __dict__ (entry hint), methods looked up on classes and on objects with a __dict__; and the
# ways their guards fail.
import math
import types

mod = types.ModuleType("mod")
mod.value = 1
mod.func = lambda x: x + 1


def module_reads(n):
    out = []
    for i in range(n):
        out.append((mod.value, mod.func(i), math.floor(2.5)))
        if i == 10:
            mod.value = 2  # same keys
        if i == 20:
            mod.extra = 0  # keys change
        if i == 30:
            mod.func = lambda x: -x
        if i == 40:
            del mod.value
            try:
                mod.value
            except AttributeError as e:
                out.append(str(e))
            mod.value = 3
        if i == 50:
            mod.__getattr__ = lambda name: "module getattr " + name
    return out[9:12], out[19:23], out[29:32], out[40:44], out[-1]


print("module", module_reads(60))


def module_getattr(n):
    out = []
    for i in range(n):
        out.append(mod.missing_name)
        if i == 5:
            mod.missing_name = "now present"
        if i == 10:
            del mod.missing_name
    return out[4:7], out[9:12]


print("module __getattr__", module_getattr(15))


class ModSub(types.ModuleType):
    pass


sub = ModSub("sub")
sub.x = 5
print("module subclass", [sub.x for _ in range(10)][-1])


class Pt:
    __slots__ = ("x", "y", "__weakref__")

    def __init__(self, x, y):
        self.x = x
        self.y = y


class Pt3(Pt):
    __slots__ = ("z",)

    def __init__(self, x, y, z):
        super().__init__(x, y)
        self.z = z


def slot_reads(objs):
    t = 0
    for o in objs:
        t += o.x * 100 + o.y
        o.x = o.y
    return t


pts = [Pt(i, i + 1) for i in range(20)] + [Pt3(1, 2, 3) for _ in range(5)] + [Pt(9, 9)]
print("slots", slot_reads(pts), slot_reads(pts))


def slot_deleted(n):
    p = Pt(1, 2)
    out = []
    for i in range(n):
        try:
            out.append(p.y)
        except AttributeError as e:
            out.append(str(e))
            p.y = i
        if i == 10:
            del p.y
    return out[9:13]


print("slot deleted", slot_deleted(20))


def slot_replaced(n):
    p = Pt(1, 2)
    out = []
    for i in range(n):
        out.append(p.x)
        p.x = i
        if i == 10:
            Pt.x = property(lambda self: "property now", lambda self, v: None)
    return out[9:14]


saved = Pt.__dict__["x"]
print("slot replaced", slot_replaced(20))
Pt.x = saved


# A member descriptor moved to a class it does not belong to.
class Stranger:
    pass


Stranger.y = Pt.__dict__["y"]


def stranger(n):
    s = Stranger()
    out = []
    for i in range(n):
        try:
            out.append(s.y)
        except TypeError as e:
            out.append(str(e))
    return out[-1]


print("stranger", stranger(10))


class ReadOnlySlot:
    __slots__ = ("v",)


def readonly_like(n):
    r = ReadOnlySlot()
    out = []
    for i in range(n):
        r.v = i
        out.append(r.v)
    return out[-3:]


print("slot store", readonly_like(20))


# Attributes of a materialized __dict__ (entry hints).
class Bag:
    def __init__(self):
        self.a = 1
        self.b = 2


def hinted(n):
    b = Bag()
    b.__dict__  # materialize
    out = []
    for i in range(n):
        out.append(b.a + b.b)
        if i == 10:
            b.__dict__["a"] = 10
        if i == 20:
            del b.a
            b.a = 100  # a new entry
        if i == 30:
            b.__dict__ = {"b": 5, "a": 6}
        if i == 40:
            b.__dict__.clear()
            try:
                b.a
            except AttributeError as e:
                out.append(str(e))
            b.a = 0
            b.b = 0
    return out[9:12], out[19:23], out[29:33], out[40:43]


print("hinted", hinted(50))


class Wide:
    pass


def wide(n):
    w = Wide()
    for k in range(40):
        setattr(w, "f%d" % k, k)
    t = 0
    for i in range(n):
        t += w.f0 + w.f39
        w.f39 = i
    return t


print("wide", wide(50))


# Methods looked up on classes.
class Util:
    def twice(x):
        return 2 * x

    label = "util"


class Meta(type):
    def twice(cls, x):
        return "meta"


class WithMeta(metaclass=Meta):
    def twice(x):
        return 3 * x


def class_methods(n):
    out = []
    for i in range(n):
        out.append((Util.twice(i), WithMeta.twice(i), str.upper("a"), dict.fromkeys("ab")))
        if i == 10:
            Util.twice = staticmethod(lambda x: -x)
        if i == 20:
            del Util.twice
            Util.twice = lambda x: "plain again"
    return out[9:12], out[19:22], out[-1]


print("class methods", class_methods(30))


class Base:
    def hello(self):
        return "base"


class Child(Base):
    pass


def inherited_on_class(n):
    out = []
    for i in range(n):
        out.append(Child.hello(None))
        if i == 5:
            Base.hello = lambda self: "patched base"
        if i == 10:
            Child.hello = lambda self: "child own"
    return out[4:7], out[9:12]


print("inherited", inherited_on_class(15))


# Methods of objects that have a __dict__ (materialized, or tp_dictoffset).
class Node:
    def __init__(self):
        self.v = 1

    def get(self):
        return self.v


def with_dict(n):
    node = Node()
    node.__dict__
    out = []
    for i in range(n):
        out.append(node.get())
        if i == 10:
            node.__dict__["get"] = lambda: "instance"
        if i == 20:
            del node.__dict__["get"]
        if i == 25:
            node.__dict__ = {"v": 7}
    return out[9:12], out[19:22], out[-1]


print("with dict", with_dict(30))


def func_attrs(n):
    def f():
        return 1

    out = []
    for i in range(n):
        out.append(f.__name__)
        if i == 5:
            f.__dict__["x"] = 1
    return out[-1]


print("function", func_attrs(10))


# Module functions called as methods (LOAD_METHOD_MODULE): the function replaced, the name
# deleted, a new name added to the module (its keys change), and another module object.
import math
import types


def module_methods(n):
    out = []
    mod = math
    for i in range(n):
        try:
            out.append(mod.floor(i * 0.75))
        except AttributeError as e:
            out.append(str(e))
        if i == 10:
            math.floor = lambda x: -1
        elif i == 14:
            del math.floor
        elif i == 17:
            math.floor = math.ceil
        elif i == 20:
            math.brand_new = 1
        elif i == 23:
            mod = types.SimpleNamespace(floor=lambda x: "ns")
        elif i == 26:
            mod = types.ModuleType("other")
            mod.floor = lambda x: "other"
    return out


saved_floor = math.floor
print("module methods", module_methods(30))
math.floor = saved_floor
del math.brand_new
