# sys.setprofile used by the program: call/return and c_call/c_return/c_exception events for Python and builtin calls, generators, then profiling off.
import sys

EVENTS = []


def profiler(frame, event, arg):
    name = frame.f_code.co_name
    if event in ("c_call", "c_return", "c_exception"):
        EVENTS.append(f"{event} {getattr(arg, '__qualname__', getattr(arg, '__name__', '?'))} from {name}")
    elif event == "return":
        EVENTS.append(f"return {name} -> {arg!r}")
    else:
        EVENTS.append(f"{event} {name}")


def work(values):
    total = sum(values)
    biggest = max(values)
    text = ",".join(str(v) for v in values)
    return total, biggest, len(text)


def fails():
    return int("not-int")


def catches():
    try:
        fails()
    except ValueError:
        return "caught"


def c_fails():
    try:
        divmod(1, 0)
    except ZeroDivisionError:
        pass
    try:
        sorted([1, "a"])
    except TypeError:
        return "builtins raised"


def method_calls():
    items = []
    items.append(3)
    items.extend([1, 2])
    items.sort()
    d = {}
    d.setdefault("k", []).append(1)
    return items, d


def gen():
    yield len("ab")
    yield abs(-3)


def profiled(label, fn, *args):
    EVENTS.clear()
    sys.setprofile(profiler)
    try:
        result = fn(*args)
    finally:
        sys.setprofile(None)
    # drop the final c_call of setprofile itself
    events = [e for e in EVENTS if "setprofile" not in e]
    print(f"== {label}: {result!r}")
    for e in events:
        print("   ", e)


def main():
    print("getprofile before:", sys.getprofile())
    profiled("work", work, [3, 1, 4])
    profiled("catches", catches)
    profiled("c_fails", c_fails)
    profiled("method_calls", method_calls)
    profiled("generator", lambda: list(gen()))

    class WithDunder:
        def __len__(self):
            return 7

        def __repr__(self):
            return "WithDunder()"

    profiled("dunder via builtin", lambda: (len(WithDunder()), repr(WithDunder())))
    print("getprofile after:", sys.getprofile())
    total = 0
    for i in range(100000):
        total += len((i,))
    print("hot loop after profiling:", total)


main()
