# Closing generators early: finally blocks, GeneratorExit handling, "generator ignored GeneratorExit", close on dealloc and in cycles.
import gc
import sys
import inspect


def naturals(tag):
    n = 0
    try:
        while True:
            yield n
            n += 1
    finally:
        print(f"  [{tag}] finally after producing up to {n}")


def take(gen, k):
    out = []
    for x in gen:
        if len(out) == k:
            break
        out.append(x)
    return out


def demo_break_and_close():
    print("-- break out of for, then close explicitly")
    g = naturals("explicit")
    print(take(g, 5))
    print("  state after break:", inspect.getgeneratorstate(g))
    g.close()
    print("  state after close:", inspect.getgeneratorstate(g))
    g.close()
    print("  second close is a no-op")

    print("-- dropped reference closes it (refcount)")
    g = naturals("dropped")
    print(take(g, 3))
    print("  deleting")
    del g
    print("  deleted")

    print("-- for loop over temporary generator")
    for x in naturals("temp"):
        if x == 4:
            print("  breaking at", x)
            break
    print("  after loop (temporary already gone? depends on refcount: yes)")


def handles_exit(tag, mode):
    try:
        i = 0
        while True:
            try:
                yield i
            except GeneratorExit:
                print(f"  [{tag}] GeneratorExit seen at i={i}, mode={mode}")
                if mode == "reraise":
                    raise
                if mode == "return":
                    return "ret"
                if mode == "yield":
                    yield "refusing to die"
                if mode == "other":
                    raise ValueError("replaced GeneratorExit")
                if mode == "swallow-continue":
                    pass
            i += 1
    finally:
        print(f"  [{tag}] finally")


def demo_generator_exit_modes():
    for mode in ("reraise", "return", "yield", "other", "swallow-continue"):
        print(f"-- mode {mode}")
        g = handles_exit(mode, mode)
        next(g)
        next(g)
        try:
            result = g.close()
            print("  close() returned", result)
        except RuntimeError as exc:
            print("  RuntimeError:", exc)
        except ValueError as exc:
            print("  ValueError:", exc)
        print("  state:", inspect.getgeneratorstate(g))
        if inspect.getgeneratorstate(g) != "GEN_CLOSED":
            # still suspended in the except block: close again, now it re-raises
            try:
                g.close()
            except RuntimeError as exc:
                print("  second close RuntimeError:", exc)
            print("  state now:", inspect.getgeneratorstate(g))
            if inspect.getgeneratorstate(g) != "GEN_CLOSED":
                try:
                    g.throw(LookupError("finish it"))
                except LookupError as exc:
                    print("  LookupError escaped:", exc)
                print("  finally state:", inspect.getgeneratorstate(g))


def demo_nested_finally():
    print("-- nested try/finally unwinding on close")

    def nested():
        try:
            try:
                try:
                    yield "deep"
                finally:
                    print("  inner finally")
            finally:
                print("  middle finally")
                yield_count = 0
                print("  middle finally done", yield_count)
        finally:
            print("  outer finally")

    g = nested()
    print(" ", next(g))
    g.close()

    print("-- finally that raises during close")

    def raising_finally():
        try:
            yield 1
        finally:
            raise KeyError("from finally")

    g = raising_finally()
    next(g)
    try:
        g.close()
    except KeyError as exc:
        print("  close raised KeyError", exc, "context:", type(exc.__context__).__name__)


def demo_with_in_generator():
    print("-- context manager inside generator closed early")

    class Res:
        def __init__(self, name):
            self.name = name

        def __enter__(self):
            print(f"  open {self.name}")
            return self

        def __exit__(self, et, ev, tb):
            print(f"  close {self.name} exc={et.__name__ if et else None}")
            return False

    def lines():
        with Res("file-a") as r:
            for i in range(100):
                yield f"{r.name}:{i}"

    g = lines()
    print(" ", next(g), next(g))
    g.close()


def demo_unraisable():
    print("-- GeneratorExit ignored during deallocation goes to sys.unraisablehook")
    seen = []

    def hook(info):
        seen.append((info.exc_type.__name__, str(info.exc_value), info.err_msg,
                     getattr(info.object, "__name__", None)))

    old = sys.unraisablehook
    sys.unraisablehook = hook
    try:
        def stubborn():
            while True:
                try:
                    yield 1
                except GeneratorExit:
                    print("  stubborn: ignoring GeneratorExit")

        g = stubborn()
        next(g)
        del g
    finally:
        sys.unraisablehook = old
    for entry in seen:
        print("  unraisable:", entry)


def demo_cycle():
    print("-- generator in a reference cycle closed by gc")
    gc.collect()

    class Holder:
        pass

    def cyc(holder):
        try:
            yield "cyc-value"
        finally:
            print("  cycle generator finally ran")

    h = Holder()
    h.gen = cyc(h)
    print(" ", next(h.gen))
    del h
    print("  collecting")
    gc.collect()
    print("  collected")


def demo_many():
    print("-- many generators closed early in a loop")
    closed = 0

    def counter():
        nonlocal closed
        try:
            k = 0
            while True:
                yield k
                k += 1
        finally:
            closed += 1

    total = 0
    for j in range(2000):
        g = counter()
        for v in g:
            total += v
            if v >= j % 7:
                break
        g.close()
    print("  total", total, "closed", closed)


demo_break_and_close()
demo_generator_exit_modes()
demo_nested_finally()
demo_with_in_generator()
demo_unraisable()
demo_cycle()
demo_many()
print("end")
