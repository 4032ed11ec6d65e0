# sys.settrace turned on in the middle of a hot loop by a called function: with and without setting f_trace on the looping frame, line events for the remaining iterations, a tracer that rewrites a local of the loop, tracing turned off mid-loop, and the loop still computing the right values.
import sys

EVENTS = []
WATCHED = {"loop_a", "loop_b", "loop_c", "loop_d", "helper", "turn_on", "turn_on_here", "turn_off"}


def tracer(frame, event, arg):
    code = frame.f_code
    if code.co_name in WATCHED:
        rel = frame.f_lineno - code.co_firstlineno
        if event == "return":
            EVENTS.append(f"{event} {code.co_name}+{rel} {arg!r}")
        elif event == "exception":
            EVENTS.append(f"{event} {code.co_name}+{rel} {arg[0].__name__}")
        else:
            EVENTS.append(f"{event} {code.co_name}+{rel}")
    return tracer


def rewriting_tracer(frame, event, arg):
    if frame.f_code.co_name == "loop_c" and event == "line":
        rel = frame.f_lineno - frame.f_code.co_firstlineno
        if rel == 5 and frame.f_locals.get("i") == 30:
            frame.f_locals["total"] = -1000
            EVENTS.append("rewrote total")
    return rewriting_tracer


def helper(v):
    return v + 1


def turn_on():
    sys.settrace(tracer)


def turn_on_here():
    # also trace the caller (the looping frame) from now on
    sys.settrace(tracer)
    sys._getframe(1).f_trace = tracer


def turn_off():
    sys.settrace(None)


def loop_a(n, on_at):
    total = 0
    for i in range(n):
        if i == on_at:
            turn_on()
        total += helper(i)
    turn_off()
    return total


def loop_b(n, on_at):
    total = 0
    for i in range(n):
        if i == on_at:
            turn_on_here()
        total += i * 2
    turn_off()
    return total


def loop_c(n):
    total = 0
    sys.settrace(rewriting_tracer)
    sys._getframe().f_trace = rewriting_tracer
    for i in range(n):
        total += i
    sys.settrace(None)
    return total


def loop_d(n, off_at):
    total = 0
    for i in range(n):
        total += i
        if i == off_at:
            sys._getframe().f_trace = None
            turn_off()
    return total


def loop_e(n, on_at):
    # opcode events for the rest of a hot loop: only counted, per line
    counts = {}

    def op_tracer(frame, event, arg):
        if frame.f_code.co_name == "loop_e":
            frame.f_trace_opcodes = True
            rel = frame.f_lineno - frame.f_code.co_firstlineno
            key = f"{event}+{rel}"
            counts[key] = counts.get(key, 0) + 1
        return op_tracer

    total = 0
    for i in range(n):
        if i == on_at:
            sys.settrace(op_tracer)
            sys._getframe().f_trace = op_tracer
        total += i * i
    sys.settrace(None)
    return total, sorted(counts.items())


def report(label, result):
    print(f"== {label}: {result!r} ({len(EVENTS)} events)")
    for ev in EVENTS:
        print("   ", ev)
    EVENTS.clear()


def main():
    report("loop_a (settrace only, helper calls traced)", loop_a(60, 57))
    report("loop_b (f_trace on the looping frame)", loop_b(60, 56))
    report("loop_b on last iteration", loop_b(10, 9))
    report("loop_c (tracer rewrites a local)", loop_c(40))
    sys.settrace(tracer)
    sys._getframe().f_trace = tracer
    r = loop_d(50, 3)
    sys.settrace(None)
    report("loop_d (tracing off mid-loop)", r)
    report("loop_e (opcode events)", loop_e(40, 36))
    print("gettrace:", sys.gettrace())
    # hot loop after everything, no tracing
    s = 0
    for i in range(5000):
        s += i % 11
    print("after:", s)


main()
