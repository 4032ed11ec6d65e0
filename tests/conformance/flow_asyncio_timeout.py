# asyncio.timeout / timeout_at / wait_for in strictly ordered scenarios: expiry on never-completing futures, reschedule, nested scopes, no-expiry paths.
import asyncio


async def never(log, tag):
    fut = asyncio.get_running_loop().create_future()
    try:
        await fut
    except asyncio.CancelledError:
        log.append(f"{tag}: inner cancelled by timeout")
        raise
    finally:
        log.append(f"{tag}: inner finally")


async def main():
    loop = asyncio.get_running_loop()

    print("-- timeout expires on a never-completing future")
    log = []
    try:
        async with asyncio.timeout(0.01) as cm:
            print("  deadline set:", cm.when() is not None, "| expired:", cm.expired())
            await never(log, "t1")
    except TimeoutError as exc:
        print("  TimeoutError caught; is asyncio.TimeoutError:", isinstance(exc, asyncio.TimeoutError),
              "| cause:", type(exc.__cause__).__name__)
    print("  expired:", cm.expired(), "| log:", log)

    print("-- deadline already in the past")
    log = []
    try:
        async with asyncio.timeout_at(loop.time() - 10):
            log.append("body starts")
            await asyncio.sleep(0)
            log.append("not reached")
    except TimeoutError:
        log.append("timed out at first await")
    print(" ", log)

    print("-- no expiry: body finishes first, timeout(None)")
    async with asyncio.timeout(None) as cm:
        await asyncio.sleep(0)
    print("  when:", cm.when(), "| expired:", cm.expired())
    async with asyncio.timeout(5) as cm:
        r = await asyncio.sleep(0, result="fast")
    print("  fast result:", r, "| expired:", cm.expired())

    print("-- reschedule from None to an immediate deadline")
    log = []
    try:
        async with asyncio.timeout(None) as cm:
            cm.reschedule(loop.time() - 1)
            await never(log, "t2")
    except TimeoutError:
        print("  rescheduled timeout fired | log:", log)

    print("-- nested timeouts: inner fires, outer untouched")
    log = []
    async with asyncio.timeout(10) as outer:
        try:
            async with asyncio.timeout(0.005) as inner:
                await never(log, "t3")
        except TimeoutError:
            log.append("inner timeout handled inside outer")
        await asyncio.sleep(0)
    print("  inner expired:", inner.expired(), "| outer expired:", outer.expired(), "| log:", log)

    print("-- exception inside timeout scope is not converted")
    try:
        async with asyncio.timeout(10):
            raise KeyError("plain error")
    except KeyError as exc:
        print("  KeyError passes through:", exc)

    print("-- explicit cancel inside timeout scope stays CancelledError")

    async def cancelled_inside():
        async with asyncio.timeout(10):
            asyncio.current_task().cancel()
            await asyncio.sleep(0)

    t = asyncio.create_task(cancelled_inside())
    res = await asyncio.gather(t, return_exceptions=True)
    print("  result type:", type(res[0]).__name__)

    print("-- wait_for")
    log = []
    try:
        await asyncio.wait_for(never(log, "wf"), timeout=0.01)
    except TimeoutError:
        print("  wait_for timed out | log:", log)
    print("  wait_for success:", await asyncio.wait_for(asyncio.sleep(0, "ok"), timeout=5))
    print("  wait_for timeout=None:", await asyncio.wait_for(asyncio.sleep(0, "none-timeout"), None))
    fut = loop.create_future()
    fut.set_result("already done")
    print("  wait_for done future with timeout 0:", await asyncio.wait_for(fut, 0))
    log = []
    try:
        await asyncio.wait_for(never(log, "wf0"), 0)
    except TimeoutError:
        print("  wait_for timeout 0 on pending coroutine -> TimeoutError | log:", log)

    print("-- asyncio.wait with timeout returns pending set")
    fut = loop.create_future()
    done, pending = await asyncio.wait([fut], timeout=0.005)
    print("  done:", len(done), "pending:", len(pending))
    fut.cancel()

    print("-- repeated short timeouts in a loop")
    count = 0
    for i in range(5):
        try:
            async with asyncio.timeout(0.001):
                await loop.create_future()
        except TimeoutError:
            count += 1
    print("  timeouts:", count)


asyncio.run(main())
