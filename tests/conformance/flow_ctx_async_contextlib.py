# Async context managers from contextlib: asynccontextmanager, AsyncExitStack (async callbacks, push_async_exit), aclosing, nullcontext in async with.
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(name, log, swallow=()):
    await asyncio.sleep(0)
    log.append(f"open {name}")
    try:
        yield f"conn:{name}"
    except swallow as e:
        log.append(f"{name} swallowed {type(e).__name__}")
    finally:
        await asyncio.sleep(0)
        log.append(f"close {name}")


@contextlib.asynccontextmanager
async def broken_no_yield():
    if False:
        yield


async def ticker(log):
    try:
        for i in range(100):
            yield i
    finally:
        log.append("ticker finalized")


async def main():
    print("-- asynccontextmanager")
    log = []
    async with connection("db", log) as c:
        log.append(f"using {c}")
    async with connection("cache", log, swallow=(KeyError,)):
        raise KeyError("miss")
    try:
        async with connection("api", log):
            raise ValueError("api down")
    except ValueError as e:
        log.append(f"propagated {e}")
    print(" ", log)
    try:
        async with broken_no_yield():
            pass
    except RuntimeError as e:
        print("  no yield:", e)

    @connection("decorated", log := [])
    async def job(x):
        log.append(f"job {x}")
        return x + 1

    print("  decorated coroutine:", await job(1), log)

    print("-- AsyncExitStack")
    log = []
    async with contextlib.AsyncExitStack() as stack:
        conns = [await stack.enter_async_context(connection(f"c{i}", log)) for i in range(3)]
        stack.callback(log.append, "sync callback")

        async def acb(msg):
            await asyncio.sleep(0)
            log.append(msg)

        stack.push_async_callback(acb, "async callback")

        async def aexit_hook(et, ev, tb):
            log.append(f"async exit hook sees {et.__name__ if et else None}")
            return False

        stack.push_async_exit(aexit_hook)
        stack.enter_context(contextlib.nullcontext())
        log.append(f"body with {conns}")
    print(" ", log)

    log = []
    try:
        async with contextlib.AsyncExitStack() as stack:
            await stack.enter_async_context(connection("outer", log))
            await stack.enter_async_context(connection("swallower", log, swallow=(IndexError,)))
            raise IndexError("body error")
        log.append("continued after suppression")
    except IndexError:
        log.append("not expected")
    print(" ", log)

    log = []
    async with contextlib.AsyncExitStack() as outer:
        async with contextlib.AsyncExitStack() as inner:
            await inner.enter_async_context(connection("moved", log))
            moved = inner.pop_all()
        log.append("inner closed; moved still open")
        outer.push_async_exit(moved)
    print(" ", log)

    print("-- aclosing")
    log = []
    async with contextlib.aclosing(ticker(log)) as t:
        async for v in t:
            if v == 2:
                break
        log.append("broke at 2")
    print(" ", log)

    print("-- nullcontext supports async with")
    async with contextlib.nullcontext(5) as v:
        print("  value:", v)

    print("-- concurrent users of separate context managers")
    log = []

    async def user(name):
        async with connection(name, log) as c:
            await asyncio.sleep(0)
            log.append(f"{name} working with {c}")

    await asyncio.gather(user("u1"), user("u2"))
    print(" ", log)


asyncio.run(main())
