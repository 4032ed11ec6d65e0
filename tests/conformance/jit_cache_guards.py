# Traces whose attribute, method and global accesses take their guards from tier 1's inline caches (type versions, keys versions, values-array indices, slot offsets), with every guard made to fail mid-loop: classes changed, instance dicts materialized, attributes and slots deleted, globals added, rebound and deleted, builtins shadowed, methods replaced or shadowed by instance attributes; and stores whose old values' finalizers must run at the same point as in CPython.
import builtins
import math
import sys


class Vec:
    def __init__(self, x, y):
        self.x = x
        self.y = y

    def norm2(self):
        return self.x * self.x + self.y * self.y


class Slotted:
    __slots__ = ("a", "b")

    def __init__(self):
        self.a = 0
        self.b = 1


def instance_values(n):
    v = Vec(1.0, 2.0)
    t = 0.0
    for i in range(n):
        v.x = v.x + 0.5
        t += v.y
        if i == 300:
            # A data descriptor on the class changes the type's version.
            Vec.y = property(lambda self: 10.0)
        if i == 600:
            del Vec.y
            v.y = 3.0
        if i == 800:
            # Materializes the instance dict: the values array goes away.
            v.__dict__["z"] = 1
        if i == 900:
            v = Vec(-1.0, -2.0)
    return t, v.x, v.y


def attribute_deleted(n):
    v = Vec(1, 2)
    out = []
    for i in range(n):
        try:
            out.append(v.y)
        except AttributeError as e:
            out.append(str(e))
            v.y = i
        if i % 97 == 0:
            del v.y
    return len(out), out[-3:], sum(x for x in out if isinstance(x, int))


def slots(n):
    s = Slotted()
    t = 0
    for i in range(n):
        s.a = s.a + s.b
        if i == 400:
            del s.b
        try:
            t += s.b
        except AttributeError:
            s.b = 2
    return t, s.a


def mixed_classes(n):
    class Other:
        def __init__(self):
            self.y = "other"
            self.x = 5

    objs = [Vec(i, i + 1) for i in range(5)] + [Other()]
    seen = []
    for i in range(n):
        o = objs[i % 6] if i > 500 else objs[0]
        seen.append(o.x)
    return seen[-7:], len(seen)


K = 1


def globals_changing(n):
    global K
    t = 0
    for i in range(n):
        t += K + len("ab")
        if i == 200:
            K = 5
        if i == 400:
            globals()["NEW_GLOBAL"] = i
        if i == 600:
            globals()["len"] = lambda s: 100
        if i == 700:
            del globals()["len"]
        if i == 800:
            builtins.len, old = (lambda s: -1), builtins.len
        if i == 850:
            builtins.len = old
    return t


def global_deleted(n):
    global G
    G = 1
    t = 0
    for i in range(n):
        try:
            t += G
        except NameError as e:
            t += 1000
            print("caught:", e)
            G = 2
        if i == 300:
            del G
    return t


def module_attrs(n):
    t = 0.0
    for i in range(n):
        t += math.pi + math.e
        if i == 250:
            math.pi = 3.0
        if i == 500:
            del math.e
            math.e = 2.0
    math.pi = 3.141592653589793
    math.e = 2.718281828459045
    return t


def methods(n):
    v = Vec(3, 4)
    t = 0
    for i in range(n):
        t += v.norm2()
        if i == 200:
            Vec.norm2 = lambda self: 1
        if i == 400:
            v.norm2 = lambda: 7
        if i == 600:
            del v.norm2
        if i == 800:
            del Vec.norm2
            Vec.norm2 = lambda self: 2
    return t


class Noisy:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        print("del", self.tag)


def finalizers(n):
    holder = Vec(None, None)
    s = Slotted()
    for i in range(n):
        holder.x = Noisy(i) if i % 150 == 0 else i
        s.a = Noisy(-i) if i % 170 == 0 else i
        if i % 150 == 1:
            print("after store", i)
    return holder.x, s.a


def skipped_calls(n):
    items = []
    t = 0
    for i in range(n):
        items.append(i)
        t += len(items) + isinstance(i, int)
        if i == 500:
            items = (1, 2, 3)
            items = list(items)
    return t, len(items)


print(instance_values(1000))
print(attribute_deleted(1000))
print(slots(1000))
print(mixed_classes(1000))
print(globals_changing(1000))
print(global_deleted(1000))
print(module_attrs(1000))
print(methods(1000))
print(finalizers(1000))
print(skipped_calls(1000))
print(sys.getrefcount(Vec) == sys.getrefcount(Vec))
