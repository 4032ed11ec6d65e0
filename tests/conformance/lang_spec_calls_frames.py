# Specialized Python calls start their callee and return to their caller without leaving the
# dispatch loop: what a caller must still see around such calls (recursion limits hit at the
# call, exceptions through it, frames that outlive the call, finalizers run as the callee's
# frame is cleared, a trace function set inside the callee, generators resumed by a hot loop).
import sys
import traceback


def leaf(x):
    return x + 1


def hot_caller(n):
    total = 0
    for i in range(n):
        total = leaf(total)
    return total


print("warm", hot_caller(500))


# Recursion through a specialized call site, past the limit, caught at several depths.
def down(n):
    if n == 0:
        return 0
    return down(n - 1) + 1


for limit in (120, 200, 90):
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(limit)
    try:
        print("deep", down(limit * 2))
    except RecursionError as e:
        print("RecursionError at limit", limit, type(e).__name__)
    finally:
        sys.setrecursionlimit(old)
    print("after", down(50))


# Exceptions raised in the callee and handled by the hot caller; the caller's stack is intact.
def maybe_fail(i):
    if i % 7 == 3:
        raise ValueError(i)
    return i


def handles(n):
    ok = failed = 0
    for i in range(n):
        try:
            ok += maybe_fail(i)
        except ValueError as e:
            failed += e.args[0]
    return ok, failed


print("handled", handles(300))


def outer_tb():
    try:
        for i in range(50):
            maybe_fail(i)
    except ValueError:
        names = [f.name for f in traceback.extract_tb(sys.exc_info()[2])]
        print("traceback", names)


outer_tb()


# A frame that outlives its call: its object keeps the locals and line after the return.
def capture(a, b):
    c = a * b
    return sys._getframe()


frames = [capture(i, 2) for i in range(100)]
last = frames[-1]
print("kept", last.f_locals, last.f_code.co_name, last.f_lineno > 0)
print("back", last.f_back is None, frames[0].f_locals["c"])


# Finalizers run while a returning callee's frame is cleared; they see the caller on the stack.
class Noisy:
    seen = []

    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        Noisy.seen.append((self.tag, sys._getframe(1).f_code.co_name))


def make_and_drop(i):
    keep = Noisy(i)
    return i * 2


def drop_loop(n):
    total = 0
    for i in range(n):
        total += make_and_drop(i)
    return total


print("dropped", drop_loop(60), len(Noisy.seen), Noisy.seen[:2], Noisy.seen[-1])


# A trace function set inside a callee: the caller's remaining lines are traced.
events = []


def tracer(frame, event, arg):
    if frame.f_code.co_name in ("starts_tracing", "traced_caller"):
        events.append((frame.f_code.co_name, event))
    return tracer


def starts_tracing(i):
    if i == 40:
        sys.settrace(tracer)
    return i


def traced_caller():
    total = 0
    for i in range(45):
        total += starts_tracing(i)
    sys.settrace(None)
    return total


print("traced", traced_caller(), len(events), events[:3], events[-2:])


# Generators resumed by a hot loop: exhausted, closed early, raising mid-way.
def count_to(n):
    for i in range(n):
        yield i


def gen_sum(n):
    total = 0
    for _ in range(n):
        for v in count_to(5):
            total += v
    return total


print("gens", gen_sum(200))


def raises_at(k):
    for i in range(10):
        if i == k:
            raise KeyError(i)
        yield i


caught = 0
for k in range(100):
    try:
        for v in raises_at(k % 12):
            pass
    except KeyError:
        caught += 1
print("gen errors", caught)

g = count_to(1000)
partial = 0
for v in g:
    partial += v
    if v == 99:
        break
g.close()
print("closed", partial, next(g, "done"))


# Types change at a hot call site: a function becomes a class, a bound method, a builtin.
class Adder:
    def __init__(self, x):
        self.x = x


def site(f, n):
    out = []
    for i in range(n):
        out.append(f(i))
    return out


print("fn", site(leaf, 5))
print("cls", [a.x for a in site(Adder, 5)])
print("builtin", site(abs, 5))
print("method", site([].append, 3))
