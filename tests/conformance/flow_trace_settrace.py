# sys.settrace used by the program: call/line/return/exception events with relative line numbers for functions, loops, generators; then tracing off and a hot loop.
import sys


EVENTS = []


def make_tracer(record_lines=True, only=None):
    def tracer(frame, event, arg):
        code = frame.f_code
        if only is not None and code.co_name not in only:
            return tracer
        rel = frame.f_lineno - code.co_firstlineno
        if event == "call":
            EVENTS.append(f"call {code.co_name}")
        elif event == "line":
            if record_lines:
                EVENTS.append(f"line {code.co_name}+{rel}")
        elif event == "return":
            EVENTS.append(f"return {code.co_name}+{rel} -> {arg!r}")
        elif event == "exception":
            exc_type, exc, tb = arg
            EVENTS.append(f"exception {code.co_name}+{rel} {exc_type.__name__}: {exc}")
        return tracer
    return tracer


def simple(a, b):
    total = a
    for i in range(b):
        total += i
    if total > 5:
        total -= 1
    return total


def raiser(n):
    if n > 1:
        raise ValueError(f"n={n}")
    return n


def catcher():
    result = []
    for n in (1, 2):
        try:
            result.append(raiser(n))
        except ValueError as e:
            result.append(str(e))
    return result


def gen(n):
    for i in range(n):
        yield i * 10
    return "gen-done"


def uses_gen():
    out = [v for v in gen(2)]
    return out


def nested_calls(depth):
    if depth == 0:
        return 0
    return nested_calls(depth - 1) + 1


def with_lambda_and_builtin():
    f = lambda x: x + 1
    return sorted(map(f, [3, 1, 2]))


def run_traced(label, fn, *args, **kw):
    EVENTS.clear()
    sys.settrace(make_tracer(**kw))
    try:
        result = fn(*args)
    except Exception as e:
        result = f"raised {type(e).__name__}"
    finally:
        sys.settrace(None)
    print(f"== {label}: result {result!r}")
    for ev in EVENTS:
        print("   ", ev)


def main():
    print("gettrace before:", sys.gettrace())
    run_traced("simple", simple, 2, 3)
    run_traced("catcher", catcher)
    run_traced("raiser uncaught", raiser, 5)
    run_traced("generator", uses_gen)
    run_traced("recursion (no line events)", nested_calls, 3, record_lines=False)
    run_traced("lambda + builtin", with_lambda_and_builtin)
    run_traced("only gen frames", uses_gen, only={"gen"})

    print("== local tracer returning None stops line events for that frame")
    EVENTS.clear()

    def global_only(frame, event, arg):
        EVENTS.append(f"{event} {frame.f_code.co_name}")
        return None

    sys.settrace(global_only)
    simple(1, 2)
    catcher()
    sys.settrace(None)
    for ev in EVENTS:
        print("   ", ev)

    print("== tracer that raises is removed")
    def bad_tracer(frame, event, arg):
        raise RuntimeError("tracer failed")

    sys.settrace(bad_tracer)
    try:
        simple(1, 1)
    except RuntimeError as e:
        print("    caught:", e, "| gettrace now:", sys.gettrace())
    sys.settrace(None)

    print("gettrace after:", sys.gettrace())
    # hot loop after tracing was turned off: must run normally
    total = 0
    for i in range(200000):
        total += i % 7
    print("hot loop total:", total)
    print("simple after tracing:", [simple(i, i) for i in range(6)])


main()
