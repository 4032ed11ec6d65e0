# Calls of Python classes in hot loops run __init__ in the evaluator's loop. What must still
# hold: __init__ returning something else than None, raising, recursing past the limit (same
# depth and message as python3), defaults and wrong argument counts, __new__ or __init__
# replaced mid-loop, metaclasses, abstract classes, subclasses of builtins, __init__ as a
# generator, and the instance's reference count and frame chain inside __init__.
import abc
import sys


class Point:
    def __init__(self, x, y=0):
        self.x = x
        self.y = y


def make(n):
    total = 0
    for i in range(n):
        p = Point(i, i)
        q = Point(i)
        total += p.x + p.y + q.y
    return total


print("points", make(500))


class Bad:
    def __init__(self, v):
        self.v = v
        if v == 7:
            return 5


def bad(n):
    made = 0
    for i in range(n):
        try:
            Bad(i)
            made += 1
        except TypeError as e:
            print("bad", i, e)
    return made


print("made", bad(20))


class Raises:
    def __init__(self, v):
        if v % 5 == 4:
            raise ValueError(v)
        self.v = v


def raising(n):
    caught = []
    for i in range(n):
        try:
            Raises(i)
        except ValueError as e:
            caught.append(e.args[0])
    return caught


print("raises", raising(30))


class Deep:
    def __init__(self, n):
        self.child = Deep(n + 1) if n < 10_000 else None


def deep():
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(400)
    depth = 0

    class Counter:
        def __init__(self, n):
            nonlocal depth
            depth = n
            Counter(n + 1)

    try:
        for _ in range(3):
            try:
                Counter(0)
            except RecursionError as e:
                print("recursion", depth, e)
    finally:
        sys.setrecursionlimit(old)


deep()


def counts(n):
    out = []
    for i in range(n):
        try:
            out.append(Point().x)
        except TypeError as e:
            out.append(str(e))
        try:
            Point(1, 2, 3)
        except TypeError as e:
            out.append(str(e))
    return out[:2], len(out)


print("counts", counts(60))


class Swapped:
    def __init__(self, v):
        self.v = v


def swapping(n):
    out = []
    for i in range(n):
        if i == 40:
            Swapped.__init__ = lambda self, v: setattr(self, "v", -v)
        if i == 80:
            Swapped.__init__.__defaults__ = (9,)
        if i == 100:
            Swapped.__new__ = lambda cls, v: 123
        r = Swapped(i)
        out.append(r if isinstance(r, int) else r.v)
    return out[38:42], out[78:82], out[98:102], out[-1]


print("swapping", swapping(110))


class Meta(type):
    def __call__(cls, *args):
        return ("meta", args)


class WithMeta(metaclass=Meta):
    def __init__(self, v):
        self.v = v


class Abstract(abc.ABC):
    @abc.abstractmethod
    def f(self):
        pass

    def __init__(self, v):
        self.v = v


class MyList(list):
    def __init__(self, v):
        super().__init__([v, v])


class GenInit:
    def __init__(self):
        yield 1


def others(n):
    out = []
    for i in range(n):
        out.append(WithMeta(i))
        try:
            Abstract(i)
        except TypeError as e:
            out.append(type(e).__name__)
        out.append(MyList(i))
    try:
        GenInit()
    except TypeError as e:
        out.append(str(e))
    return out[:3], out[-1], len(out)


print("others", others(50))


class Introspect:
    def __init__(self):
        self.refs = sys.getrefcount(self)
        self.caller = sys._getframe(1).f_code.co_name


def introspect(n):
    seen = set()
    for i in range(n):
        o = Introspect()
        seen.add((o.refs, o.caller))
    return seen


print("introspect", introspect(100))


class WithSuper(Point):
    def __init__(self, x):
        super().__init__(x, x * 2)
        self.z = x


print("super", sum(WithSuper(i).y for i in range(200)))
