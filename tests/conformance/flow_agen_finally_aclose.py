# Async generators suspended inside async with / try / finally: aclose cleanup, await in finally, asyncio shutdown_asyncgens finalization.
import asyncio


class AsyncResource:
    def __init__(self, name, log):
        self.name = name
        self.log = log

    async def __aenter__(self):
        await asyncio.sleep(0)
        self.log.append(f"enter {self.name}")
        return self

    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        self.log.append(f"exit {self.name} ({et.__name__ if et else 'clean'})")
        return False


async def rows(log, name, n):
    async with AsyncResource(name, log) as res:
        try:
            for i in range(n):
                yield f"{res.name}-row{i}"
        finally:
            await asyncio.sleep(0)
            log.append(f"finally {name} (awaited inside finally)")


async def nested_finally(log):
    try:
        try:
            yield "a"
            yield "b"
        finally:
            log.append("inner finally")
            await asyncio.sleep(0)
    finally:
        log.append("outer finally")


async def yields_in_finally(log):
    try:
        yield 1
    finally:
        log.append("trying to yield in finally")
        yield "bad"


async def catches_exit(log):
    try:
        yield 1
    except GeneratorExit:
        log.append("caught GeneratorExit, awaiting then re-raising")
        raise


async def forever(tag):
    i = 0
    try:
        while True:
            yield i
            i += 1
    finally:
        print(f"  [{tag}] finalized after {i} items")


async def main():
    log = []
    print("-- full iteration")
    async for r in rows(log, "full", 3):
        log.append(r)
    print(log)

    print("-- early break + explicit aclose")
    log.clear()
    ag = rows(log, "early", 10)
    async for r in ag:
        log.append(r)
        if r.endswith("row1"):
            break
    log.append("broke out")
    await ag.aclose()
    print(log)

    print("-- exception raised into the body via athrow")
    log.clear()
    ag = rows(log, "thrown", 10)
    await anext(ag)
    try:
        await ag.athrow(ValueError("injected"))
    except ValueError as exc:
        log.append(f"athrow propagated: {exc}")
    print(log)

    print("-- nested finally with aclose")
    log.clear()
    ag = nested_finally(log)
    print(" ", await anext(ag))
    await ag.aclose()
    print(log)

    print("-- yield inside finally during aclose")
    log.clear()
    ag = yields_in_finally(log)
    await anext(ag)
    try:
        await ag.aclose()
    except RuntimeError as exc:
        log.append(f"RuntimeError: {exc}")
    print(log)

    print("-- GeneratorExit caught and re-raised")
    log.clear()
    ag = catches_exit(log)
    await anext(ag)
    await ag.aclose()
    print(log)

    print("-- async comprehension with a filter runs the generator to completion")
    log.clear()
    ag = rows(log, "comp", 5)
    firsts = [r async for r in ag if r.endswith(("0", "1"))]
    print(firsts, log)

    print("-- left suspended: finalized by asyncio.run's shutdown_asyncgens")
    global leftover
    leftover = forever("leftover")
    for _ in range(3):
        await anext(leftover)
    print("  main returning with leftover suspended")


leftover = None
asyncio.run(main())
print("after asyncio.run; leftover is finalized:", leftover.ag_frame is None)

print("-- loop.shutdown_asyncgens called explicitly")


async def second():
    global ag2
    ag2 = forever("explicit")
    await anext(ag2)
    await anext(ag2)
    loop = asyncio.get_running_loop()
    print("  calling shutdown_asyncgens")
    await loop.shutdown_asyncgens()
    print("  after shutdown, frame gone:", ag2.ag_frame is None)


ag2 = None
asyncio.run(second())
print("done")
