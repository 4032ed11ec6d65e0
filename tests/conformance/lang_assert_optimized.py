# Exercises running under -O: asserts are stripped, __debug__ is False, `if __debug__` blocks vanish, docstrings kept.
# conformance-flags: -O
import sys

side_effects = []


def effect(v):
    side_effects.append(v)
    return v


assert effect(False), effect("message")
print("after failing assert under -O; side effects:", side_effects)
print("__debug__ =", __debug__, "optimize flag =", sys.flags.optimize)

if __debug__:
    print("debug block (should not run under -O)")
else:
    print("non-debug branch")


def validate(x):
    """Docstring remains with -O (only -OO strips it)."""
    assert x > 0, "x must be positive"
    return x * 2


print([validate(v) for v in (-2, 0, 3)], validate.__doc__)

total = 0
for i in range(5000):
    assert i < 0, "would fail every iteration"
    total += i
print("loop total", total)

try:
    raise AssertionError("explicit raise still works")
except AssertionError as exc:
    print("caught:", exc)

code = compile("assert False, 'in compiled code'", "<string>", "exec")
try:
    exec(code)
    print("compiled assert stripped too")
except AssertionError as exc:
    print("compiled assert raised:", exc)
code2 = compile("assert False, 'optimize=0 forced'", "<string>", "exec", optimize=0)
try:
    exec(code2)
except AssertionError as exc:
    print("optimize=0 assert raised:", exc)
