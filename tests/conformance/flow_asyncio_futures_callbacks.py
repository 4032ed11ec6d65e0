# Event-loop mechanics: call_soon FIFO order, call_later ordering, Future states and callbacks, exception handler, run_until_complete, executors.
import asyncio
import concurrent.futures
import functools


def main_sync():
    print("-- manual loop with call_soon / call_later")
    loop = asyncio.new_event_loop()
    log = []
    loop.call_soon(log.append, "soon-1")
    loop.call_soon(functools.partial(log.append, "soon-2"))
    h = loop.call_soon(log.append, "cancelled-handle")
    h.cancel()

    def finish():
        log.append("later-3ms-stop")
        loop.stop()

    def schedule_timers():
        # scheduled only after every call_soon callback ran, so the order never depends on speed
        log.append("scheduling timers")
        loop.call_later(0.002, log.append, "later-2ms")
        loop.call_later(0.001, log.append, "later-1ms")
        loop.call_later(0.003, finish)

    loop.call_soon(lambda: loop.call_soon(log.append, "soon-nested"))
    loop.call_soon(lambda: loop.call_soon(schedule_timers))
    loop.run_forever()
    print("  after first stop:", log, "| handle cancelled:", h.cancelled())
    loop.call_soon(log.append, "second-run")
    loop.call_soon(loop.stop)
    loop.run_forever()
    print("  after second run:", log)

    print("-- run_until_complete with a plain future and a coroutine")
    fut = loop.create_future()
    loop.call_soon(fut.set_result, "set by callback")
    print(" ", loop.run_until_complete(fut))

    async def coro(x):
        await asyncio.sleep(0)
        return x + 1

    print(" ", loop.run_until_complete(coro(41)))
    print("  is_running:", loop.is_running(), "is_closed:", loop.is_closed())
    loop.close()
    print("  closed:", loop.is_closed())
    c = asyncio.sleep(0)
    try:
        loop.run_until_complete(c)
    except RuntimeError as exc:
        c.close()
        print("  RuntimeError:", exc)


async def futures_demo():
    loop = asyncio.get_running_loop()
    print("-- future states and callbacks")
    fut = loop.create_future()
    order = []
    cb1 = lambda f: order.append(("cb1", f.result()))
    fut.add_done_callback(cb1)
    fut.add_done_callback(lambda f: order.append(("cb2", f.result())))
    fut.add_done_callback(cb1)
    print("  removed:", fut.remove_done_callback(cb1))
    print("  done before:", fut.done())
    try:
        fut.result()
    except asyncio.InvalidStateError as exc:
        print("  result() on pending:", exc)
    fut.set_result("value")
    print("  callbacks not yet run:", order)
    await asyncio.sleep(0)
    print("  callbacks ran:", order)
    late = []
    fut.add_done_callback(lambda f: late.append("late callback"))
    await asyncio.sleep(0)
    print("  callback added after done:", late)

    efut = loop.create_future()
    efut.set_exception(LookupError("stored"))
    print("  exception():", repr(efut.exception()))
    try:
        await efut
    except LookupError as exc:
        print("  await raised:", exc)
    try:
        efut.set_exception(StopIteration())
    except (TypeError, asyncio.InvalidStateError) as exc:
        print("  second set:", type(exc).__name__)
    bad = loop.create_future()
    try:
        bad.set_exception(StopIteration("no"))
    except TypeError as exc:
        print("  StopIteration into future:", exc)
    bad.cancel()

    print("-- futures are awaitable via __await__ / yield from")
    f = loop.create_future()
    loop.call_soon(f.set_result, 99)
    it = f.__await__()
    print("  iterator type has send:", hasattr(it, "send"))
    print("  await:", await f)

    print("-- wrap_future with a concurrent.futures future")
    cf = concurrent.futures.Future()
    af = asyncio.wrap_future(cf)
    cf.set_result("from concurrent")
    print(" ", await af)

    print("-- run_in_executor returns results")
    with concurrent.futures.ThreadPoolExecutor(max_workers=2) as pool:
        results = await asyncio.gather(*(loop.run_in_executor(pool, pow, 2, k) for k in range(10)))
    print(" ", results)
    print("  to_thread:", await asyncio.to_thread(sorted, [3, 1, 2]))

    print("-- custom exception handler for an exception in a callback")
    seen = []
    loop.set_exception_handler(lambda lp, ctx: seen.append((ctx["message"].split(" at ")[0], type(ctx.get("exception")).__name__)))

    def bad_callback():
        raise ZeroDivisionError("in callback")

    loop.call_soon(bad_callback)
    await asyncio.sleep(0)
    await asyncio.sleep(0)
    print("  handler saw:", seen)
    loop.set_exception_handler(None)

    print("-- call_soon_threadsafe from a worker thread")
    done = loop.create_future()

    def from_thread():
        loop.call_soon_threadsafe(done.set_result, "thread says hi")

    await loop.run_in_executor(None, from_thread)
    print(" ", await done)


main_sync()
asyncio.run(futures_demo())
