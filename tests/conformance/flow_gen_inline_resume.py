# Generators and coroutines resumed in the evaluator's own loop (SEND and FOR_ITER over a
# generator): values, returns, exceptions, exception state, frames, early close, tracing started
# inside, recursion, long loop bodies and receivers that change kind mid-loop.
import asyncio
import inspect
import sys
import traceback


def counter(n):
    for i in range(n):
        received = yield i
        if received is not None:
            print("  counter got", received)
    return f"counted {n}"


def delegate():
    result = yield from counter(3)
    print("  delegate result:", result)
    try:
        yield from raises_stop()
    except RuntimeError as exc:
        print("  RuntimeError:", exc, "cause:", type(exc.__cause__).__name__)
    return "delegate done"


def raises_stop():
    yield "before stop"
    raise StopIteration(7)


print("list:", list(delegate()))
g = delegate()
print("send:", next(g), g.send("hello"), next(g), next(g))


def returns_value():
    yield 1
    return 99


for value in returns_value():
    print("for over generator with return value:", value)


def chain(depth, leaf):
    if depth == 0:
        yield from leaf
    else:
        yield from chain(depth - 1, leaf)


print("chain:", sum(chain(20, iter(range(100)))), sum(chain(5, counter(10))))


async def add_up(n):
    if n == 0:
        return 0
    return n + await add_up(n - 1)


coro = add_up(30)
try:
    coro.send(None)
except StopIteration as stop:
    print("coroutine result:", stop.value)


async def awaits_twice():
    inner = add_up(2)
    first = await inner
    try:
        await inner
    except RuntimeError as exc:
        print("  reuse:", exc)
    return first


print("asyncio:", asyncio.run(awaits_twice()))


async def coro_stop():
    raise StopIteration("in coroutine")


async def awaits_stop():
    try:
        await coro_stop()
    except RuntimeError as exc:
        print("  coroutine StopIteration ->", exc)


asyncio.run(awaits_stop())


def deep(n):
    if n == 0:
        yield "bottom"
    else:
        yield from deep(n - 1)


try:
    print(list(deep(50000))[:1])
except RecursionError as exc:
    print("RecursionError:", type(exc).__name__)
print("still usable after recursion:", list(deep(10)))


def with_finally():
    try:
        yield 1
        yield 2
    finally:
        print("  inner finally")


def outer():
    yield from with_finally()


o = outer()
print("first:", next(o))
o.close()
print("closed; state:", inspect.getgeneratorstate(o))
o = outer()
next(o)
try:
    o.throw(ValueError("thrown in"))
except ValueError as exc:
    print("throw propagated:", exc)


def self_delegating():
    yield from me


me = self_delegating()
try:
    next(me)
except ValueError as exc:
    print("self delegation:", exc)


def fails_late():
    yield 1
    1 / 0


def passes_through():
    yield from fails_late()


try:
    for _ in passes_through():
        pass
except ZeroDivisionError:
    lines = traceback.format_exc().splitlines()
    print("traceback functions:", [line.split()[-1] for line in lines if line.strip().startswith("File")])


def frames():
    frame = sys._getframe()
    yield frame.f_back.f_code.co_name
    yield sys._getframe(1).f_code.co_name
    yield frames_gen.gi_running


def runs_frames():
    return [value for value in frames_gen]


frames_gen = frames()
print("frames:", runs_frames())


def exc_state():
    try:
        raise KeyError("inside generator")
    except KeyError:
        yield sys.exc_info()[0].__name__
        yield sys.exc_info()[0].__name__
    yield sys.exc_info()[0]


def exc_user():
    try:
        raise IndexError("outside")
    except IndexError:
        for value in exc_state():
            print("  exc inside:", value, "outside:", sys.exc_info()[0].__name__)


exc_user()


def mixed_iterables():
    # The same FOR_ITER meets generators, lists and exhausted generators.
    spent = counter(2)
    list(spent)
    for source in (counter(3), [10, 20], spent, iter((7,)), counter(1)):
        print("  mixed:", [x for x in source])


mixed_iterables()


def traced_lines():
    yield 1
    yield 2
    yield 3


def start_tracing():
    events = []

    def tracer(frame, event, arg):
        if frame.f_code.co_name == "traced_lines":
            events.append(event)
        return tracer

    gen = traced_lines()
    out = [next(gen)]
    sys.settrace(tracer)
    try:
        for value in gen:
            out.append(value)
    finally:
        sys.settrace(None)
    print("tracing started mid-way:", out, sorted(set(events)))


start_tracing()


def settrace_inside():
    yield "before"
    sys.settrace(lambda *a: None)
    yield "after"
    sys.settrace(None)
    yield "untraced"


def settrace_driver():
    return [v for v in settrace_inside()]


print("settrace inside an inline generator:", settrace_driver())

# A loop body longer than 255 code units: FOR_ITER's jump needs an EXTENDED_ARG prefix.
body = "\n".join(f"    total += item * {k}" for k in range(120))
namespace = {"counter": counter}
exec(f"def long_body():\n  total = 0\n  for item in counter(5):\n{body}\n  return total\n".replace("\n    ", "\n    "), namespace)
print("long loop body:", namespace["long_body"]())
exec(
    "def long_send():\n"
    "    total = yield from counter(4)\n"
    + "\n".join(f"    total += '{k % 10}'" for k in range(200))
    + "\n    return total\n",
    namespace,
)
print("long send body:", len(list(namespace["long_send"]())))


def echo():
    received = None
    while True:
        received = yield received


def driver():
    inner = echo()
    next(inner)
    results = []
    for word in ("a", "b", "c"):
        results.append(inner.send(word))
    inner.close()
    print("echo:", results, inspect.getgeneratorstate(inner))


driver()


def wrap(inner):
    yield from inner


def deep_resume():
    # The chain exists before it runs: the recursion limit is met while resuming, inside SEND.
    gen = iter([1])
    for _ in range(5000):
        gen = wrap(gen)
    try:
        next(gen)
    except RecursionError as exc:
        print("resume RecursionError:", exc)
    try:
        next(gen)
    except StopIteration:
        print("outermost exhausted after the error")
    shallow = iter([2])
    for _ in range(50):
        shallow = wrap(shallow)
    print("shallow chain:", list(shallow))


deep_resume()
