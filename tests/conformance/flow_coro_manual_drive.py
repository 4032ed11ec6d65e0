# Native coroutines driven by hand (no asyncio): custom awaitables with __await__, send/throw/close, cr_frame/cr_await/cr_running, getcoroutinestate.
import inspect


class Ask:
    """Awaitable whose __await__ is a generator: yields a request, returns the reply."""

    def __init__(self, what):
        self.what = what

    def __await__(self):
        reply = yield ("ask", self.what)
        return reply


class Countdown:
    """Awaitable whose __await__ returns a hand-written iterator."""

    def __init__(self, n):
        self.n = n

    def __await__(self):
        return CountdownIter(self.n)


class CountdownIter:
    def __init__(self, n):
        self.n = n
        self.sent = []

    def __iter__(self):
        return self

    def __next__(self):
        return self.send(None)

    def send(self, value):
        if value is not None:
            self.sent.append(value)
        if self.n == 0:
            raise StopIteration(("countdown-done", self.sent))
        self.n -= 1
        return ("tick", self.n)

    def throw(self, typ, val=None, tb=None):
        if val is None:
            val = typ() if isinstance(typ, type) else typ
        if isinstance(val, KeyError):
            return ("iterator-handled", str(val))
        raise val


class Done:
    def __await__(self):
        return iter(())  # finishes immediately with value None


async def child(x):
    a = await Ask(f"child-{x}")
    b = await Done()
    return (x, a, b)


async def parent():
    print("  parent: start")
    r1 = await child(1)
    print("  parent: child ->", r1)
    r2 = await Countdown(3)
    print("  parent: countdown ->", r2)
    try:
        r3 = await Ask("may-fail")
    except ValueError as exc:
        r3 = f"caught {exc}"
    print("  parent: r3 =", r3)
    r4 = await Countdown(2)
    print("  parent: r4 =", r4)
    return "parent-result"


def describe(coro):
    aw = coro.cr_await
    aw_desc = None if aw is None else type(aw).__name__
    return (f"state={inspect.getcoroutinestate(coro)} running={coro.cr_running} "
            f"frame={'yes' if coro.cr_frame is not None else 'no'} cr_await={aw_desc}")


def drive():
    c = parent()
    print("created:", describe(c), "| iscoroutine:", inspect.iscoroutine(c), inspect.isawaitable(c))
    print("code flags coroutine:", bool(c.cr_code.co_flags & inspect.CO_COROUTINE), "name:", c.__name__)
    request = c.send(None)
    step = 0
    while True:
        step += 1
        print(f"step {step}: coroutine yielded {request} | {describe(c)}")
        try:
            if request == ("ask", "may-fail"):
                request = c.throw(ValueError("refused"))
            elif request[0] == "tick" and request[1] == 1 and step >= 6:
                request = c.throw(KeyError("handled-by-iterator"))
            elif request[0] == "ask":
                request = c.send(f"answer-to-{request[1]}")
            else:
                request = c.send(f"s{step}")
        except StopIteration as stop:
            print("finished with:", stop.value, "|", describe(c))
            break


def drive_close():
    print("-- close a suspended coroutine")

    async def cleanup():
        try:
            await Ask("first")
            await Ask("second")
        finally:
            print("  cleanup: finally runs on close")

    c = cleanup()
    print(" ", c.send(None))
    print(" ", describe(c))
    c.close()
    print(" ", describe(c))
    try:
        c.send(None)
    except RuntimeError as exc:
        print("  send after close:", exc)


def drive_running():
    print("-- cr_running observed from inside")
    holder = {}

    class Peek:
        def __await__(self):
            c = holder["c"]
            print("  inside __await__: running =", c.cr_running, inspect.getcoroutinestate(c))
            yield "peeked"

    async def peeker():
        await Peek()
        return "peek-done"

    c = peeker()
    holder["c"] = c
    print(" ", c.send(None), describe(c))
    try:
        c.send(None)
    except StopIteration as stop:
        print("  result:", stop.value)


def drive_errors():
    print("-- awaiting bad things")

    class BadAwait:
        def __await__(self):
            return 42

    class NotAwaitable:
        pass

    class AwaitReturnsCoroutine:
        def __await__(self):
            async def inner():
                return 1
            self.co = inner()
            return self.co

    async def use(obj):
        return await obj

    for obj in (BadAwait(), NotAwaitable(), 7, AwaitReturnsCoroutine()):
        c = use(obj)
        try:
            c.send(None)
        except TypeError as exc:
            print(" ", type(obj).__name__, "-> TypeError:", exc)
        finally:
            c.close()
            if hasattr(obj, "co"):
                obj.co.close()

    print("-- coroutine that raises")

    async def raiser():
        await Done()
        raise LookupError("from coroutine")

    c = raiser()
    try:
        c.send(None)
    except LookupError as exc:
        print("  LookupError:", exc, "|", describe(c))

    print("-- coroutine objects are not iterators")
    c = child(0)
    try:
        iter(c)
    except TypeError as exc:
        print("  iter(coroutine):", exc)
    try:
        next(c)
    except TypeError as exc:
        print("  next(coroutine):", exc)
    w = c.__await__()
    print("  __await__ wrapper yields:", next(w))
    try:
        w.send("via-wrapper")
    except StopIteration as stop:
        print("  wrapper result:", stop.value)


drive()
drive_close()
drive_running()
drive_errors()
