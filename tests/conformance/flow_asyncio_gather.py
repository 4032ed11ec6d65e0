# asyncio.gather/create_task: result ordering, return_exceptions, interleaving at sleep(0) points, task names, done callbacks, wait/as_completed.
import asyncio


async def step_worker(name, steps, log, fail_at=None):
    for i in range(steps):
        log.append(f"{name}{i}")
        if i == fail_at:
            raise ValueError(f"{name} failed at step {i}")
        await asyncio.sleep(0)
    return f"{name}:{steps}"


async def main():
    log = []
    print("-- gather keeps argument order, interleaves at each sleep(0)")
    res = await asyncio.gather(step_worker("a", 3, log), step_worker("b", 1, log), step_worker("c", 2, log))
    print(res)
    print(log)

    print("-- return_exceptions=True")
    log.clear()
    res = await asyncio.gather(step_worker("x", 2, log), step_worker("y", 3, log, fail_at=1),
                               step_worker("z", 1, log), return_exceptions=True)
    print([r if isinstance(r, str) else f"{type(r).__name__}: {r}" for r in res])
    print(log)

    print("-- return_exceptions=False: first exception propagates, others keep running")
    log.clear()
    t_slow = asyncio.create_task(step_worker("slow", 4, log), name="slow-task")
    try:
        await asyncio.gather(step_worker("f", 3, log, fail_at=0), t_slow)
    except ValueError as exc:
        print("gather raised:", exc)
    print("slow task done yet?", t_slow.done())
    print("slow result:", await t_slow)
    print(log)

    print("-- create_task ordering and names")
    log.clear()
    tasks = [asyncio.create_task(step_worker(n, 2, log), name=f"task-{n}") for n in "pqr"]
    print([t.get_name() for t in tasks])
    log.append("main-before-yield")
    await asyncio.sleep(0)
    log.append("main-after-one-yield")
    done_order = []
    for t in tasks:
        t.add_done_callback(lambda task: done_order.append(task.get_name()))
    results = [await t for t in tasks]
    print(results)
    print(log)
    await asyncio.sleep(0)
    print("done callbacks:", done_order)

    print("-- asyncio.wait with FIRST_EXCEPTION")
    log.clear()
    ts = [asyncio.create_task(step_worker("w1", 5, log)), asyncio.create_task(step_worker("w2", 3, log, fail_at=1))]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("done:", sorted(t.get_coro().__name__ + ("!" if t.exception() else "") for t in done), "pending:", len(pending))
    for t in pending:
        t.cancel()
    await asyncio.gather(*pending, return_exceptions=True)
    print("pending cancelled:", [t.cancelled() for t in pending])

    print("-- asyncio.wait ALL_COMPLETED and FIRST_COMPLETED")
    ts = [asyncio.create_task(step_worker(f"s{k}", k, [])) for k in (30, 1, 20)]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", sorted(t.result() for t in done), "pending:", len(pending))
    done, pending = await asyncio.wait(pending)
    print("rest:", sorted(t.result() for t in done), "pending:", len(pending))
    try:
        await asyncio.wait([])
    except ValueError as exc:
        print("wait on empty set:", exc)

    print("-- as_completed yields in completion order")
    order = []
    for fut in asyncio.as_completed([step_worker("ac3", 3, []), step_worker("ac1", 1, []), step_worker("ac2", 2, [])]):
        order.append(await fut)
    print(order)

    print("-- nested gathers and gather of gathers")
    inner1 = asyncio.gather(step_worker("i1", 1, []), step_worker("i2", 2, []))
    inner2 = asyncio.gather(step_worker("i3", 1, []))
    print(await asyncio.gather(inner1, inner2, step_worker("o", 1, [])))

    print("-- gather with no arguments and with plain futures")
    print(await asyncio.gather())
    loop = asyncio.get_running_loop()
    f1, f2 = loop.create_future(), loop.create_future()
    loop.call_soon(f2.set_result, "f2-result")
    loop.call_soon(f1.set_result, "f1-result")
    print(await asyncio.gather(f1, f2))

    print("-- same coroutine object passed twice is awaited once")
    c = step_worker("dup", 1, [])
    print(await asyncio.gather(c, c))

    print("-- many tasks")
    async def square(i):
        await asyncio.sleep(0)
        return i * i

    squares = await asyncio.gather(*(square(i) for i in range(500)))
    print(len(squares), sum(squares))

    print("-- current_task / all_tasks")
    me = asyncio.current_task()
    print("current task coroutine:", me.get_coro().__name__, "| all tasks:", len(asyncio.all_tasks()))


asyncio.run(main())
