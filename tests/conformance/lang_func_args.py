# Exercises function parameters: defaults (incl. mutable default pitfall), keyword-only, positional-only, *args/**kwargs, keyword calls (KW_NAMES), f(*a, **k), binding errors.
import inspect


def full(a, b=2, /, c=3, *args, d, e=5, **kwargs):
    return (a, b, c, args, d, e, kwargs)


print(full(1, d=4))
print(full(1, 20, 30, 40, 50, d=4, e=6, z=7))
print(full(1, c=33, d=44))
print(full(*[1, 2, 3, 4], **{"d": "D", "extra": True}))
sig = inspect.signature(full)
print(str(sig), [p.kind.name for p in sig.parameters.values()])
for bad in ("full()", "full(1)", "full(a=1, d=2)", "full(1, 2, 3, d=4, c=5)", "full(1, d=1, d2=2, **{'d': 3})"):
    try:
        eval(bad)
    except TypeError as exc:
        print(bad, "->", exc)


def posonly(x, y, /):
    return x - y


def kwonly(*, x, y=10):
    return x * y


print(posonly(10, 3), kwonly(x=2), kwonly(y=3, x=4))
try:
    posonly(x=1, y=2)
except TypeError as exc:
    print("TypeError:", exc)
try:
    kwonly(1, 2)
except TypeError as exc:
    print("TypeError:", exc)


def kw_and_posonly_same_name(name, /, **kwargs):
    return name, kwargs


print(kw_and_posonly_same_name("pos", name="kw"))


# Mutable default argument pitfall and the None idiom
def append_bad(v, acc=[]):
    acc.append(v)
    return acc


def append_good(v, acc=None):
    if acc is None:
        acc = []
    acc.append(v)
    return acc


for i in range(3):
    print(append_bad(i), append_good(i))
print(append_bad.__defaults__, append_good.__defaults__, full.__kwdefaults__)


# Defaults evaluated once at definition time
counter = [0]


def make_default():
    counter[0] += 1
    return counter[0]


def uses_default(v=make_default()):
    return v


print(uses_default(), uses_default(), counter)


# Keyword calls in a hot loop (KW_NAMES + CALL)
def area(width, height, *, scale=1.0, offset=0):
    return width * height * scale + offset


total = 0.0
for i in range(5000):
    if i % 3 == 0:
        total += area(width=i, height=2)
    elif i % 3 == 1:
        total += area(i, height=3, scale=0.5)
    else:
        total += area(height=1, width=i, offset=-1, scale=2)
print("area total", total)


# *args / **kwargs collection and re-spreading
def collect(*args, **kwargs):
    return len(args), sorted(kwargs), sum(a for a in args if isinstance(a, int))


def relay(*args, **kwargs):
    kwargs.setdefault("relayed", True)
    return collect(*args, "extra", **kwargs)


print(collect(), collect(1, 2, x=3), relay(5, 6, y=7), relay(**{"relayed": False}))
acc = 0
for i in range(2000):
    args = tuple(range(i % 5))
    kw = {"k%d" % j: j for j in range(i % 3)}
    n, keys, s = collect(*args, **kw)
    acc += n + len(keys) + s
print("collect acc", acc)


# Default values that depend on outer variables, and annotations on parameters
def scaled(x: float, factor: "int|float" = 2, *rest: int, label: str = "s", **opts: bool) -> str:
    return "%s=%r" % (label, x * factor)


print(scaled(1.5), scaled(2, 3, label="t"), scaled.__annotations__)


# Functions as values, call via getattr, methods with keyword args
def power(base, exp=2):
    return base ** exp


ops = {"sq": power, "cube": lambda b: power(b, exp=3), "pow": power}
print([ops[k](3) for k in ("sq", "cube")], ops["pow"](2, exp=10), ops["pow"](exp=0, base=9))
print(sorted([3, -1, 2], key=abs, reverse=True), "-".join(["a", "b"]))
print(dict(a=1, b=2), int("ff", base=16), max(1, 5, key=lambda v: -v), print.__name__)
print(full.__code__.co_argcount, full.__code__.co_posonlyargcount, full.__code__.co_kwonlyargcount, full.__code__.co_varnames[:7])
