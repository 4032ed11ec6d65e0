# contextvars across tasks, generators and threads: per-task copies, Token reset, copy_context().run, call_soon context=, to_thread propagation.
import asyncio
import contextvars

request_id = contextvars.ContextVar("request_id", default="none")
depth = contextvars.ContextVar("depth")


async def handler(rid, log):
    request_id.set(rid)
    await asyncio.sleep(0)
    log.append(f"{rid}: sees {request_id.get()} after yield")
    await sub_step(log)
    return request_id.get()


async def sub_step(log):
    token = request_id.set(request_id.get() + "/sub")
    await asyncio.sleep(0)
    log.append(f"  sub sees {request_id.get()}")
    request_id.reset(token)
    log.append(f"  after reset {request_id.get()}")


def sync_part():
    print("-- plain context operations")
    print("  default:", request_id.get())
    try:
        depth.get()
    except LookupError as exc:
        print("  LookupError for var without default:", exc.args[0].name if hasattr(exc.args[0], 'name') else exc)
    print("  get with default arg:", depth.get(-1))
    tok = request_id.set("outer")
    print("  token var is request_id:", tok.var is request_id, "| old value missing:", tok.old_value is contextvars.Token.MISSING)
    ctx = contextvars.copy_context()

    def inside():
        request_id.set("changed-in-copy")
        depth.set(5)
        return request_id.get(), depth.get()

    print("  run in copy:", ctx.run(inside))
    print("  outside after run:", request_id.get(), "| depth set outside?", depth.get("unset"))
    print("  copy holds:", ctx[request_id], ctx.get(depth), "| len:", len(ctx), "| in:", depth in ctx)
    print("  keys:", sorted(v.name for v in ctx.keys()))
    request_id.reset(tok)
    print("  after reset:", request_id.get())
    try:
        request_id.reset(tok)
    except RuntimeError as exc:
        print("  reset twice: RuntimeError, mentions 'already been used':", "already been used" in str(exc))
    try:
        ctx.run(ctx.run, inside)
    except RuntimeError as exc:
        print("  re-entering context: RuntimeError, mentions 'already entered':", "already entered" in str(exc))

    print("-- generators share the caller's context")

    def gen():
        yield request_id.get()
        request_id.set("set-by-generator")
        yield request_id.get()

    request_id.set("caller-value")
    g = gen()
    print("  first:", next(g))
    print("  second:", next(g), "| caller now sees:", request_id.get())
    request_id.set("none")


async def async_part():
    print("-- tasks get a copy of the context at creation")
    log = []
    request_id.set("main")
    results = await asyncio.gather(handler("r1", log), handler("r2", log), handler("r3", log))
    print("  results:", results, "| main still:", request_id.get())
    for line in log:
        print("   ", line)

    print("-- explicit context for a task and for call_soon")
    ctx = contextvars.copy_context()
    ctx.run(request_id.set, "preset-in-ctx")

    async def report():
        return request_id.get()

    t = asyncio.get_running_loop().create_task(report(), context=ctx)
    print("  task with context:", await t)
    fut = asyncio.get_running_loop().create_future()
    asyncio.get_running_loop().call_soon(lambda: fut.set_result(request_id.get()), context=ctx)
    print("  call_soon with context:", await fut)

    print("-- to_thread propagates the context")
    request_id.set("for-thread")
    print("  thread sees:", await asyncio.to_thread(request_id.get))

    print("-- recursion depth tracked per task")

    async def recurse(n):
        depth.set(n)
        if n < 3:
            await asyncio.sleep(0)
            inner = await asyncio.create_task(recurse(n + 1))
        else:
            inner = []
        return [depth.get()] + inner

    print("  depths:", await recurse(0))


sync_part()
asyncio.run(async_part())
