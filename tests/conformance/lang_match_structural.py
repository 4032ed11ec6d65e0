# Exercises structural pattern matching: sequence patterns with star (MATCH_SEQUENCE, GET_LEN), mapping patterns with **rest (MATCH_MAPPING, MATCH_KEYS), class patterns with positional (__match_args__) and keyword sub-patterns (MATCH_CLASS), nesting.
from dataclasses import dataclass
from collections import namedtuple


@dataclass
class Point:
    x: float
    y: float


@dataclass
class Circle:
    center: Point
    r: float


@dataclass
class Rect:
    corner: Point
    w: float
    h: float


class Line:
    __match_args__ = ("start", "end")

    def __init__(self, start, end):
        self.start = start
        self.end = end


Pair = namedtuple("Pair", "left right")


def describe_shape(s):
    match s:
        case Point(0, 0):
            return "origin"
        case Point(x=0, y=y):
            return "on y axis at %r" % y
        case Point(x, 0):
            return "on x axis at %r" % x
        case Point(x, y) if x == y:
            return "diagonal point"
        case Point():
            return "point"
        case Circle(Point(0, 0), r):
            return "circle at origin r=%r" % r
        case Circle(center=Point(x=cx), r=r) if r > 10:
            return "big circle, cx=%r" % cx
        case Circle(_, r):
            return "circle r=%r" % r
        case Rect(Point(x, y), w, h) if w == h:
            return "square at (%r, %r) side %r" % (x, y, w)
        case Rect(corner=c, w=w, h=h):
            return "rect %rx%r at %r" % (w, h, (c.x, c.y))
        case Line(Point(x1, y1), Point(x2, y2)) if x1 == x2:
            return "vertical line"
        case Line(start, end):
            return "line from %r to %r" % ((start.x, start.y), (end.x, end.y))
        case Pair(left, right=[*_, last]):
            return "pair, left=%r, right ends with %r" % (left, last)
        case _:
            return "unknown shape"


shapes = [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), Circle(Point(0, 0), 1), Circle(Point(4, 0), 20),
          Circle(Point(1, 1), 2), Rect(Point(1, 1), 3, 3), Rect(Point(0, 1), 2, 5), Line(Point(1, 0), Point(1, 9)),
          Line(Point(0, 0), Point(2, 3)), Pair("L", [1, 2, 3]), Pair("L", "notalist"), "nothing"]
for s in shapes:
    print(describe_shape(s))


def seq(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return "one: %r" % (x,)
        case [x, y]:
            return "two: %r %r" % (x, y)
        case [0, *rest]:
            return "starts with zero, rest %r" % (rest,)
        case [first, *middle, last] if len(middle) > 3:
            return "long: %r..%r (%d in middle)" % (first, last, len(middle))
        case [int() | float() as a, str() as b, *_]:
            return "number then string: %r %r" % (a, b)
        case [[a, b], [c, d]]:
            return "2x2 matrix det %r" % (a * d - b * c)
        case (x, y, z):
            return "triple %r" % ((x, y, z),)
        case [*all_items]:
            return "some sequence of %d" % len(all_items)


for v in ([], [1], (1, 2), [0, 5, 6], list(range(10)), [1.5, "s", None], [[1, 2], [3, 4]], (7, 8, 9), [1, 2, 3, 4],
          "str is not a sequence pattern", b"nor bytes", range(3), {"a": 1}):
    print(repr(v), "->", seq(v))


def config(c):
    match c:
        case {"type": "db", "host": str(host), "port": int(port), **rest}:
            return "db %s:%d extras=%r" % (host, port, sorted(rest))
        case {"type": "cache", "size": size} if size > 100:
            return "big cache %r" % size
        case {"type": "cache"}:
            return "small cache"
        case {"type": t, "enabled": False | None}:
            return "disabled %s" % t
        case {"items": [*items]} if items:
            return "has %d items" % len(items)
        case {}:
            return "some mapping with keys %r" % sorted(c)
        case _:
            return "not a mapping"


for c in ({"type": "db", "host": "h", "port": 5432}, {"type": "db", "host": "h", "port": 1, "user": "u", "pw": "p"},
          {"type": "db", "host": 1, "port": 1}, {"type": "cache", "size": 500}, {"type": "cache", "size": 5},
          {"type": "x", "enabled": False}, {"type": "x", "enabled": None}, {"items": [1, 2]}, {"items": []}, {}, [("type", "db")]):
    print(config(c))


# Recursive evaluator over nested tuples/lists/dicts
def ev(node, env):
    match node:
        case int() | float() as num:
            return num
        case str(name):
            return env[name]
        case ("+", a, b):
            return ev(a, env) + ev(b, env)
        case ("*", a, b):
            return ev(a, env) * ev(b, env)
        case ("-", a):
            return -ev(a, env)
        case ("let", str(name), value, body):
            return ev(body, {**env, name: ev(value, env)})
        case ("sum", *terms):
            return sum(ev(t, env) for t in terms)
        case {"if": cond, "then": t, "else": e}:
            return ev(t, env) if ev(cond, env) else ev(e, env)
        case _:
            raise ValueError("bad node %r" % (node,))


prog = ("let", "x", 5, ("let", "y", ("*", "x", 2), ("sum", "x", "y", ("-", 3), {"if": "x", "then": 100, "else": -100})))
print(ev(prog, {}))
try:
    ev(("?", 1), {})
except ValueError as exc:
    print("ValueError:", exc)

# Hot loop: matching many structured events
events = []
for i in range(3000):
    if i % 4 == 0:
        events.append({"kind": "click", "pos": (i % 50, i % 30)})
    elif i % 4 == 1:
        events.append({"kind": "key", "key": "abcdef"[(i // 4) % 6], "mods": ["shift"] if i % 3 == 0 else []})
    elif i % 4 == 2:
        events.append(Point(i % 7, i % 5))
    else:
        events.append([i, i + 1, *range(i % 5)])
stats = {}
for e in events:
    match e:
        case {"kind": "click", "pos": (x, y)} if x == y:
            k = "diag click"
        case {"kind": "click", "pos": (_, _)}:
            k = "click"
        case {"kind": "key", "key": "a" | "e" as vowel, "mods": []}:
            k = "vowel " + vowel
        case {"kind": "key", "mods": [_, *_]}:
            k = "modified key"
        case {"kind": "key"}:
            k = "key"
        case Point(x=0) | Point(y=0):
            k = "axis point"
        case Point():
            k = "point"
        case [a, b, *rest] if not rest:
            k = "pair list"
        case [_, _, *rest]:
            k = "list+%d" % len(rest)
        case _:
            k = "?"
    stats[k] = stats.get(k, 0) + 1
print(sorted(stats.items()))


# Class patterns on builtins (self-matching positional) and errors
def builtin_cls(v):
    match v:
        case bool(b):
            return "bool %r" % b
        case int(i):
            return "int %r" % i
        case str(s):
            return "str %r" % s
        case list([x, *_]):
            return "list starting %r" % x
        case dict({"k": k}):
            return "dict k=%r" % k
        case tuple((a, b)):
            return "2-tuple"
        case _:
            return "?"


print([builtin_cls(v) for v in (True, 3, "s", [9, 8], {"k": 1, "z": 2}, (1, 2), (1,), 2.0)])


class TooMany:
    __match_args__ = ("a",)

    def __init__(self):
        self.a = 1


try:
    match TooMany():
        case TooMany(x, y):
            pass
except TypeError as exc:
    print("TypeError:", exc)
try:
    match 5:
        case int(a, b):
            pass
except TypeError as exc:
    print("TypeError:", exc)
