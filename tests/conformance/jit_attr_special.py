# Attribute access in hot loops through properties, __slots__, __getattr__ fallbacks, __getattribute__, __setattr__ hooks, data descriptors and methods, with the kind of object changing mid-loop.


class Temp:
    def __init__(self, c):
        self._c = c
        self.reads = 0

    @property
    def c(self):
        self.reads += 1
        return self._c

    @c.setter
    def c(self, v):
        if v < -273:
            raise ValueError(f"below absolute zero: {v}")
        self._c = v

    @property
    def f(self):
        return self._c * 9 / 5 + 32


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self, a):
        self.a = a


class Fallback:
    def __init__(self):
        self.real = 1
        self.misses = 0

    def __getattr__(self, name):
        self.misses += 1
        if name.startswith("no_"):
            raise AttributeError(f"nothing called {name}")
        return len(name)


class Audited:
    def __init__(self):
        object.__setattr__(self, "log", [])
        self.v = 0

    def __setattr__(self, name, value):
        self.log.append((name, value))
        object.__setattr__(self, name, value)


class Counting:
    def __init__(self):
        self.x = 5
        self.gets = 0

    def __getattribute__(self, name):
        if name == "x":
            object.__setattr__(self, "gets", object.__getattribute__(self, "gets") + 1)
        return object.__getattribute__(self, name)


class Clamp:
    def __set_name__(self, owner, name):
        self.name = "_" + name

    def __get__(self, obj, objtype=None):
        if obj is None:
            return self
        return getattr(obj, self.name, 0)

    def __set__(self, obj, value):
        setattr(obj, self.name, max(0, min(100, value)))


class Gauge:
    level = Clamp()


def property_loop(n):
    t = Temp(0)
    total = 0.0
    for i in range(n):
        t.c = i - 10
        total += t.f + t.c
    return total, t.reads, t.c


def property_setter_raises():
    t = Temp(0)
    done = 0
    try:
        for i in range(400):
            t.c = -i
            done += 1
    except ValueError as e:
        return done, str(e), t._c


def slots_loop(n):
    s = Slotted(0)
    errors = []
    for i in range(n):
        s.a += i
        if i == n // 2:
            s.b = "set"
        try:
            s.b
        except AttributeError as e:
            if len(errors) < 1:
                errors.append(str(e))
    try:
        s.c = 1
    except AttributeError as e:
        errors.append(str(e))
    try:
        for i in range(5):
            if i == 3:
                del s.a
            s.a
    except AttributeError as e:
        errors.append((i, str(e)))
    return s.b, errors


def getattr_fallback(n):
    f = Fallback()
    total = 0
    errs = []
    for i in range(n):
        total += f.real
        if i == 20:
            del f.real
            f.__dict__["realness"] = 0
        if i == 30:
            f.real = 100
        try:
            total += f.no_thing if i % 10 == 9 else 0
        except AttributeError as e:
            errs.append(str(e))
    return total, f.misses, errs[:2], len(errs)


def setattr_hook(n):
    a = Audited()
    for i in range(n):
        a.v += i
    return a.v, len(a.log), a.log[:3], a.log[-1]


def getattribute_hook(n):
    c = Counting()
    s = 0
    for i in range(n):
        s += c.x
    return s, c.gets


def descriptor_loop():
    g = Gauge()
    out = []
    for i in range(-5, 120, 7):
        g.level = i
        out.append(g.level)
    return out, vars(g)


def method_calls(n):
    class Acc:
        def __init__(self):
            self.v = 0

        def add(self, k):
            self.v += k
            return self

    a = Acc()
    for i in range(n):
        a.add(i).add(1)
        if i == 10:
            a.add = lambda k: setattr(a, "v", a.v - k) or a
    return a.v


def main():
    print("property:", property_loop(50))
    print("setter_raises:", property_setter_raises())
    print("slots:", slots_loop(40))
    print("fallback:", getattr_fallback(50))
    print("setattr_hook:", setattr_hook(30))
    print("getattribute:", getattribute_hook(30))
    print("descriptor:", descriptor_loop())
    print("method_calls:", method_calls(30))


main()
