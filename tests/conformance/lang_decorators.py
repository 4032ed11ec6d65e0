# Exercises decorators with and without arguments, stacking order, functools.wraps, class decorators, decorators on methods, decorators returning non-functions.
import functools

trace = []


def logged(fn):
    @functools.wraps(fn)
    def wrapper(*args, **kwargs):
        trace.append("call %s%r" % (fn.__name__, args))
        result = fn(*args, **kwargs)
        trace.append("ret %s=%r" % (fn.__name__, result))
        return result

    return wrapper


def repeat(times):
    def deco(fn):
        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            return [fn(*args, **kwargs) for _ in range(times)]

        return wrapper

    return deco


def tag(name):
    def deco(fn):
        fn.tags = getattr(fn, "tags", []) + [name]
        return fn

    return deco


@logged
def add(a, b):
    return a + b


@repeat(3)
def hello(who):
    return "hi " + who


@tag("outer")
@tag("inner")
def tagged():
    return "tagged"


print(add(2, 3), add.__name__, add.__wrapped__(10, 20), hello("bob"), tagged.tags, hello.__name__)
print(trace)


# Order of application: bottom-up decoration, top-down call wrapping
order = []


def mark(label):
    order.append("define " + label)

    def deco(fn):
        order.append("apply " + label)

        def wrapper(*a):
            order.append("enter " + label)
            r = fn(*a)
            order.append("exit " + label)
            return r

        return wrapper

    return deco


@mark("A")
@mark("B")
@mark("C")
def core():
    order.append("core")
    return 1


core()
print(order)


# Memoization decorator with call counting, used in a hot recursive function
def counted_cache(fn):
    cache = {}

    @functools.wraps(fn)
    def wrapper(*args):
        wrapper.calls += 1
        if args not in cache:
            cache[args] = fn(*args)
        return cache[args]

    wrapper.calls = 0
    return wrapper


@counted_cache
def grid_paths(r, c):
    if r == 0 or c == 0:
        return 1
    return grid_paths(r - 1, c) + grid_paths(r, c - 1)


print(grid_paths(16, 16), grid_paths.calls)


# Decorator that validates types, applied in a loop
def typed(*types):
    def deco(fn):
        def wrapper(*args):
            for a, t in zip(args, types):
                if not isinstance(a, t):
                    raise TypeError("%s expected %s got %s" % (fn.__name__, t.__name__, type(a).__name__))
            return fn(*args)

        return wrapper

    return deco


@typed(int, int)
def mul(a, b):
    return a * b


ok = 0
errs = []
for i in range(1000):
    arg = i if i % 250 else str(i)
    try:
        ok += mul(arg, 2)
    except TypeError as exc:
        errs.append(str(exc))
print(ok, errs)


# Class decorator adding methods, and decorators on methods (staticmethod/classmethod/property stack)
def add_repr(cls):
    def __repr__(self):
        fields = ", ".join("%s=%r" % (k, v) for k, v in sorted(vars(self).items()))
        return "%s(%s)" % (cls.__name__, fields)

    cls.__repr__ = __repr__
    return cls


def register(registry):
    def deco(cls):
        registry[cls.__name__.lower()] = cls
        return cls

    return deco


REG = {}


@register(REG)
@add_repr
class Pt:
    def __init__(self, x, y):
        self.x, self.y = x, y

    @logged
    def norm1(self):
        return abs(self.x) + abs(self.y)

    @staticmethod
    @logged
    def origin_dist(x, y):
        return (x * x + y * y) ** 0.5

    @classmethod
    def unit(cls):
        return cls(1, 0)


trace.clear()
p = Pt(3, -4)
print(p, p.norm1(), Pt.origin_dist(3, 4), Pt.unit(), sorted(REG), trace)


# Decorator replacing a function with a non-callable value
def evaluate(fn):
    return fn()


@evaluate
def CONSTANT():
    return sum(range(10))


print(CONSTANT, type(CONSTANT).__name__)


# Decorator expressions (PEP 614): arbitrary expressions
decos = {"double": lambda f: (lambda *a: 2 * f(*a)), "neg": lambda f: (lambda *a: -f(*a))}


@decos["double"]
@decos["neg"]
def seven():
    return 7


@(lambda f: functools.partial(f, 100))
def offset(base, x):
    return base + x


print(seven(), offset(5), [offset(i) for i in range(3)])


# lru_cache and cache
@functools.lru_cache(maxsize=32)
def slow_square(n):
    return n * n


for i in range(200):
    slow_square(i % 30)
info = slow_square.cache_info()
print(info.hits, info.misses, info.maxsize, info.currsize)
