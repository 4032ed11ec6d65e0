# Frame introspection: sys._getframe(n), f_code/f_lineno/f_locals/f_globals, f_back chains, inspect.currentframe/stack/getframeinfo, generator and coroutine frames.
import inspect
import sys

def who_called_me():
    caller = sys._getframe(1)
    return caller.f_code.co_name, caller.f_lineno


def chain_names(frame, limit=10):
    names = []
    while frame is not None and len(names) < limit:
        names.append(f"{frame.f_code.co_name}@{frame.f_lineno}")
        frame = frame.f_back
    return names


def level3(x):
    marker = "in level3"
    frame = sys._getframe()
    print("  level3 chain:", chain_names(frame))
    print("  level3 locals:", sorted((k, v) for k, v in frame.f_locals.items() if k != "frame"))
    print("  caller's locals:", sorted(k for k in sys._getframe(1).f_locals))
    print("  caller of caller name:", sys._getframe(2).f_code.co_name)
    return x + 1


def level2(y):
    temp = y * 2
    return level3(temp)


def level1():
    start = 5
    return level2(start)


def demo_basic():
    print("-- sys._getframe and f_back")
    print("  result:", level1())
    name, line = who_called_me()
    print("  who_called_me ->", name, line)
    try:
        sys._getframe(500)
    except ValueError as e:
        print("  too deep:", e)
    f = sys._getframe()
    print("  code attrs:", f.f_code.co_name, f.f_code.co_argcount, f.f_code.co_varnames[:3])
    print("  f_globals is module globals:", f.f_globals is globals(), "| builtins has len:", "len" in f.f_builtins)
    print("  f_lasti is int:", isinstance(f.f_lasti, int))


def demo_lineno_tracking():
    print("-- f_lineno advances with execution")
    f = sys._getframe()
    first = f.f_lineno
    a = 1
    second = f.f_lineno
    b = [
        f.f_lineno,
        f.f_lineno,
    ]
    print("  deltas:", second - first, b[0] - first, b[1] - first)
    lines = []
    for i in range(3):
        lines.append(sys._getframe().f_lineno - first)
    print("  in loop:", lines)


def demo_inspect():
    print("-- inspect.currentframe / stack / getframeinfo")
    frame = inspect.currentframe()
    info = inspect.getframeinfo(frame)
    print("  frameinfo:", info.function, info.lineno - frame.f_code.co_firstlineno, info.code_context)
    stack = inspect.stack()
    print("  stack functions:", [fi.function for fi in stack])
    print("  stack[0] code_context:", stack[0].code_context)
    outer = inspect.getouterframes(frame)
    print("  outer frames:", [fi.function for fi in outer])
    print("  getmodule:", inspect.getmodule(frame).__name__)
    del frame, stack, outer


def gen_with_frame():
    x = 1
    yield sys._getframe()
    x += 1
    yield x


def demo_generator_frames():
    print("-- generator frame identity and f_back")
    g = gen_with_frame()
    f = next(g)
    print("  frame is gi_frame:", f is g.gi_frame, "| f_back while suspended:", f.f_back)
    print("  suspended locals:", f.f_locals)
    print("  gi_frame.f_lineno - first:", g.gi_frame.f_lineno - g.gi_code.co_firstlineno)
    next(g)
    print("  after resume locals:", g.gi_frame.f_locals)

    def caller_inside_gen():
        yield sys._getframe(1).f_code.co_name

    print("  generator's caller:", next(caller_inside_gen()))
    print("  genexpr frame name:", next(sys._getframe().f_code.co_name for _ in [1]))


def demo_coroutine_frames():
    print("-- coroutine frames")

    async def coro():
        here = sys._getframe()
        return here.f_code.co_name, here.f_back.f_code.co_name

    c = coro()
    print("  cr_frame code:", c.cr_frame.f_code.co_name)
    try:
        c.send(None)
    except StopIteration as stop:
        print("  result:", stop.value)


class Meta:
    def method(self):
        return sys._getframe().f_code.co_qualname if hasattr(sys._getframe().f_code, "co_qualname") else None

    @classmethod
    def cm(cls):
        return sys._getframe().f_locals["cls"].__name__


def demo_qualnames():
    print("-- co_qualname and method frames")
    print("  method qualname:", Meta().method())
    print("  classmethod local cls:", Meta.cm())
    lam = lambda: sys._getframe().f_code.co_name
    print("  lambda name:", lam())
    print("  listcomp frame chain:", [chain_names(sys._getframe(), 3) for _ in range(1)][0])


def demo_f_locals_writes():
    print("-- writing to f_locals does not change fast locals (3.11)")
    value = "original"
    sys._getframe().f_locals["value"] = "changed"
    print("  value:", value)
    print("  locals() snapshot is a dict:", type(locals()).__name__)


demo_basic()
demo_lineno_tracking()
demo_inspect()
demo_generator_frames()
demo_coroutine_frames()
demo_qualnames()
demo_f_locals_writes()
print("module frame name:", sys._getframe().f_code.co_name, "| f_back of module frame:", sys._getframe().f_back)
