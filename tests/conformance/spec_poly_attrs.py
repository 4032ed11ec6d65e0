# Attribute and method sites that meet several classes become polymorphic (a table of up to
# four classes). What must still hold: a fifth class, a class changed mid-loop (attribute,
# method or descriptor added, method replaced), instances whose __dict__ was made, classes
# with slots or __getattr__, and deleted attributes.


class Base:
    def __init__(self, v):
        self.v = v
        self.w = v * 2

    def get(self):
        return self.v

    def bump(self):
        self.v = self.v + 1
        return self.v


class A(Base):
    pass


class B(Base):
    def get(self):
        return -self.v


class C(Base):
    pass


class D(Base):
    def __init__(self, v):
        self.extra = 0
        super().__init__(v)


class E(Base):
    pass


def run(objs, n):
    total = 0
    for _ in range(n):
        for o in objs:
            total += o.v + o.w + o.get() + o.bump()
            o.w = o.v
    return total


objs = [A(1), B(2), C(3), D(4)]
print("four", run(objs, 50))
objs.append(E(5))
print("five", run(objs, 50))


# A class changed mid-loop.
def changing(n):
    objs = [A(1), B(2), C(3)]
    out = []
    for i in range(n):
        if i == 30:
            A.get = lambda self: 1000
        if i == 60:
            C.v = property(lambda self: 77, lambda self, val: None)
        if i == 90:
            del A.get
        for o in objs:
            out.append(o.get())
            out.append(o.v)
            o.v = i
    return sum(out), out[-6:]


print("changing", changing(120))


# Instances whose __dict__ was made, slotted classes and __getattr__ at the same sites.
class Slotted:
    __slots__ = ("v", "w")

    def __init__(self, v):
        self.v = v
        self.w = v

    def get(self):
        return self.v * 10

    def bump(self):
        self.v += 1
        return self.v


class Dyn(Base):
    def __getattr__(self, name):
        return 5


class Made(Base):
    pass


m = Made(7)
m.__dict__
mixed = [A(1), Slotted(2), Dyn(3), m, B(4)]
print("mixed", run(mixed, 40))


# Attributes deleted and re-added mid-loop.
def deleting(n):
    objs = [A(1), B(2)]
    got = []
    for i in range(n):
        for o in objs:
            if i == 20:
                del o.w
            try:
                got.append(o.w)
            except AttributeError as e:
                got.append(str(e))
                o.w = -i
    return got[38:44], len(got)


print("deleting", deleting(40))


# Bound methods from several classes called at one site.
def calls(n):
    objs = [A(1), B(2), C(3), D(4)]
    total = 0
    for i in range(n):
        f = objs[i % 4].get
        total += f()
    return total


print("calls", calls(200))
