# types.coroutine generator-based coroutines mixed with async def, reusing awaited coroutines, coroutine wrappers and await chains.
import types
import inspect


@types.coroutine
def suspend(tag):
    reply = yield ("suspend", tag)
    return f"{tag}:{reply}"


@types.coroutine
def delegate_to_native(coro):
    # a generator-based coroutine may 'yield from' a native coroutine
    result = yield from coro
    return ("delegated", result)


async def native(n):
    parts = []
    for i in range(n):
        parts.append(await suspend(f"n{i}"))
    return parts


async def outer():
    a = await native(2)
    b = await delegate_to_native(native(1))
    c = await suspend("direct")
    return a, b, c


def run(coro, label):
    replies = 0
    try:
        req = coro.send(None)
        while True:
            replies += 1
            print(f"  {label} yielded {req}")
            req = coro.send(f"r{replies}")
    except StopIteration as stop:
        print(f"  {label} -> {stop.value}")
        return stop.value


def main():
    print("flags: suspend is generator function:", inspect.isgeneratorfunction(suspend),
          "| CO_ITERABLE_COROUTINE set:", bool(suspend.__code__.co_flags & inspect.CO_ITERABLE_COROUTINE))
    g = suspend("probe")
    print("types.coroutine generator is awaitable:", inspect.isawaitable(g), "| iscoroutine:", inspect.iscoroutine(g))
    g.close()

    run(outer(), "outer")

    print("-- types.coroutine on a plain function returning a generator")

    def plain():
        return (x for x in [("plain", 1)])

    wrapped = types.coroutine(plain)

    async def use_wrapped():
        return await wrapped()

    run(use_wrapped(), "use_wrapped")

    print("-- types.coroutine on a function returning a non-generator awaitable")

    class Aw:
        def __await__(self):
            yield "aw-step"
            return "aw-result"

    async def use_aw():
        return await types.coroutine(lambda: Aw())()

    run(use_aw(), "use_aw")

    print("-- reusing coroutines")

    async def simple():
        return "simple-value"

    c = simple()

    async def await_twice():
        first = await c
        print("  first await ->", first)
        try:
            await c
        except RuntimeError as exc:
            print("  second await RuntimeError:", exc)
        return "twice-done"

    run(await_twice(), "await_twice")

    c2 = simple()
    try:
        c2.send(None)
    except StopIteration as stop:
        print("  finished once:", stop.value)
    try:
        c2.send(None)
    except RuntimeError as exc:
        print("  resend finished coroutine:", exc)

    print("-- coroutine awaiting itself")

    async def selfish():
        await holder[0]

    holder = [selfish()]
    try:
        holder[0].send(None)
    except RuntimeError as exc:
        print("  RuntimeError:", exc)
    except ValueError as exc:
        print("  ValueError:", exc)

    print("-- coroutine already being awaited by another")

    async def waiter(target):
        return await target

    async def blocker():
        await suspend("blocking")
        return "blocker-done"

    b = blocker()
    w1 = waiter(b)
    print("  w1 yielded", w1.send(None))
    w2 = waiter(b)
    try:
        w2.send(None)
    except RuntimeError as exc:
        print("  w2 RuntimeError:", exc)
    try:
        w1.send("go")
    except StopIteration as stop:
        print("  w1 result:", stop.value)

    print("-- deep await chain")

    async def level(n):
        if n == 0:
            return await suspend("bottom")
        return await level(n - 1) + "+"

    top = level(60)
    req = top.send(None)
    depth = 0
    aw = top.cr_await
    while aw is not None:
        depth += 1
        aw = getattr(aw, "cr_await", None) or getattr(aw, "gi_yieldfrom", None)
    print("  bottom request:", req, "cr_await chain depth:", depth)
    try:
        top.send("X")
    except StopIteration as stop:
        print("  result length:", len(stop.value), stop.value[:12])

    print("-- throw through types.coroutine layer")

    @types.coroutine
    def guarded():
        try:
            yield "guarded-wait"
        except KeyError as exc:
            return f"guarded caught {exc}"

    async def through():
        return await guarded()

    t = through()
    print(" ", t.send(None))
    try:
        t.throw(KeyError("k"))
    except StopIteration as stop:
        print("  ", stop.value)


main()
