# Exercises attribute hooks: __getattr__ (fallback), __getattribute__ (every access), __setattr__, __delattr__, __dir__, proxies and attribute errors.


class Fallback:
    def __init__(self):
        self.real = "real value"

    def __getattr__(self, name):
        if name.startswith("calc_"):
            return int(name[5:]) * 2
        raise AttributeError("%s has no %r" % (type(self).__name__, name))


fb = Fallback()
print(fb.real, fb.calc_21, getattr(fb, "calc_5"), hasattr(fb, "nope"), getattr(fb, "nope", "default"))
try:
    fb.nope
except AttributeError as exc:
    print("AttributeError:", exc)


class Spy:
    def __init__(self):
        object.__setattr__(self, "accesses", [])
        object.__setattr__(self, "data", {"a": 1})

    def __getattribute__(self, name):
        if name not in ("accesses", "__dict__", "__class__"):
            object.__getattribute__(self, "accesses").append(name)
        return object.__getattribute__(self, name)

    def __getattr__(self, name):
        return "missing:" + name

    def method(self):
        return self.data["a"]


sp = Spy()
print(sp.method(), sp.data, sp.undefined, sp.accesses)


class Strict:
    __frozen = False

    def __init__(self, **kw):
        for k, v in kw.items():
            setattr(self, k, v)
        self._Strict__frozen = True

    def __setattr__(self, name, value):
        if self.__frozen:
            raise AttributeError("frozen: cannot set %s" % name)
        if name.startswith("int_") and not isinstance(value, int):
            raise TypeError("%s must be int" % name)
        super().__setattr__(name, value)

    def __delattr__(self, name):
        if self.__frozen:
            raise AttributeError("frozen: cannot delete %s" % name)
        super().__delattr__(name)


st = Strict(a=1, int_b=2)
print(st.a, st.int_b, sorted(vars(st)))
for action in ("set", "del"):
    try:
        if action == "set":
            st.a = 5
        else:
            del st.a
    except AttributeError as exc:
        print("AttributeError:", exc)
try:
    Strict(int_c="x")
except TypeError as exc:
    print("TypeError:", exc)


# Proxy that forwards everything and counts calls in a hot loop
class Proxy:
    def __init__(self, target):
        object.__setattr__(self, "_target", target)
        object.__setattr__(self, "_hits", {})

    def __getattr__(self, name):
        hits = object.__getattribute__(self, "_hits")
        hits[name] = hits.get(name, 0) + 1
        return getattr(object.__getattribute__(self, "_target"), name)

    def __setattr__(self, name, value):
        setattr(self._target, name, value)

    def __delattr__(self, name):
        delattr(self._target, name)

    def __dir__(self):
        return sorted(set(dir(self._target)) | {"_target"})


class Account:
    def __init__(self):
        self.balance = 0

    def deposit(self, v):
        self.balance += v
        return self.balance


acct = Account()
px = Proxy(acct)
for i in range(3000):
    px.deposit(i % 10)
    if i % 1000 == 0:
        px.note = "at %d" % i
print(acct.balance, acct.note, px.balance, dict(sorted(px._hits.items())), "deposit" in dir(px))
del px.note
print(hasattr(acct, "note"))


# Dynamic attributes via setattr/getattr/delattr in loops, and attributes added mid-loop
class Record:
    pass


rec = Record()
for i in range(20):
    setattr(rec, "f%d" % (i % 7), i)
    if i == 10:
        rec.added_mid_loop = "yes"
print(sorted(vars(rec).items()))
for name in list(vars(rec)):
    if name.startswith("f") and int(name[1:]) % 2:
        delattr(rec, name)
print(sorted(vars(rec)))

# Attribute access on a class instance whose class gets a new attribute mid-loop
class Cfg:
    level = 1


cfg = Cfg()
seen = []
for i in range(2000):
    if i == 700:
        Cfg.level = 2
    if i == 1400:
        cfg.level = 3  # instance attribute now shadows class attribute
    if i == 1800:
        del cfg.level
    if i % 100 == 99:
        seen.append(cfg.level)
print(seen)


class Weird:
    def __getattribute__(self, name):
        if name == "explode":
            raise KeyError("not an AttributeError")
        return super().__getattribute__(name)

    def __getattr__(self, name):
        return "fallback " + name


w = Weird()
try:
    w.explode
except KeyError as exc:
    print("KeyError propagated:", exc)
print(w.other, getattr(w, "x", "dflt"))
try:
    getattr(w, 5)
except TypeError as exc:
    print("TypeError:", exc)
try:
    object().attr = 1
except AttributeError as exc:
    print("AttributeError:", exc)
