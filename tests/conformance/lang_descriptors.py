# Exercises the descriptor protocol: data vs non-data descriptors and precedence over instance dicts, functions as descriptors, bound methods, classmethod/staticmethod, __get__ with None.

log = []


class NonData:
    def __get__(self, obj, objtype=None):
        log.append(("NonData.get", obj is None, objtype.__name__))
        return "nondata-value"


class Data:
    def __init__(self):
        self.values = {}

    def __get__(self, obj, objtype=None):
        if obj is None:
            return "Data on class"
        return self.values.get("v", "unset")

    def __set__(self, obj, value):
        log.append(("Data.set", value))
        self.values["v"] = value

    def __delete__(self, obj):
        log.append(("Data.delete",))
        self.values.pop("v", None)


class Holder:
    nd = NonData()
    dd = Data()


h = Holder()
print(h.nd, Holder.nd, Holder.dd, h.dd)
h.__dict__["nd"] = "instance wins over non-data"
h.__dict__["dd"] = "instance loses to data descriptor"
print(h.nd, h.dd)
h.dd = 42
print(h.dd, h.__dict__["dd"])
del h.dd
print(h.dd)
h.nd = "assigned"
print(h.nd, log)
log.clear()


# Functions are non-data descriptors: binding, unbound access, rebinding on instance
class Greeter:
    greeting = "hi"

    def greet(self, name):
        return "%s %s" % (self.greeting, name)


g = Greeter()
bound = g.greet
print(bound("ann"), Greeter.greet(g, "bob"), bound.__self__ is g, bound.__func__ is Greeter.__dict__["greet"], g.greet == g.greet)
g.greet = lambda name: "instance override " + name
print(g.greet("cy"), Greeter.greet(g, "dee"))
del g.greet
print(g.greet("eve"))
f = Greeter.__dict__["greet"].__get__(g, Greeter)
print(f("fay"), type(Greeter.__dict__["greet"].__get__(None, Greeter)).__name__)


# classmethod / staticmethod descriptors
class Tool:
    count = 0

    @classmethod
    def make(cls):
        cls.count += 1
        return cls.__name__

    @staticmethod
    def helper(x):
        return x * 2


class SubTool(Tool):
    pass


print(Tool.make(), SubTool.make(), Tool().make(), Tool.count, SubTool.count, Tool.helper(4), Tool().helper(5))
cm = Tool.__dict__["make"]
sm = Tool.__dict__["helper"]
print(type(cm).__name__, type(sm).__name__, cm.__get__(None, SubTool)(), sm.__get__(None, Tool)(21), callable(sm))


# A typed, validated attribute descriptor used in a hot loop
class Bounded:
    def __init__(self, lo, hi):
        self.lo, self.hi = lo, hi

    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name)

    def __set__(self, obj, value):
        if not (self.lo <= value <= self.hi):
            raise ValueError("%s=%r out of [%r, %r]" % (self.name[1:], value, self.lo, self.hi))
        setattr(obj, self.name, value)


class Pixel:
    r = Bounded(0, 255)
    g = Bounded(0, 255)
    b = Bounded(0, 255)

    def __init__(self, r, g, b):
        self.r, self.g, self.b = r, g, b

    def lum(self):
        return (self.r * 299 + self.g * 587 + self.b * 114) // 1000


total = 0
errors = 0
for i in range(3000):
    try:
        px = Pixel(i % 300, (i * 7) % 256, (i * 13) % 256)
        total += px.lum()
    except ValueError:
        errors += 1
print("lum total", total, "errors", errors)
try:
    Pixel(1, 2, 300)
except ValueError as exc:
    print("ValueError:", exc)


# Lazy cached property via non-data descriptor that writes into the instance dict
class cached:
    def __init__(self, fn):
        self.fn = fn
        self.name = fn.__name__

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        value = self.fn(obj)
        obj.__dict__[self.name] = value
        return value


class Data2:
    computed = 0

    @cached
    def expensive(self):
        Data2.computed += 1
        return sum(range(10000))


dd2 = Data2()
print(dd2.expensive, dd2.expensive, Data2.computed, "expensive" in vars(dd2))

# Descriptor on a metaclass-level and __get__ returning different things by owner
class Describe:
    def __get__(self, obj, owner):
        return "instance of %s" % owner.__name__ if obj is not None else "class %s" % owner.__name__


class Base:
    d = Describe()


class Derived(Base):
    pass


print(Base.d, Derived.d, Base().d, Derived().d)
print(hasattr(NonData, "__set__"), hasattr(Data, "__set__"), type(property()).__name__, hasattr(property, "__set__"))
