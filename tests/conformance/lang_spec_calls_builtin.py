# Built-in callables at specialized PRECALL sites: len, isinstance, list.append, METH_O /
# FASTCALL functions and method descriptors, type/str/tuple of one argument, built-in
# classes; and what makes them miss (shadowing, subclasses, wrong types and counts).
import abc
import builtins
import collections.abc


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class BadLen:
    def __len__(self):
        return -1


def lens():
    total = 0
    for i in range(200):
        total += len("x" * (i % 5))
        total += len([1, 2, 3])
        total += len(Sized(i))
    return total


print(lens())
try:
    for i in range(100):
        len(Sized(i) if i < 80 else BadLen())
except ValueError as e:
    print("ValueError", e)
try:
    for i in range(100):
        len(i if i == 90 else "abc")
except TypeError as e:
    print("TypeError", e)


# A builtin shadowed mid-loop (module global, then builtins).
def shadow():
    out = []
    for i in range(100):
        if i == 50:
            globals()["len"] = lambda x: 42
        out.append(len("ab"))
    del globals()["len"]
    return out


r = shadow()
print(r[49], r[50], sum(r))

orig_len = builtins.len
out = []
for i in range(100):
    if i == 60:
        builtins.len = lambda x: -1
    out.append(len("abc"))
builtins.len = orig_len
print(out[59], out[60], sum(out))


class Meta(abc.ABC):
    pass


Meta.register(int)


def inst():
    n = 0
    for i in range(200):
        n += isinstance(i, int)
        n += isinstance(i, (str, float))
        n += isinstance(i, Meta)
        n += isinstance([], collections.abc.Sequence)
        n += isinstance(i, (list, (bool, int)))
    return n


print(inst())
try:
    for i in range(100):
        isinstance(i, int if i < 90 else 3)
except TypeError as e:
    print("TypeError", e)


class MyList(list):
    def append(self, x):
        super().append(x * 10)


class PlainSub(list):
    pass


def appends():
    a, b, c = [], MyList(), PlainSub()
    for i in range(100):
        a.append(i)
        b.append(i)
        c.append(i)
    for target in (a, b, c, a):
        for i in range(60):
            target.append(i)
    return len(a), sum(b), len(c)


print(appends())

things = [[]] * 60 + [MyList(), PlainSub(), [], (), "x"]
for t in things:
    try:
        t.append(1)
    except AttributeError as e:
        print("AttributeError", e)

append = list.append
lst = []
for i in range(100):
    append(lst, i)
try:
    for i in range(100):
        append(lst if i < 90 else (), i)
except TypeError as e:
    print("TypeError", e)
print(len(lst))

# METH_O / METH_FASTCALL / keyword builtins.
acc = 0
for i in range(200):
    acc += abs(-i)
    acc += ord("a")
    acc += divmod(i, 7)[1]
    acc += min(i, 5)
    acc += max(i, 3, key=lambda v: -v)
    acc += int("10", base=8)
    acc += sorted([3, 1, 2], reverse=True)[0]
print(acc)
try:
    for i in range(100):
        ord("ab" if i == 80 else "a")
except TypeError as e:
    print("TypeError", e)
try:
    for i in range(100):
        divmod(i, 0 if i == 70 else 3)
except ZeroDivisionError as e:
    print("ZeroDivisionError", e)

# Method descriptors: O, NOARGS, FASTCALL, FASTCALL|KEYWORDS, called with wrong types.
words = []
for i in range(200):
    s = "w%d" % i
    words.append(s.upper())
    words.append(s.startswith("w1"))
    words.append(",".join([s, s]))
    words.append(s.split("1", maxsplit=1))
    words.append(s.replace("w", "v", 1))
    d = {}
    d.setdefault("k", i)
    words.append(d.get("k"))
    words.append([i].index(i))
print(len(words), words[-7:])

upper = str.upper
join = str.join
for i in range(60):
    upper("a")
    join(",", ["a"])
for bad in (b"bytes", 3, None):
    try:
        upper(bad)
    except TypeError as e:
        print("TypeError", e)
    try:
        join(bad, ["a"])
    except TypeError as e:
        print("TypeError", e)
try:
    for i in range(100):
        "abc".index("z" if i == 75 else "a")
except ValueError as e:
    print("ValueError", e)
try:
    for i in range(100):
        "abc".startswith()
except TypeError as e:
    print("TypeError", e)

# type/str/tuple of one argument, built-in classes.
out = []
for i in range(200):
    out.append(type(i) is int)
    out.append(str(i))
    out.append(tuple([i]))
    out.append(int(str(i)))
    out.append(list((i,)))
    out.append(range(i).stop)
    out.append(dict(a=i)["a"])
    out.append(frozenset([i]))
print(len(out), out[-8:])
try:
    for i in range(100):
        tuple(i if i == 66 else [i])
except TypeError as e:
    print("TypeError", e)


class S:
    def __str__(self):
        return "S!"


class BadStr:
    def __str__(self):
        return 3


print([str(S()) for _ in range(60)][-1])
try:
    for i in range(100):
        str(BadStr() if i == 50 else i)
except TypeError as e:
    print("TypeError", e)

# type with one argument when 'type' is shadowed mid-loop.
res = []
for i in range(100):
    if i == 50:
        type = lambda x: "shadow"
    res.append(type(i))
del type
print(res[49], res[50])


# Python classes at the same sites (not specialized in 3.11: PRECALL fails "python_class").
class BadInit:
    def __init__(self, x):
        return x


class WithNew:
    def __new__(cls, x):
        if x == 7:
            return 7
        return super().__new__(cls)

    def __init__(self, x):
        self.x = x


def make(cls, i):
    return cls(i)


class Plain:
    def __init__(self, x):
        self.x = x


total = 0
for i in range(100):
    total += make(Plain, i).x
    r = make(WithNew, i)
    total += r if i == 7 else r.x
print(total)
for i in range(60):
    if i == 30:
        Plain.__init__ = lambda self, x: setattr(self, "x", -x)
    total += make(Plain, i).x
print(total)
try:
    for i in range(100):
        make(Plain, i) if i < 80 else make(BadInit, 0 if i < 90 else 5)
except TypeError as e:
    print("TypeError", e)
