# asyncio.TaskGroup (3.11): results, child failure cancels siblings, ExceptionGroup handled with except*, nested groups, body errors.
import asyncio


async def worker(name, steps, log, fail=None):
    try:
        for i in range(steps):
            await asyncio.sleep(0)
            log.append(f"{name}:{i}")
            if fail is not None and i == fail[0]:
                raise fail[1]
        return f"{name}-ok"
    except asyncio.CancelledError:
        log.append(f"{name}:cancelled")
        raise
    finally:
        log.append(f"{name}:finally")


async def success():
    print("-- all children succeed")
    log = []
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(worker("a", 2, log), name="A")
        t2 = tg.create_task(worker("b", 1, log), name="B")
        log.append("body done")
    print("  results:", t1.result(), t2.result(), "| names:", t1.get_name(), t2.get_name())
    print("  log:", log)


async def one_fails():
    print("-- one child fails: siblings cancelled, ExceptionGroup raised")
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("slow", 10, log))
            tg.create_task(worker("bad", 5, log, fail=(1, ValueError("bad child"))))
            tg.create_task(worker("slow2", 10, log))
    except* ValueError as eg:
        print("  caught:", repr(eg), "| leaves:", [repr(e) for e in eg.exceptions])
    print("  log:", log)


async def two_fail():
    print("-- two children fail with different types")
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("k", 3, log, fail=(0, KeyError("key"))))
            tg.create_task(worker("t", 3, log, fail=(0, TypeError("type"))))
            tg.create_task(worker("long", 50, log))
    except* KeyError as eg:
        print("  KeyError part:", [repr(e) for e in eg.exceptions])
    except* TypeError as eg:
        print("  TypeError part:", [repr(e) for e in eg.exceptions])
    print("  log:", log)


async def body_fails():
    print("-- exception in the async with body cancels children")
    log = []
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker("child", 10, log))
            await asyncio.sleep(0)
            raise RuntimeError("body error")
    except* RuntimeError as eg:
        print("  body error in group:", [str(e) for e in eg.exceptions])
    print("  log:", log)


async def nested_groups():
    print("-- nested task groups")
    log = []

    async def inner_group(tag, fail):
        async with asyncio.TaskGroup() as tg:
            tg.create_task(worker(f"{tag}.x", 2, log))
            tg.create_task(worker(f"{tag}.y", 3, log, fail=(1, OSError(f"{tag} failed")) if fail else None))
        return f"{tag} group ok"

    try:
        async with asyncio.TaskGroup() as outer:
            ok = outer.create_task(inner_group("g1", False))
            outer.create_task(inner_group("g2", True))
    except* OSError as eg:
        print("  nested structure:", repr(eg))
        print("  flattened:", [str(e) for e in _leaves(eg)])
    print("  g1 result:", ok.result() if not ok.cancelled() and ok.done() and not ok.exception() else "cancelled/failed")
    print("  log:", log)


def _leaves(eg):
    for e in eg.exceptions:
        if isinstance(e, BaseExceptionGroup):
            yield from _leaves(e)
        else:
            yield e


async def create_after_close():
    print("-- create_task on a finished group")
    async with asyncio.TaskGroup() as tg:
        pass
    coro = worker("late", 1, [])
    try:
        tg.create_task(coro)
    except RuntimeError as exc:
        print("  RuntimeError:", exc)
    finally:
        coro.close()


async def many_children():
    print("-- many children")
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(worker(f"n{i}", i % 4, [])) for i in range(200)]
    print("  done:", sum(t.done() for t in tasks), "distinct results:", len({t.result() for t in tasks}))


async def main():
    await success()
    await one_fails()
    await two_fail()
    await body_fails()
    await nested_groups()
    await create_after_close()
    await many_children()


asyncio.run(main())
