# Exercises `with`: custom context managers that suppress and don't suppress exceptions (BEFORE_WITH, WITH_EXCEPT_START), nesting, multiple items, contextlib helpers, return/break through with.
import contextlib
import io
import os
import tempfile

events = []


class Tracker:
    def __init__(self, name, suppress=False):
        self.name = name
        self.suppress = suppress

    def __enter__(self):
        events.append("enter " + self.name)
        return self

    def __exit__(self, exc_type, exc, tb):
        events.append("exit %s %s" % (self.name, exc_type.__name__ if exc_type else None))
        return self.suppress


def flush():
    out = list(events)
    events.clear()
    return out


with Tracker("plain") as t:
    events.append("body " + t.name)
print(flush())

with Tracker("suppressing", suppress=True):
    raise ValueError("swallowed")
print("after suppressed", flush())

try:
    with Tracker("passing-through"):
        raise KeyError("escapes")
except KeyError as exc:
    print("caught", repr(exc), flush())

with Tracker("outer", True), Tracker("inner") as inner:
    events.append("body with " + inner.name)
    1 / 0
print(flush())

with Tracker("a"):
    with Tracker("b", True):
        with Tracker("c"):
            raise IndexError
    events.append("after b")
print(flush())


def early_return():
    with Tracker("ret"):
        return "returned"


def loop_break():
    for i in range(5):
        with Tracker("loop%d" % i):
            if i == 1:
                continue
            if i == 2:
                break
    return i


print(early_return(), loop_break(), flush())


# __exit__ that raises a different exception
class Translator:
    def __enter__(self):
        return "translator"

    def __exit__(self, et, ev, tb):
        if et is ZeroDivisionError:
            raise ArithmeticError("translated: %s" % ev) from ev
        return False


try:
    with Translator() as tr:
        print("inside", tr)
        1 // 0
except ArithmeticError as exc:
    print("ArithmeticError:", exc, "| cause:", repr(exc.__cause__))


# Truthy non-bool return from __exit__ suppresses
class Truthy:
    def __enter__(self):
        return None

    def __exit__(self, *a):
        return "yes"


with Truthy() as nothing:
    raise RuntimeError("gone")
print("truthy suppressed, as-target:", nothing)

# Objects missing the protocol
for bad in (object(), 42):
    try:
        with bad:
            pass
    except (TypeError, AttributeError) as exc:
        print(type(exc).__name__, exc)


# contextlib.contextmanager, suppress, redirect_stdout, ExitStack, nullcontext
@contextlib.contextmanager
def tag(name):
    events.append("<%s>" % name)
    try:
        yield name.upper()
    except ValueError as exc:
        events.append("handled %s" % exc)
    finally:
        events.append("</%s>" % name)


with tag("div") as up:
    with tag("span"):
        events.append("text " + up)
with tag("p"):
    raise ValueError("inside p")
print(flush())

with contextlib.suppress(KeyError, IndexError):
    {}["missing"]
print("suppress ok")

buf = io.StringIO()
with contextlib.redirect_stdout(buf):
    print("captured line 1")
    print("captured", 2)
print("redirected:", repr(buf.getvalue()))

with contextlib.ExitStack() as stack:
    managers = [stack.enter_context(Tracker("stack%d" % i)) for i in range(3)]
    stack.callback(events.append, "callback ran")
print(flush())
with contextlib.nullcontext(5) as five:
    print("nullcontext", five)

# Files in a temporary directory
with tempfile.TemporaryDirectory() as d:
    path = os.path.join(d, "data.txt")
    with open(path, "w") as fh:
        for i in range(5):
            fh.write("line %d\n" % i)
    print("closed after with:", fh.closed)
    with open(path) as fh, open(path + ".copy", "w") as out:
        for line in fh:
            out.write(line.upper())
    with open(path + ".copy") as fh:
        print(fh.read().splitlines())

# Hot loop: entering/exiting a context manager thousands of times, with some suppressed errors
class Counter:
    def __init__(self):
        self.enters = 0
        self.suppressed = 0

    def __enter__(self):
        self.enters += 1
        return self

    def __exit__(self, et, ev, tb):
        if et is ValueError:
            self.suppressed += 1
            return True
        return None


cm = Counter()
escaped = 0
for i in range(3000):
    try:
        with cm:
            if i % 10 == 0:
                raise ValueError(i)
            if i % 77 == 0:
                raise TypeError(i)
    except TypeError:
        escaped += 1
print(cm.enters, cm.suppressed, escaped)
