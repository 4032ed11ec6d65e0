# Task exceptions nobody retrieves: the loop's exception handler on task destruction (custom handler on stdout, default handler via logging on stderr).
import asyncio
import gc


async def boom(tag):
    await asyncio.sleep(0)
    raise ValueError(f"unretrieved failure {tag}")


async def fine():
    await asyncio.sleep(0)
    return "fine"


async def custom_handler_part():
    loop = asyncio.get_running_loop()
    seen = []

    def handler(lp, context):
        exc = context.get("exception")
        task = context.get("future")
        seen.append((context["message"], type(exc).__name__, str(exc),
                     task.get_coro().__name__ if task is not None else None))

    loop.set_exception_handler(handler)
    t = asyncio.create_task(boom("A"))
    ok = asyncio.create_task(fine())
    for _ in range(3):
        await asyncio.sleep(0)
    print("task A done:", t.done(), "| ok result:", ok.result())
    del t  # last reference: the exception was never retrieved
    gc.collect()
    await asyncio.sleep(0)
    print("handler saw:", seen)

    t = asyncio.create_task(boom("B"))
    for _ in range(3):
        await asyncio.sleep(0)
    print("retrieved:", repr(t.exception()))
    del t
    gc.collect()
    print("after retrieving, handler entries:", len(seen))
    loop.set_exception_handler(None)


async def default_handler_part():
    t = asyncio.create_task(boom("C"), name="unretrieved-C")
    for _ in range(3):
        await asyncio.sleep(0)
    print("dropping task C; the default handler logs to stderr")
    del t
    gc.collect()
    print("after drop")


asyncio.run(custom_handler_part())
asyncio.run(default_handler_part())
print("end")
