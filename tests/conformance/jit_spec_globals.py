# Specialized LOAD_GLOBAL (module globals and builtins keyed by dict-keys versions) and the ways
# its guards fail: globals rebound, deleted and re-added mid-loop, builtins shadowed by a global
# mid-loop and unshadowed again, new globals added (keys change), builtins changed, functions
# whose globals are another module's dict, exec with a non-dict-subclass globals.
import builtins

SCALE = 2


def rebinding(n):
    global SCALE
    total = 0
    for i in range(n):
        total += SCALE
        if i == 40:
            SCALE = 3  # same keys: value read live
    return total


print("rebinding", rebinding(100), SCALE)
SCALE = 2


def deleting(n):
    global SCALE
    total = 0
    for i in range(n):
        total += SCALE
        if i == 30:
            del SCALE
            SCALE = 10  # same key again at a new entry
        if i == 60:
            globals()["NEW_NAME_%d" % i] = i  # keys change
    return total


print("deleting", deleting(100))


def deleted_mid_loop(n):
    total = 0
    for i in range(n):
        try:
            total += VANISHING
        except NameError as e:
            print("NameError:", e)
            break
        if i == 25:
            del globals()["VANISHING"]
    return total


VANISHING = 4
print("deleted", deleted_mid_loop(100))


def shadowing(n):
    out = []
    for i in range(n):
        out.append(len("abc"))
        if i == 20:
            globals()["len"] = lambda s: -1
        if i == 40:
            del globals()["len"]
    return sum(out), out[19:23], out[39:43]


print("shadowing", shadowing(80))


import builtins as _b

_real_abs = abs


def builtin_changed_safe(n):
    total = 0
    for i in range(n):
        total += abs(-2)
        if i == 30:
            _b.abs = lambda v: 1000
        if i == 50:
            _b.abs = _real_abs
    return total


print("builtin changed", builtin_changed_safe(100))


def builtin_new(n):
    hits = 0
    for i in range(n):
        try:
            hits += JJ_SPEC_EXTRA
        except NameError as e:
            if i in (0, 39):
                print("NameError:", e)
        if i == 40:
            _b.JJ_SPEC_EXTRA = 1
    del _b.JJ_SPEC_EXTRA
    return hits


print("builtin added", builtin_new(100))


def missing_everywhere(n):
    for i in range(n):
        try:
            return undefined_name_xyz
        except NameError as e:
            if i == n - 1:
                print("NameError:", e)


missing_everywhere(50)

# The same code object run with different globals dicts.
src = """
def reader(n):
    t = 0
    for i in range(n):
        t += VALUE + len('xy')
    return t
"""
ns1 = {"VALUE": 1}
ns2 = {"VALUE": 100, "len": lambda s: 0}
exec(src, ns1)
reader = ns1["reader"]
print("ns1", reader(50))
import types

reader2 = types.FunctionType(reader.__code__, ns2)
print("ns2", reader2(50))
print("ns1 again", reader(50))
ns1["VALUE"] = 7
print("ns1 changed", reader(50))
del ns1["VALUE"]
try:
    reader(50)
except NameError as e:
    print("NameError:", e)


# Globals with many keys, and non-str keys added to globals (general keys table).
def many(n):
    t = 0
    for i in range(n):
        t += SCALE + G199
        if i == 20:
            globals()[12345] = "int key"
        if i == 50:
            del globals()[12345]
    return t


for k in range(200):
    globals()["G%d" % k] = k
print("many", many(100))


# Globals that are a dict subclass.
class Ns(dict):
    pass


code = compile(
    "def f():\n    return [X + len('a') for _ in range(30)]\nout = f()\nX = 6\nout2 = f()",
    "<ns>",
    "exec",
)
ns = Ns(X=5)
exec(code, ns)
print("dict subclass", ns["out"][:3], ns["out2"][:3])
ns2 = Ns(X=1, len=lambda s: 10)
exec(code, ns2)
print("dict subclass shadowing", ns2["out"][:3])


# Method-style LOAD_GLOBAL (push NULL) for calls.
def calls(n):
    t = 0
    for i in range(n):
        t += max(i, 3) + helper(i)
    return t


def helper(x):
    return x & 1


print("calls", calls(100))
helper = lambda x: 2
print("calls rebound", calls(100))
