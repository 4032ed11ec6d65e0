# contextlib: contextmanager (exceptions into the generator, suppression), ExitStack (callbacks, LIFO, pop_all), suppress, redirect_stdout/stderr, nullcontext, closing, ContextDecorator, chdir.
import contextlib
import io
import os
import sys
import tempfile


@contextlib.contextmanager
def tag(name, log, swallow=()):
    log.append(f"<{name}>")
    try:
        yield name.upper()
    except swallow as e:
        log.append(f"swallowed {type(e).__name__}({e}) in {name}")
    finally:
        log.append(f"</{name}>")


@contextlib.contextmanager
def no_yield():
    if False:
        yield


@contextlib.contextmanager
def double_yield():
    yield 1
    yield 2


@contextlib.contextmanager
def converting():
    try:
        yield
    except KeyError as e:
        raise LookupError(f"converted {e}") from e


def contextmanager_demo():
    print("-- contextmanager")
    log = []
    with tag("a", log) as v:
        log.append(f"body {v}")
    with tag("b", log, swallow=(ValueError,)):
        raise ValueError("bad")
    try:
        with tag("c", log, swallow=(ValueError,)):
            raise TypeError("not swallowed")
    except TypeError as e:
        log.append(f"escaped {e}")
    print(" ", log)
    try:
        with no_yield():
            pass
    except RuntimeError as e:
        print("  no yield:", e)
    try:
        with double_yield():
            pass
    except RuntimeError as e:
        print("  double yield:", e)
    try:
        with converting():
            raise KeyError("k")
    except LookupError as e:
        print("  converted:", e, "| cause:", repr(e.__cause__))
    cm = tag("reused", [])
    with cm:
        pass
    try:
        with cm:
            pass
    except (RuntimeError, AttributeError) as e:
        print("  reuse:", type(e).__name__)

    @tag("decorated", log := [])
    def decorated(x):
        log.append(f"call {x}")
        return x * 2

    print("  decorator form:", decorated(21), log)
    print("  called twice:", decorated(1), log)


def exitstack_demo():
    print("-- ExitStack")
    log = []
    with contextlib.ExitStack() as stack:
        for i in range(3):
            stack.enter_context(tag(f"s{i}", log))
        stack.callback(log.append, "callback-1")

        @stack.push
        def exit_hook(et, ev, tb):
            log.append(f"push hook sees {et.__name__ if et else None}")
            return False

        log.append("body")
    print(" ", log)

    log = []
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(tag("outer", log))
            stack.enter_context(tag("suppressor", log, swallow=(KeyError,)))
            stack.callback(log.append, "cb before error")
            raise KeyError("in body")
        log.append("after stack (suppressed)")
    except KeyError:
        log.append("not suppressed?")
    print(" ", log)

    log = []
    with contextlib.ExitStack() as outer_stack:
        with contextlib.ExitStack() as stack:
            stack.enter_context(tag("moved", log))
            moved = stack.pop_all()
        log.append("inner stack closed; moved resource still open")
        outer_stack.push(moved)
    print(" ", log)

    log = []
    stack = contextlib.ExitStack()
    stack.callback(lambda: log.append("explicit close"))
    stack.close()
    print(" ", log)

    print("  errors in callbacks chain properly:")
    try:
        with contextlib.ExitStack() as stack:
            stack.callback(lambda: 1 / 0)
            stack.callback(lambda: [][1])
            raise ValueError("body")
    except ZeroDivisionError as e:
        ctx = e.__context__
        print("    final:", repr(e), "| context:", repr(ctx), "| context of context:", repr(ctx.__context__))
    try:
        with contextlib.ExitStack() as stack:
            stack.enter_context(object())
    except TypeError as e:
        print("    enter_context on non-cm:", e)


def misc_demo():
    print("-- suppress")
    with contextlib.suppress(KeyError, IndexError):
        {}["x"]
    print("  suppressed KeyError")
    try:
        with contextlib.suppress(KeyError):
            raise ValueError("not suppressed")
    except ValueError as e:
        print("  ValueError passes:", e)
    with contextlib.suppress(Exception):
        raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    print("  suppressed an ExceptionGroup")

    print("-- redirect_stdout / redirect_stderr")
    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        print("captured line 1")
        print("captured", "line", 2, sep="-")
        sys.stdout.write("raw write\n")
    print("  captured:", buf.getvalue().splitlines())
    ebuf = io.StringIO()
    with contextlib.redirect_stderr(ebuf):
        print("to stderr", file=sys.stderr)
    print("  stderr captured:", ebuf.getvalue())
    outer, inner = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(outer):
        print("outer 1")
        with contextlib.redirect_stdout(inner):
            print("inner")
        print("outer 2")
    print("  nested:", outer.getvalue().split(), inner.getvalue().split())

    print("-- nullcontext")
    with contextlib.nullcontext("value") as v:
        print("  nullcontext gives:", v)
    with contextlib.nullcontext() as v:
        print("  default:", v)

    print("-- closing")

    class Resource:
        def __init__(self):
            self.closed = False

        def close(self):
            self.closed = True
            print("  close() called")

    with contextlib.closing(Resource()) as r:
        print("  inside, closed:", r.closed)
    print("  after, closed:", r.closed)

    print("-- ContextDecorator")

    class traced(contextlib.ContextDecorator):
        def __init__(self, label):
            self.label = label

        def __enter__(self):
            print(f"  enter {self.label}")
            return self

        def __exit__(self, *exc):
            print(f"  exit {self.label} exc={exc[0].__name__ if exc[0] else None}")
            return False

    @traced("func")
    def work(n):
        print("  working", n)
        if n < 0:
            raise ValueError("negative")
        return n

    work(1)
    try:
        work(-1)
    except ValueError:
        print("  propagated ValueError")

    print("-- chdir (inside a temporary directory)")
    start = os.getcwd()
    with tempfile.TemporaryDirectory() as tmp:
        with contextlib.chdir(tmp):
            with open("note.txt", "w") as f:
                f.write("hello")
            print("  files in tmp:", os.listdir("."), "| cwd is tmp:", os.path.samefile(os.getcwd(), tmp))
        print("  restored cwd:", os.getcwd() == start)


contextmanager_demo()
exitstack_demo()
misc_demo()
