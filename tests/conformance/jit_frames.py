# Frame introspection from inside hot loops: locals(), sys._getframe(1).f_locals and f_lineno seen by a called function, vars() at module level, traceback objects' line numbers, frame.f_back chains, and exceptions carrying frames of loop iterations.
import sys
import traceback


def peek():
    f = sys._getframe(1)
    return f.f_code.co_name, f.f_lineno - f.f_code.co_firstlineno, sorted(kv for kv in f.f_locals.items() if kv[0] != "seen")


def loop_with_locals(n):
    a = 0
    b = 1.5
    snaps = []
    for i in range(n):
        a += i
        b *= 2
        if i in (0, 1, n - 1):
            snaps.append(sorted(locals().items())[:4])
    return snaps


def loop_with_peek(n):
    x = 0
    seen = []
    for i in range(n):
        x = x * 3 + i
        if i % 10 == 9:
            seen.append(peek())
    return seen


def caller_lines(n):
    lines = []

    def where():
        return sys._getframe(1).f_lineno

    base = sys._getframe().f_code.co_firstlineno
    for i in range(n):
        if i % 2:
            lines.append(where() - base)
        else:
            lines.append(where() - base)
    return lines


def tb_lines(n):
    out = []
    base = tb_lines.__code__.co_firstlineno
    for i in range(n):
        try:
            if i % 3 == 0:
                raise ValueError(i)
            elif i % 3 == 1:
                {}[i]
            else:
                [][i]
        except Exception as e:
            tb = e.__traceback__
            out.append((type(e).__name__, tb.tb_lineno - base, tb.tb_frame.f_code.co_name, tb.tb_frame.f_locals["i"]))
    return out


def stack_in_loop(depth_left, n):
    if depth_left:
        return stack_in_loop(depth_left - 1, n)
    names = []
    for i in range(n):
        f = sys._getframe()
        chain = []
        while f is not None and f.f_code.co_name != "<module>":
            chain.append(f.f_code.co_name)
            f = f.f_back
        names.append(len(chain))
    return names[-1], chain[:3], chain[-2:]


def format_stack_in_loop(n):
    out = None
    for i in range(n):
        if i == n - 1:
            out = [line.strip().splitlines()[0].split(", in ")[-1] for line in traceback.format_stack()[-3:]]
    return out


def local_modified_via_frame(n):
    # writes to f_locals of a running function are not written back (no tracing)
    v = 0
    for i in range(n):
        v += 1
        sys._getframe().f_locals["v"] = -999
    return v


def main():
    for snap in loop_with_locals(30):
        print("locals:", snap)
    for s in loop_with_peek(30):
        print("peek:", s)
    print("caller_lines:", caller_lines(6))
    for row in tb_lines(6):
        print("tb:", row)
    print("stack_in_loop:", stack_in_loop(5, 20))
    print("format_stack:", format_stack_in_loop(10))
    print("local_modified_via_frame:", local_modified_via_frame(20))


main()
