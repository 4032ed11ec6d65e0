# Exercises import forms: `import a.b`, `import x as y`, `from os import path as p` (IMPORT_FROM), IMPORT_STAR of stdlib modules, function-local imports, ImportError handling.
import os.path
import collections.abc as cabc
from os import path as p, sep
from string import *
from itertools import chain as ch, islice
import importlib
import sys

print(p is os.path, p.join("a", "b", "c"), p.splitext("archive.tar.gz"), p.basename("/x/y/z.txt"), p.dirname("/x/y/z.txt"), sep)
print(p.normpath("a/./b/../c//d"), p.isabs("/abs"), p.isabs("rel"), p.split("/usr/lib/python"), p.commonprefix(["interstellar", "internet"]))
print(ascii_lowercase, digits, hexdigits, punctuation[:10], capwords("hello big world"))
print(list(ch([1, 2], "ab")), list(islice(ch(range(100), range(5)), 95, 102)), isinstance([], cabc.Sequence), isinstance({}, cabc.Mapping))
print(Template("$who likes $what").substitute(who="tim", what="kung pao"), Formatter().format("{0}-{1}", "a", "b"))


def local_import():
    from math import gcd, lcm
    import json as j
    return gcd(12, 18), lcm(4, 6), j.dumps({"a": [1, 2]})


print(local_import())


def import_in_loop():
    total = 0
    for i in range(2000):
        import operator
        from operator import add as plus
        total = plus(total, operator.mul(i, 2))
    return total


print(import_in_loop())

for name in ("json", "no_such_module_xyz", "os.nope_sub", "fractions"):
    try:
        mod = importlib.import_module(name)
        print("imported", name, mod.__name__)
    except ImportError as exc:
        print(type(exc).__name__, exc.name, exc)

try:
    from os import does_not_exist
except ImportError as exc:
    print("ImportError:", str(exc).split(" (")[0])
try:
    import no_such_pkg.sub
except ModuleNotFoundError as exc:
    print("ModuleNotFoundError:", exc)

mod_json = sys.modules["json"]
import json
print(mod_json is json, "string" in sys.modules, json.loads('{"k": [1, 2.5, null, true]}'))

import math as m1, math as m2
print(m1 is m2, m1.__name__, m2.floor(2.5))
from collections import (
    OrderedDict,
    defaultdict as dd,
    Counter,
)
print(OrderedDict(a=1), dict(dd(int, {"x": 2})), Counter("aabbbc").most_common(2))
from operator import *
print(add(1, 2), mul(3, 4), itemgetter(1)("abc"), attrgetter("real")(3 + 4j), not_(0), truth([]))
print(__name__, type(__builtins__).__name__ in ("module", "dict"), __doc__ is None, __spec__ is None)
