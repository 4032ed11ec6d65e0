# async with / async for on custom classes: __aenter__/__aexit__ (suppressing, replacing, re-raising), __aiter__/__anext__, protocol errors.
import asyncio


class Txn:
    def __init__(self, name, suppress=(), replace=None):
        self.name = name
        self.suppress = suppress
        self.replace = replace
        self.log = []

    async def __aenter__(self):
        await asyncio.sleep(0)
        print(f"  [{self.name}] aenter")
        return self

    async def __aexit__(self, et, ev, tb):
        await asyncio.sleep(0)
        print(f"  [{self.name}] aexit with {et.__name__ if et else None}: {ev}")
        if self.replace and et is not None:
            raise self.replace from ev
        if et is not None and issubclass(et, self.suppress):
            print(f"  [{self.name}] suppressing")
            return True
        return None


class Paged:
    """Async iterator yielding pages of items, with a cleanup counter."""

    def __init__(self, items, size):
        self.items = items
        self.size = size
        self.pos = 0
        self.calls = 0

    def __aiter__(self):
        print("  Paged.__aiter__")
        return self

    async def __anext__(self):
        self.calls += 1
        await asyncio.sleep(0)
        if self.pos >= len(self.items):
            raise StopAsyncIteration
        page = self.items[self.pos:self.pos + self.size]
        self.pos += self.size
        return page


class FailingIter:
    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        self.n += 1
        if self.n == 3:
            raise ConnectionError("lost connection on item 3")
        return self.n


class SyncAnext:
    """__anext__ returning a plain awaitable object instead of a coroutine."""

    def __init__(self):
        self.n = 0

    def __aiter__(self):
        return self

    def __anext__(self):
        self.n += 1
        if self.n > 3:
            fut = asyncio.get_running_loop().create_future()
            fut.set_exception(StopAsyncIteration())
            return fut
        fut = asyncio.get_running_loop().create_future()
        fut.set_result(self.n * 100)
        return fut


async def main():
    print("-- clean async with")
    async with Txn("clean") as t:
        print("  body, got", t.name)

    print("-- suppressed exception")
    async with Txn("supp", suppress=(KeyError,)):
        raise KeyError("k")
    print("  continued after suppression")

    print("-- not suppressed")
    try:
        async with Txn("nosupp", suppress=(KeyError,)):
            raise ValueError("v")
    except ValueError as exc:
        print("  propagated:", exc)

    print("-- replaced in __aexit__")
    try:
        async with Txn("repl", replace=RuntimeError("replacement")):
            raise OSError("original")
    except RuntimeError as exc:
        print("  got", repr(exc), "cause", repr(exc.__cause__), "context", repr(exc.__context__))

    print("-- multiple managers in one statement, inner suppresses")
    async with Txn("outer") as a, Txn("inner", suppress=(ZeroDivisionError,)) as b:
        print("  body with", a.name, b.name)
        1 / 0
    print("  after multi")

    print("-- return and break inside async with")

    async def returns_inside():
        async with Txn("ret"):
            return "returned-from-inside"

    print(" ", await returns_inside())
    for i in range(3):
        async with Txn(f"loop{i}"):
            if i == 1:
                print("  breaking")
                break
            continue

    print("-- async for over custom iterator")
    p = Paged(list(range(10)), 4)
    async for page in p:
        print("  page", page)
    print("  __anext__ calls:", p.calls)

    print("-- async for with else and break")
    async for page in Paged([1, 2, 3], 1):
        if page == [2]:
            print("  break at", page)
            break
    else:
        print("  else not reached")
    async for page in Paged([1], 1):
        pass
    else:
        print("  else reached after exhaustion")

    print("-- exception from __anext__")
    got = []
    try:
        async for v in FailingIter():
            got.append(v)
    except ConnectionError as exc:
        print("  got", got, "then", exc)

    print("-- __anext__ returning futures")
    print(" ", [v async for v in SyncAnext()])

    print("-- protocol errors")

    class NoAexit:
        async def __aenter__(self):
            return self

    class SyncCM:
        def __enter__(self):
            return self

        def __exit__(self, *a):
            return False

    class BadAenter:
        def __aenter__(self):
            return 1

        async def __aexit__(self, *a):
            return False

    for obj in (NoAexit(), SyncCM(), BadAenter(), 5):
        try:
            async with obj:
                pass
        except (TypeError, AttributeError) as exc:
            print(f"  {type(obj).__name__}: {type(exc).__name__}: {exc}")

    class BadAnext:
        def __aiter__(self):
            return self

        def __anext__(self):
            return 5

    try:
        async for _ in BadAnext():
            pass
    except TypeError as exc:
        print("  BadAnext:", exc)

    print("-- async with holding a lock across awaits in tasks")
    lock = asyncio.Lock()
    order = []

    async def user(name):
        async with lock:
            order.append(f"{name}-in")
            await asyncio.sleep(0)
            await asyncio.sleep(0)
            order.append(f"{name}-out")

    await asyncio.gather(user("a"), user("b"), user("c"))
    print(" ", order)


asyncio.run(main())
