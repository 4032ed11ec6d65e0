# Exercises inheritance: single/multiple/diamond, C3 MRO, zero-arg and two-arg super(), cooperative __init__, method resolution through mixins, isinstance/issubclass.


class Base:
    def __init__(self, **kw):
        self.log = ["Base"]
        self.extra = kw

    def who(self):
        return "Base"

    def chain(self):
        return ["Base.chain"]


class Left(Base):
    def __init__(self, left=1, **kw):
        super().__init__(**kw)
        self.log.append("Left")
        self.left = left

    def who(self):
        return "Left>" + super().who()

    def chain(self):
        return ["Left.chain"] + super().chain()


class Right(Base):
    def __init__(self, right=2, **kw):
        super().__init__(**kw)
        self.log.append("Right")
        self.right = right

    def who(self):
        return "Right>" + super().who()

    def chain(self):
        return ["Right.chain"] + super(Right, self).chain()


class Diamond(Left, Right):
    def __init__(self, **kw):
        super().__init__(**kw)
        self.log.append("Diamond")

    def who(self):
        return "Diamond>" + super().who()

    def skip_left(self):
        return super(Left, self).who()


d = Diamond(left=10, right=20, other=30)
print([c.__name__ for c in Diamond.__mro__])
print(d.log, d.left, d.right, d.extra, d.who(), d.chain(), d.skip_left())
print(isinstance(d, Left), isinstance(d, Right), issubclass(Diamond, Base), issubclass(Base, Diamond), isinstance(d, (int, Right)))
print(Diamond.__bases__ == (Left, Right), Base.__subclasses__() == [Left, Right], type(d).__name__, d.__class__ is Diamond)

# MRO conflicts raise TypeError at class creation
class X: pass
class Y: pass
class A(X, Y): pass
class B(Y, X): pass
try:
    class Bad(A, B):
        pass
except TypeError as exc:
    print("TypeError:", exc)

# Classic C3 example
class O: pass
class F(O): pass
class E(O): pass
class D2(O): pass
class C2(D2, F): pass
class B2(D2, E): pass
class A2(B2, C2): pass
print([k.__name__ for k in A2.mro()])


# super() in classmethods and staticmethod-like contexts; super proxies
class Shape:
    registry = []

    @classmethod
    def create(cls, *args):
        obj = cls(*args)
        Shape.registry.append(cls.__name__)
        return obj

    def area(self):
        return 0

    def describe(self):
        return "%s(area=%.2f)" % (type(self).__name__, self.area())


class Rect(Shape):
    def __init__(self, w, h):
        self.w, self.h = w, h

    def area(self):
        return self.w * self.h

    @classmethod
    def create(cls, *args):
        obj = super().create(*args)
        obj.created_by = "Rect.create"
        return obj


class Square(Rect):
    def __init__(self, s):
        super().__init__(s, s)

    def describe(self):
        return "Square/" + super().describe()


shapes = [Rect.create(2, 3), Square.create(4), Shape.create()]
print([s.describe() for s in shapes], Shape.registry, shapes[1].created_by)
sp = super(Square, shapes[1])
print(sp.area(), sp.describe(), super(Rect, shapes[1]).area())

# Polymorphic dispatch in a hot loop, with a subclass defined mid-loop
class Animal:
    def sound(self):
        return "..."


class Dog(Animal):
    def sound(self):
        return "woof"


class Cat(Animal):
    def sound(self):
        return "meow"


zoo = [Dog(), Cat(), Animal()]
counts = {}
for i in range(3000):
    if i == 1500:
        class Puppy(Dog):
            def sound(self):
                return "yip+" + super().sound()
        zoo.append(Puppy())
    s = zoo[i % len(zoo)].sound()
    counts[s] = counts.get(s, 0) + 1
print(sorted(counts.items()))

# Overriding builtins types
class MyList(list):
    def append(self, v):
        super().append(v * 2)

    def __getitem__(self, i):
        return super().__getitem__(i) if not isinstance(i, str) else len(self)


class MyDict(dict):
    def __missing__(self, key):
        return "missing:" + str(key)


class MyInt(int):
    def __add__(self, other):
        return MyInt(int(self) + int(other) + 1000)


ml = MyList([1, 2])
ml.append(5)
ml.extend([7])
md = MyDict(a=1)
mi = MyInt(5)
print(ml, ml[2], ml["len"], md["a"], md["zz"], md.get("zz"), mi + 1, 1 + mi, type(mi + 1).__name__, isinstance(mi, int))


class Temperature(float):
    def __new__(cls, value, unit="C"):
        obj = super().__new__(cls, value)
        obj.unit = unit
        return obj

    def __repr__(self):
        return "%s%s" % (float.__repr__(self), self.unit)


t = Temperature(21.5, "F")
print(t, t + 1, t.unit, type(t + 1).__name__, Temperature(3))
try:
    super().who()
except RuntimeError as exc:
    print("RuntimeError:", exc)
