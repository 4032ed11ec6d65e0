# Task cancellation: at different await points, cleanup in finally, 'except CancelledError: raise', cancel messages, shield, uncancel.
import asyncio


async def blocked_on_future(fut, log):
    try:
        log.append("waiting on future")
        return await fut
    except asyncio.CancelledError as exc:
        log.append(f"cancelled while waiting (args={exc.args})")
        raise
    finally:
        log.append("finally of blocked_on_future")


async def cleanup_awaits(log):
    try:
        await asyncio.sleep(0)
        log.append("first step done")
        await asyncio.Event().wait()
    finally:
        log.append("cleanup start")
        await asyncio.sleep(0)  # awaiting inside finally after cancellation is allowed
        log.append("cleanup end")


async def swallower(log):
    try:
        await asyncio.Event().wait()
    except asyncio.CancelledError:
        log.append("swallowed cancellation")
    return "finished normally despite cancel"


async def nested(level, log):
    try:
        if level == 0:
            await asyncio.Event().wait()
        else:
            await nested(level - 1, log)
    finally:
        log.append(f"unwind level {level}")


async def main():
    loop = asyncio.get_running_loop()

    print("-- cancel a task blocked on a future")
    log = []
    fut = loop.create_future()
    t = asyncio.create_task(blocked_on_future(fut, log))
    await asyncio.sleep(0)
    print("  cancel() returned", t.cancel("stop now"))
    print("  cancelling count:", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as exc:
        print("  awaiting task raised CancelledError args:", exc.args)
    print("  task.cancelled():", t.cancelled(), "| future cancelled:", fut.cancelled())
    print("  log:", log)
    print("  cancel() on done task:", t.cancel())

    print("-- cancel before the task ever runs")
    log = []
    t = asyncio.create_task(blocked_on_future(loop.create_future(), log))
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("  cancelled before start; log:", log)

    print("-- awaiting inside finally during cancellation")
    log = []
    t = asyncio.create_task(cleanup_awaits(log))
    for _ in range(2):
        await asyncio.sleep(0)
    t.cancel()
    await asyncio.gather(t, return_exceptions=True)
    print("  log:", log, "| cancelled:", t.cancelled())

    print("-- task that swallows CancelledError")
    log = []
    t = asyncio.create_task(swallower(log))
    await asyncio.sleep(0)
    t.cancel()
    print("  result:", await t, "| cancelled():", t.cancelled(), "| cancelling():", t.cancelling())
    print("  log:", log)

    print("-- deep await chain unwinds every frame")
    log = []
    t = asyncio.create_task(nested(4, log))
    await asyncio.sleep(0)
    t.cancel()
    res = await asyncio.gather(t, return_exceptions=True)
    print("  gathered:", [type(r).__name__ for r in res], "| log:", log)

    print("-- shield: outer cancelled, inner keeps running")
    log = []
    inner_fut = loop.create_future()

    async def inner():
        await inner_fut
        log.append("inner finished")
        return "inner-result"

    inner_task = asyncio.create_task(inner())

    async def outer():
        try:
            return await asyncio.shield(inner_task)
        except asyncio.CancelledError:
            log.append("outer cancelled")
            raise

    ot = asyncio.create_task(outer())
    await asyncio.sleep(0)
    ot.cancel()
    await asyncio.gather(ot, return_exceptions=True)
    print("  outer cancelled:", ot.cancelled(), "| inner done:", inner_task.done())
    inner_fut.set_result(None)
    print("  inner result:", await inner_task, "| log:", log)

    print("-- cancelling a gather cancels its children")
    log = []
    f1, f2 = loop.create_future(), loop.create_future()
    g = asyncio.gather(blocked_on_future(f1, log), blocked_on_future(f2, log))
    await asyncio.sleep(0)
    g.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("  gather cancelled; futures cancelled:", f1.cancelled(), f2.cancelled())
    print("  log:", log)

    print("-- cancel the current task from inside, then uncancel")

    async def self_cancel():
        me = asyncio.current_task()
        me.cancel()
        print("  cancelling() after self-cancel:", me.cancelling())
        try:
            await asyncio.sleep(0)
        except asyncio.CancelledError:
            print("  got CancelledError at next await")
            print("  uncancel() ->", me.uncancel())
        await asyncio.sleep(0)
        return "survived"

    print(" ", await asyncio.create_task(self_cancel()))

    print("-- cancel a future directly")
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("  callback sees cancelled:", f.cancelled()))
    fut.cancel(msg="future-msg")
    await asyncio.sleep(0)
    try:
        fut.result()
    except asyncio.CancelledError as exc:
        print("  result() raised CancelledError", exc.args)
    try:
        fut.set_result(1)
    except asyncio.InvalidStateError as exc:
        print("  InvalidStateError:", exc)

    print("-- CancelledError is a BaseException")
    print("  subclass of Exception:", issubclass(asyncio.CancelledError, Exception))

    async def broad_except():
        try:
            await asyncio.Event().wait()
        except Exception:
            return "caught by except Exception?"

    t = asyncio.create_task(broad_except())
    await asyncio.sleep(0)
    t.cancel()
    r = await asyncio.gather(t, return_exceptions=True)
    print("  except Exception did not catch it:", type(r[0]).__name__)


asyncio.run(main())
