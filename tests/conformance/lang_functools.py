# Exercises functools and operator: reduce, partial/partialmethod, lru_cache/cache, cached_property, total_ordering, singledispatch, cmp_to_key, wraps; operator itemgetter/attrgetter/methodcaller.
import functools
import operator
from functools import reduce, partial, partialmethod, lru_cache, cached_property, total_ordering, singledispatch, cmp_to_key

print(reduce(operator.add, range(101)), reduce(operator.mul, range(1, 21)), reduce(lambda a, b: a * 10 + b, [1, 2, 3, 4]), reduce(max, [3, 9, 2], 0))
try:
    reduce(operator.add, [])
except TypeError as exc:
    print("TypeError:", exc)
print(reduce(lambda acc, kv: {**acc, kv[0]: kv[1]}, [("a", 1), ("b", 2), ("a", 3)], {}))

int2 = partial(int, base=2)
hexer = partial("{:0{w}x}".format, w=8)
clamp = partial(max, 0)
print(int2("1011"), int2("777", base=8), hexer(48879), clamp(-5), clamp(5), int2.func is int, int2.keywords)
nested = partial(partial(pow, 2), 10)
print(nested(), nested.args, nested.func is pow)


class Cell:
    def __init__(self):
        self.state = None

    def set_state(self, value, note=""):
        self.state = (value, note)
        return self

    alive = partialmethod(set_state, True, note="born")
    dead = partialmethod(set_state, False)


print(Cell().alive().state, Cell().dead(note="gone").state)


@lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(200), fib.cache_info())
fib.cache_clear()
print(fib.cache_info().currsize, fib(30))


@lru_cache(maxsize=3)
def tagged(x, *, tag="t"):
    return "%s:%s" % (tag, x)


for x in [1, 2, 3, 1, 4, 1, 2, 2, 5]:
    tagged(x)
tagged(1, tag="u")
tagged(1.0)
print(tagged.cache_info())


@functools.cache
def collatz(n):
    return 0 if n == 1 else 1 + collatz(n // 2 if n % 2 == 0 else 3 * n + 1)


print(max(range(1, 5000), key=collatz), collatz(27))


class Dataset:
    computations = 0

    def __init__(self, values):
        self.values = values

    @cached_property
    def stats(self):
        Dataset.computations += 1
        vals = sorted(self.values)
        return {"min": vals[0], "max": vals[-1], "median": vals[len(vals) // 2]}


ds = Dataset([(i * 31) % 97 for i in range(500)])
print(ds.stats, ds.stats is ds.stats, Dataset.computations)
del ds.stats
print(ds.stats["median"], Dataset.computations)


@total_ordering
class Version:
    def __init__(self, text):
        self.parts = tuple(int(p) for p in text.split("."))

    def __eq__(self, other):
        return self.parts == other.parts

    def __lt__(self, other):
        return self.parts < other.parts

    def __repr__(self):
        return "V" + ".".join(map(str, self.parts))


vs = [Version(s) for s in ("1.2", "1.10", "1.9.9", "2.0", "1.2.0")]
print(sorted(vs), Version("1.2") <= Version("1.2"), Version("3") > Version("2.9"), Version("1") >= Version("1.0"), max(vs))


@singledispatch
def describe(obj):
    return "object of type %s" % type(obj).__name__


@describe.register
def _(obj: int):
    return "int %d" % obj


@describe.register(list)
@describe.register(tuple)
def _(obj):
    return "sequence of %d: [%s]" % (len(obj), ", ".join(describe(x) for x in obj))


@describe.register
def _(obj: bool):
    return "bool %s" % obj


@describe.register(float)
def _(obj):
    return "float %.2f" % obj


print([describe(v) for v in (1, True, 2.5, "s", [1, (2.0, False)], None)])
print(describe.dispatch(bool).__name__, sorted(t.__name__ for t in describe.registry))


def compare_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)


words = "pear fig banana kiwi apple date plum cherry".split()
print(sorted(words, key=cmp_to_key(compare_len_then_alpha)), sorted(words, key=cmp_to_key(lambda a, b: compare_len_then_alpha(b, a)))[:3])

rows = [{"name": "ann", "age": 31, "tags": ["x"]}, {"name": "bob", "age": 25, "tags": []}, {"name": "cy", "age": 31, "tags": ["y", "z"]}]
print(sorted(rows, key=operator.itemgetter("age", "name")), list(map(operator.itemgetter("name"), rows)))


class P:
    def __init__(self, name, addr):
        self.name = name
        self.addr = addr


class A:
    def __init__(self, city):
        self.city = city


ps = [P("x", A("Oslo")), P("y", A("Bern")), P("z", A("Apia"))]
print([p.name for p in sorted(ps, key=operator.attrgetter("addr.city"))], operator.attrgetter("name", "addr.city")(ps[0]))
print(list(map(operator.methodcaller("replace", "a", "4"), ["banana", "cat"])), operator.methodcaller("split", ",", 1)("a,b,c"))
print(operator.itemgetter(slice(1, 3))("abcdef"), operator.itemgetter(0, -1)([1, 2, 3]), operator.concat([1], [2]), operator.contains("abc", "b"))
print(operator.index(7), operator.length_hint(iter(range(5))), operator.countOf([1, 2, 1], 1), operator.indexOf("xyz", "z"), operator.is_(None, None))

# Hot loop combining partials and reduce
scale = [partial(operator.mul, k) for k in range(1, 6)]
total = 0
for i in range(3000):
    total = reduce(lambda acc, f: f(acc) % 1000003, scale, total + i)
print("pipeline total", total)
print(functools.reduce(operator.or_, ({i % 7} for i in range(50))), functools.WRAPPER_ASSIGNMENTS)
