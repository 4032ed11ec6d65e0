# Async generators: asend/athrow/aclose driven by hand and under asyncio, ag_* attributes, async for, return-less termination, errors.
import asyncio
import inspect
import types


@types.coroutine
def pause(tag):
    got = yield ("pause", tag)
    return got


async def ticker(n):
    print("  ticker: start")
    try:
        for i in range(n):
            received = yield i
            print(f"  ticker: yielded {i}, received {received!r}")
            if received == "skip":
                await pause(f"skip-{i}")
    except ValueError as exc:
        print("  ticker: caught", exc)
        yield "after-ValueError"
    finally:
        print("  ticker: finally")


def drive(awaitable, replies=()):
    """Run an awaitable by hand, answering pauses from replies."""
    replies = list(replies)
    try:
        req = awaitable.send(None)
        while True:
            print("    (driver saw", req, ")")
            req = awaitable.send(replies.pop(0) if replies else None)
    except StopIteration as stop:
        return ("value", stop.value)
    except StopAsyncIteration:
        return ("StopAsyncIteration",)
    except Exception as exc:
        return ("raised", type(exc).__name__, str(exc))


def describe(ag):
    return f"running={ag.ag_running} frame={'yes' if ag.ag_frame is not None else 'no'} ag_await={type(ag.ag_await).__name__ if ag.ag_await is not None else None}"


def by_hand():
    print("-- by hand")
    ag = ticker(4)
    print("isasyncgen:", inspect.isasyncgen(ag), "isasyncgenfunction:", inspect.isasyncgenfunction(ticker))
    print("name:", ag.__name__, "| code:", ag.ag_code.co_name, "|", describe(ag))
    print("anext 1:", drive(ag.__anext__()))
    print("asend 'hello':", drive(ag.asend("hello")))
    print("asend 'skip':", drive(ag.asend("skip"), ["resume-value"]))
    print("athrow ValueError:", drive(ag.athrow(ValueError("bad value"))))
    print("anext after handler:", drive(ag.__anext__()))
    print("after exhaustion:", describe(ag))
    print("anext exhausted:", drive(ag.__anext__()))
    print("aclose exhausted:", drive(ag.aclose()))

    print("-- aclose while suspended")
    ag = ticker(10)
    print("anext:", drive(ag.__anext__()))
    print("aclose:", drive(ag.aclose()))
    print("aclose again:", drive(ag.aclose()))
    print("anext after aclose:", drive(ag.__anext__()))

    print("-- athrow not handled")
    ag = ticker(10)
    drive(ag.__anext__())
    print("athrow KeyError:", drive(ag.athrow(KeyError("nope"))))
    print("anext:", drive(ag.__anext__()))

    print("-- athrow on an unstarted generator")
    ag = ticker(3)
    print("athrow:", drive(ag.athrow(RuntimeError("early"))))

    print("-- asend non-None to unstarted")
    ag = ticker(3)
    print("asend:", drive(ag.asend("x")))
    print("anext now:", drive(ag.__anext__()))
    print("aclose:", drive(ag.aclose()))

    print("-- awaitable objects from asend are single use")
    ag = ticker(3)
    aw = ag.__anext__()
    print("first:", drive(aw))
    try:
        aw.send(None)
    except StopIteration as stop:
        print("reused awaitable: StopIteration", stop.value)
    except RuntimeError as exc:
        print("reused awaitable: RuntimeError", exc)
    drive(ag.aclose())


async def squares(n):
    for i in range(n):
        await asyncio.sleep(0)
        yield i * i


async def with_return_value():
    yield 1
    return


async def under_asyncio():
    print("-- under asyncio")
    out = []
    async for v in squares(6):
        out.append(v)
    print("async for:", out)
    ag = squares(3)
    print("anext():", await anext(ag), await anext(ag), await anext(ag))
    print("anext default:", await anext(ag, "exhausted"))
    try:
        await anext(ag)
    except StopAsyncIteration:
        print("anext without default: StopAsyncIteration")
    ag = squares(100)
    total = 0
    async for v in ag:
        total += v
        if v > 50:
            break
    print("broke out at total", total, "| running:", ag.ag_running)
    await ag.aclose()
    async for v in with_return_value():
        print("with bare return yielded", v)
    try:
        async for v in 12:
            pass
    except TypeError as exc:
        print("TypeError:", exc)

    class BadAiter:
        def __aiter__(self):
            return 5

    try:
        async for v in BadAiter():
            pass
    except TypeError as exc:
        print("TypeError:", exc)
    try:
        for v in squares(2):
            pass
    except TypeError as exc:
        print("TypeError:", exc)
    print("aiter is self:", aiter(ag) is ag)


by_hand()
asyncio.run(under_asyncio())
