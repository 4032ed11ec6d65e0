# LOAD_ATTR on classes (LOAD_ATTR_CLASS): class constants, functions and staticmethods read
# through the class in hot loops. What must still hold: the class attribute reassigned or
# deleted mid-loop, a base class changed, the value's class gaining __get__ mid-loop,
# classmethods and properties (not cached), metaclass attributes, and instances at the site.


class Strength:
    def __init__(self, n):
        self.n = n


class Const:
    LIMIT = 10
    WEAK = Strength(1)
    name = "const"

    def method(self):
        return 1

    @staticmethod
    def static():
        return 2

    @classmethod
    def klass(cls):
        return cls.__name__


class Sub(Const):
    pass


def reads(n):
    total = 0
    for i in range(n):
        total += Const.LIMIT + Const.WEAK.n + Sub.LIMIT + Const.static()
        if i == 50:
            Const.LIMIT = 100
        if i == 80:
            Const.WEAK = Strength(5)
        if i == 110:
            Sub.LIMIT = -1
        if i == 140:
            del Sub.LIMIT
    return total


print("reads", reads(200))


def functions(n):
    out = []
    for i in range(n):
        f = Const.method
        out.append((f is Const.__dict__["method"], Const.klass(), Sub.klass()))
    return out[0], out[-1], len(out)


print("functions", functions(100))


class Gets:
    pass


class Holder:
    value = Gets()


def gaining(n):
    out = []
    for i in range(n):
        if i == 60:
            Gets.__get__ = lambda self, obj, owner: "got"
        out.append(Holder.value if isinstance(Holder.value, str) else "plain")
    return out[58:62]


print("gaining", gaining(100))


class Meta(type):
    extra = "meta"

    @property
    def prop(cls):
        return "prop:" + cls.__name__


class WithMeta(metaclass=Meta):
    own = 1


def meta(n):
    out = []
    for i in range(n):
        out.append((WithMeta.own, WithMeta.extra, WithMeta.prop, Const.__name__, Const.__doc__))
    return out[-1], len(out)


print("meta", meta(100))


def mixed(n):
    objs = [Const, Sub, Const(), Sub(), Strength(3)]
    out = []
    for i in range(n):
        o = objs[i % len(objs)]
        try:
            out.append(o.LIMIT)
        except AttributeError as e:
            out.append(str(e))
    return out[:5], len(out)


print("mixed", mixed(100))
