# Async comprehensions: list/set/dict/generator forms with async for, await inside, nested and mixed sync/async clauses.
import asyncio


async def arange(n, step=1):
    for i in range(0, n, step):
        await asyncio.sleep(0)
        yield i


async def double(x):
    await asyncio.sleep(0)
    return x * 2


class ARange:
    """Class-based async iterator."""

    def __init__(self, n):
        self.n = n
        self.i = 0

    def __aiter__(self):
        return self

    async def __anext__(self):
        if self.i >= self.n:
            raise StopAsyncIteration
        self.i += 1
        return self.i - 1


async def main():
    print("list:", [x async for x in arange(6)])
    print("filtered:", [x async for x in arange(20) if x % 3 == 0])
    print("await in element:", [await double(x) async for x in arange(5)])
    print("await in sync comp:", [await double(x) for x in range(4)])
    print("await in condition:", [x for x in range(8) if await double(x) > 6])
    print("set:", sorted({x % 4 async for x in arange(12)}))
    print("dict:", {x: await double(x) async for x in arange(4)})
    print("nested async/async:", [(a, b) async for a in arange(3) async for b in arange(a)])
    print("nested sync outer/async inner:", [(a, b) for a in range(3) async for b in arange(2)])
    print("nested async outer/sync inner:", [(a, b) async for a in arange(2) for b in "xy"])
    print("class-based iterator:", [v * v async for v in ARange(5)])

    agen = (x * 10 async for x in arange(4))
    print("async genexpr type:", type(agen).__name__)
    print("async genexpr items:", [v async for v in agen])

    sync_of_awaits = (double(x) for x in range(3))
    print("sync genexpr of coroutines:", [await c for c in sync_of_awaits])

    print("genexpr with await is async:", type((await double(x) for x in range(2))).__name__)
    ag = (await double(x) for x in range(3))
    print("  values:", [v async for v in ag])

    # walrus and conditional expressions inside async comprehensions
    seen = []
    vals = [last := y async for y in arange(5) if (seen.append(y) or True)]
    print("walrus:", vals, "last:", last, "seen:", seen)

    # exception inside an async comprehension
    async def faulty():
        yield 1
        yield 2
        raise ValueError("faulty source")

    try:
        print([x async for x in faulty()])
    except ValueError as exc:
        print("comprehension raised:", exc)

    # async comprehension inside a regular function is a SyntaxError when compiled
    src = "def f():\n    return [x async for x in y]\n"
    try:
        compile(src, "<snippet>", "exec")
    except SyntaxError as exc:
        print("SyntaxError:", exc.msg)

    # comprehensions in many concurrent tasks
    async def worker(k):
        return sum([v async for v in arange(k * 10, 3)])

    results = await asyncio.gather(*(worker(k) for k in range(1, 8)))
    print("gathered sums:", results)

    # async generator expression consumed by a helper
    async def asum(ait):
        total = 0
        async for v in ait:
            total += v
        return total

    print("asum:", await asum(v * v async for v in arange(100)))
    print("sorted of async list:", sorted([-(await double(v)) async for v in arange(5)]))


asyncio.run(main())
