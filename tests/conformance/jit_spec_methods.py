# Specialized LOAD_METHOD (methods found on the type: objects without a dict, and managed-dict
# objects whose values do not shadow the name) and the ways the guards fail: methods replaced
# on the class, shadowed by an instance attribute (on this or another instance), the instance
# __dict__ materialized, subclass overrides, __getattribute__ added later, builtin types.


class Counter:
    def __init__(self):
        self.n = 0

    def inc(self, k=1):
        self.n += k
        return self.n

    def get(self):
        return self.n


def run(c, n):
    for i in range(n):
        c.inc()
    return c.get()


print("plain", run(Counter(), 100))


def replaced(n):
    c = Counter()
    out = []
    for i in range(n):
        out.append(c.inc())
        if i == 20:
            Counter.inc = lambda self, k=1: "replaced"
        if i == 40:
            del Counter.inc
            try:
                c.inc()
            except AttributeError as e:
                out.append(str(e))
            Counter.inc = lambda self, k=1: "again"
    return out[19:23], out[40:44], out[-1]


print("replaced", replaced(60))


class Greeter:
    def __init__(self, name):
        self.name = name

    def hello(self):
        return "hello " + self.name


def shadowed(n):
    g = Greeter("a")
    other = Greeter("b")
    out = []
    for i in range(n):
        out.append(g.hello())
        if i == 10:
            other.hello = lambda: "other's own"  # shared keys get 'hello'
        if i == 20:
            g.hello = lambda: "instance attr"
        if i == 30:
            del g.hello
    return out[9:12], out[19:22], out[29:32], other.hello()


print("shadowed", shadowed(40))


def materialized(n):
    g = Greeter("m")
    out = []
    for i in range(n):
        out.append(g.hello())
        if i == 10:
            g.__dict__["hello"] = lambda: "via __dict__"
        if i == 20:
            del g.__dict__["hello"]
    return out[9:12], out[19:22], out[-1]


print("materialized", materialized(30))


class Loud(Greeter):
    def hello(self):
        return "HELLO " + self.name.upper()


class Quiet(Greeter):
    pass


def polymorphic(objs):
    return [o.hello() for o in objs]


print("poly", polymorphic([Greeter("x")] * 3 + [Loud("y")] * 3 + [Quiet("z")] * 3 + [Greeter("w")] * 2))


def base_method_changed(n):
    q = Quiet("q")
    out = []
    for i in range(n):
        out.append(q.hello())
        if i == 5:
            Greeter.hello = lambda self: "base changed"
    return out[4:8]


print("base changed", base_method_changed(10))


class Tracked:
    def m(self):
        return "m"


def getattribute_later(n):
    t = Tracked()
    out = []
    for i in range(n):
        out.append(t.m())
        if i == 10:
            Tracked.__getattribute__ = lambda self, name: (lambda: "intercepted " + name)
    return out[9:13]


print("getattribute", getattribute_later(20))


class Slotted:
    __slots__ = ("v",)

    def __init__(self, v):
        self.v = v

    def double(self):
        return self.v * 2


def builtins_and_slots(n):
    lst = []
    s = Slotted(3)
    d = {}
    words = []
    for i in range(n):
        lst.append(i)
        d.setdefault(i % 3, []).append(i)
        words.append("w{}".format(i).upper())
        s.v = s.double() % 1000
    return sum(lst), {k: len(v) for k, v in d.items()}, words[-2:], s.v


print("builtins", builtins_and_slots(50))


class WithStatic:
    @staticmethod
    def st(x):
        return x + 1

    @classmethod
    def cm(cls, x):
        return cls.__name__ + str(x)

    def __init__(self):
        self.data = 1


def other_descriptors(n):
    w = WithStatic()
    out = []
    for i in range(n):
        out.append((w.st(i), w.cm(i), WithStatic.st(i), WithStatic.cm(i)))
    return out[-1]


print("static/class", other_descriptors(20))


class Dyn:
    def __init__(self):
        self.val = 1

    def get(self):
        return self.val


def instance_dict_offset_class(n):
    # a class with a dict but no managed dict (subclass of a builtin with __dict__)
    class E(Exception):
        def get(self):
            return "E.get"

    e = E()
    out = []
    for i in range(n):
        out.append(e.get())
        if i == 10:
            e.get = lambda: "own"
    return out[9:13]


print("dict offset", instance_dict_offset_class(20))


def method_error(n):
    c = Counter()
    for i in range(n):
        try:
            c.nope()
        except AttributeError as e:
            if i == n - 1:
                print("error:", e)


method_error(20)
