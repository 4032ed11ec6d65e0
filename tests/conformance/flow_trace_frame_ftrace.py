# frame.f_trace on already-running frames (settrace + f_back.f_trace), f_trace_lines=False, f_trace_opcodes counts, tracing a hot function, then untraced hot loops.
import sys

LOG = []


def local_tracer(frame, event, arg):
    rel = frame.f_lineno - frame.f_code.co_firstlineno
    LOG.append(f"{event} {frame.f_code.co_name}+{rel}")
    return local_tracer


def global_tracer(frame, event, arg):
    # only trace frames of functions whose name starts with "t_"
    if frame.f_code.co_name.startswith("t_"):
        return local_tracer
    return None


def trace_running_frame():
    LOG.clear()
    a = 1
    sys.settrace(global_tracer)
    sys._getframe().f_trace = local_tracer  # trace this already-running frame
    b = a + 1
    c = b * 2
    sys.settrace(None)
    d = c + 1  # still traced? the frame keeps its f_trace only while tracing is on
    del sys._getframe().f_trace
    return d


def t_helper(x):
    y = x + 1
    return y * 2


def caller_traced_from_callee():
    LOG.clear()

    def install():
        sys.settrace(global_tracer)
        sys._getframe(1).f_trace = local_tracer  # trace our caller from here on

    install()
    p = 10
    q = t_helper(p)
    sys.settrace(None)
    return q


def t_loop(n):
    s = 0
    for i in range(n):
        s += i
    return s


def no_lines_tracer(frame, event, arg):
    frame.f_trace_lines = False
    LOG.append(f"{event} {frame.f_code.co_name}")
    return no_lines_tracer


def opcode_counter(frame, event, arg):
    frame.f_trace_lines = False
    frame.f_trace_opcodes = True
    if event == "opcode":
        OPCOUNT[frame.f_code.co_name] = OPCOUNT.get(frame.f_code.co_name, 0) + 1
    return opcode_counter


OPCOUNT = {}


def t_tiny(a, b):
    if a > b:
        return a - b
    return b - a


def main():
    print("== trace the frame that turned tracing on")
    result = trace_running_frame()
    print("  result:", result)
    for e in LOG:
        print("   ", e)

    print("== callee installs f_trace on its caller")
    result = caller_traced_from_callee()
    print("  result:", result)
    for e in LOG:
        print("   ", e)

    print("== f_trace_lines = False keeps call/return only")
    LOG.clear()
    sys.settrace(no_lines_tracer)
    t_loop(5)
    sys.settrace(None)
    print("   ", LOG)

    print("== opcode events are delivered when f_trace_opcodes is set")
    OPCOUNT.clear()
    sys.settrace(opcode_counter)
    r1 = t_tiny(5, 3)
    r2 = t_tiny(3, 5)
    sys.settrace(None)
    print("  results:", r1, r2, "| opcode events for t_tiny:", OPCOUNT.get("t_tiny", 0))

    print("== line events of a traced loop")
    LOG.clear()
    sys.settrace(global_tracer)
    t_loop(3)
    sys.settrace(None)
    print("   ", LOG)

    print("== hot function warmed up first, then traced, then untraced again")
    warm = 0
    for i in range(3000):
        warm += t_helper(i)
    LOG.clear()
    sys.settrace(global_tracer)
    traced_value = t_helper(7)
    sys.settrace(None)
    print("  warm:", warm, "| traced value:", traced_value, "| events:", LOG)
    cold = 0
    for i in range(3000):
        cold += t_helper(i)
    print("  after:", cold, "| no more events:", len(LOG))

    print("== tracing a generator that is resumed while traced")
    LOG.clear()

    def t_gen():
        yield 1
        yield 2

    g = t_gen()
    next(g)
    sys.settrace(global_tracer)
    next(g)
    sys.settrace(None)
    next(g, None)
    print("   ", LOG)


main()
print("gettrace at end:", sys.gettrace())
