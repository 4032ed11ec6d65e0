# Exercises metaclasses (__prepare__, __new__, __init__, __call__), __init_subclass__, __set_name__, __class_getitem__, class creation order and keyword arguments.

events = []


class OrderedMeta(type):
    @classmethod
    def __prepare__(mcls, name, bases, **kwargs):
        events.append("prepare %s %s" % (name, sorted(kwargs)))
        return {"__prepared_by__": mcls.__name__}

    def __new__(mcls, name, bases, ns, **kwargs):
        events.append("new %s" % name)
        fields = [k for k in ns if not k.startswith("__")]
        cls = super().__new__(mcls, name, bases, ns)
        cls._fields = fields
        cls._options = kwargs
        return cls

    def __init__(cls, name, bases, ns, **kwargs):
        events.append("init %s" % name)
        super().__init__(name, bases, ns)

    def __call__(cls, *args, **kwargs):
        events.append("call %s%r" % (cls.__name__, args))
        inst = super().__call__(*args, **kwargs)
        inst._constructed = True
        return inst


class Model(metaclass=OrderedMeta, table="models"):
    b = 2
    a = 1

    def method(self):
        return "method"

    def __init__(self, v=0):
        self.v = v


class Sub(Model, flavor="sub"):
    c = 3


m = Sub(7)
print(events)
print(Model._fields, Sub._fields, Model._options, Sub._options, Model.__prepared_by__, m.v, m._constructed, type(Sub).__name__)


# Singleton metaclass with instance caching
class Singleton(type):
    _instances = {}

    def __call__(cls, *args, **kwargs):
        if cls not in cls._instances:
            cls._instances[cls] = super().__call__(*args, **kwargs)
        return cls._instances[cls]


class Config(metaclass=Singleton):
    def __init__(self):
        self.loaded = getattr(self, "loaded", 0) + 1


c1 = Config()
c2 = Config()
print(c1 is c2, c1.loaded)


# __init_subclass__ plugin registry with keyword arguments
class Plugin:
    registry = {}

    def __init_subclass__(cls, key=None, **kwargs):
        super().__init_subclass__(**kwargs)
        cls.key = key or cls.__name__.lower()
        Plugin.registry[cls.key] = cls


class Alpha(Plugin):
    pass


class Beta(Plugin, key="b"):
    pass


class Gamma(Beta):
    pass


print(sorted(Plugin.registry), Gamma.key, Plugin.registry["b"] is Beta)
try:
    class Broken(Plugin, unknown=1):
        pass
except TypeError as exc:
    print("TypeError:", exc)


# __set_name__ on descriptors
class Field:
    def __init__(self, kind):
        self.kind = kind

    def __set_name__(self, owner, name):
        self.owner_name = owner.__name__
        self.name = name
        self.storage = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.storage, None)

    def __set__(self, obj, value):
        if not isinstance(value, self.kind):
            raise TypeError("%s.%s must be %s" % (self.owner_name, self.name, self.kind.__name__))
        setattr(obj, self.storage, value)


class Person:
    name = Field(str)
    age = Field(int)


p = Person()
p.name = "Ann"
p.age = 30
print(p.name, p.age, Person.name.storage, Person.age.owner_name, sorted(vars(p)))
try:
    p.age = "old"
except TypeError as exc:
    print("TypeError:", exc)


# __class_getitem__
class Registry:
    def __class_getitem__(cls, item):
        return "%s[%s]" % (cls.__name__, item.__name__ if isinstance(item, type) else item)


print(Registry[int], Registry["x"], Registry[1, 2], list[int], dict[str, list[int]])


# type() three-argument form and dynamic classes created in a loop
made = []
for i in range(5):
    K = type("Dyn%d" % i, (object,), {"idx": i, "double": lambda self: self.idx * 2})
    made.append(K)
print([k.__name__ for k in made], [k().double() for k in made], type(made[0]) is type)

# Metaclass with operator overloading on classes
class Chainable(type):
    def __or__(cls, other):
        return type(cls.__name__ + other.__name__, (cls, other), {})

    def __len__(cls):
        return len(cls.__mro__)

    def __repr__(cls):
        return "<class %s>" % cls.__name__


class P(metaclass=Chainable):
    def p(self):
        return "p"


class Q(metaclass=Chainable):
    def q(self):
        return "q"


PQ = P | Q
print(PQ, len(PQ), PQ().p() + PQ().q(), [repr(k) for k in PQ.__mro__])


# Metaclass that validates methods and counts instances created in a hot loop
class Counted(type):
    def __new__(mcls, name, bases, ns):
        for k, v in ns.items():
            if callable(v) and k.startswith("bad_"):
                raise TypeError("method %s not allowed" % k)
        cls = super().__new__(mcls, name, bases, ns)
        cls.instances = 0
        return cls

    def __call__(cls, *a, **kw):
        cls.instances += 1
        return super().__call__(*a, **kw)


class Token(metaclass=Counted):
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v


toks = [Token(i) for i in range(3000)]
print(Token.instances, sum(t.v for t in toks))
try:
    class Nope(metaclass=Counted):
        def bad_method(self):
            pass
except TypeError as exc:
    print("TypeError:", exc)
print(isinstance(Token, Counted), isinstance(Token, type), Counted.__mro__[-1].__name__, type(type).__name__)
