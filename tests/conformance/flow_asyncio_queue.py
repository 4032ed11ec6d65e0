# asyncio.Queue producer/consumer: bounded queue backpressure, join/task_done, sentinels, PriorityQueue, LifoQueue, QueueFull/QueueEmpty.
import asyncio


async def producer(name, q, items, log):
    for item in items:
        log.append(f"{name} put {item} (size before {q.qsize()})")
        await q.put(item)
    log.append(f"{name} done")


async def consumer(name, q, log, results):
    while True:
        item = await q.get()
        try:
            if item is None:
                log.append(f"{name} got sentinel")
                return
            log.append(f"{name} got {item}")
            await asyncio.sleep(0)
            results.append((name, item * item))
        finally:
            q.task_done()


async def bounded_demo():
    print("-- bounded queue (maxsize=2), 2 producers, 2 consumers")
    q = asyncio.Queue(maxsize=2)
    log = []
    results = []
    consumers = [asyncio.create_task(consumer(f"C{i}", q, log, results)) for i in range(2)]
    await asyncio.gather(producer("P1", q, [1, 2, 3, 4], log), producer("P2", q, [10, 20, 30], log))
    await q.join()
    log.append("queue joined")
    for _ in consumers:
        await q.put(None)
    await asyncio.gather(*consumers)
    for line in log:
        print(" ", line)
    print("  results:", results)
    print("  sum:", sum(v for _, v in results), "empty:", q.empty(), "full:", q.full())


async def pipeline_demo():
    print("-- three-stage pipeline")
    raw, cooked = asyncio.Queue(), asyncio.Queue()

    async def stage1():
        for i in range(8):
            await raw.put(i)
        await raw.put(None)

    async def stage2():
        while (x := await raw.get()) is not None:
            await cooked.put(f"<{x * 3}>")
        await cooked.put(None)

    async def stage3():
        out = []
        while (x := await cooked.get()) is not None:
            out.append(x)
        return out

    _, _, out = await asyncio.gather(stage1(), stage2(), stage3())
    print(" ", "".join(out))


async def special_queues():
    print("-- PriorityQueue and LifoQueue")
    pq = asyncio.PriorityQueue()
    for item in [(3, "c"), (1, "a"), (2, "b"), (1, "a2"), (0, "z")]:
        pq.put_nowait(item)
    print("  priority order:", [pq.get_nowait() for _ in range(pq.qsize())])
    lq = asyncio.LifoQueue()
    for i in range(5):
        await lq.put(i)
    print("  lifo order:", [await lq.get() for _ in range(5)])

    print("-- nowait errors")
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("only")
    try:
        q.put_nowait("overflow")
    except asyncio.QueueFull:
        print("  QueueFull raised")
    print("  got", q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("  QueueEmpty raised")
    try:
        q.task_done()
        q.task_done()
    except ValueError as exc:
        print("  ValueError:", exc)


async def getter_cancel_demo():
    print("-- waiting getter cancelled; item not lost")
    q = asyncio.Queue()

    async def getter(tag):
        try:
            v = await q.get()
            return f"{tag} got {v}"
        except asyncio.CancelledError:
            print(f"  {tag} cancelled while waiting")
            raise

    g1 = asyncio.create_task(getter("g1"))
    g2 = asyncio.create_task(getter("g2"))
    await asyncio.sleep(0)
    g1.cancel()
    await asyncio.sleep(0)
    q.put_nowait("precious")
    print(" ", await g2)
    print("  g1 cancelled:", g1.cancelled(), "queue size:", q.qsize())


async def fan_in_demo():
    print("-- fan-in with many producers, deterministic per-producer order")
    q = asyncio.Queue()
    n_producers = 20

    async def prod(k):
        for j in range(5):
            await q.put((k, j))
            if j % 2:
                await asyncio.sleep(0)
        await q.put((k, None))

    tasks = [asyncio.create_task(prod(k)) for k in range(n_producers)]
    finished = 0
    per = {}
    arrival = []
    while finished < n_producers:
        k, j = await q.get()
        if j is None:
            finished += 1
        else:
            per.setdefault(k, []).append(j)
            arrival.append(k)
    await asyncio.gather(*tasks)
    print("  all in order:", all(v == list(range(5)) for v in per.values()), len(per))
    print("  first arrivals:", arrival[:25])


async def main():
    await bounded_demo()
    await pipeline_demo()
    await special_queues()
    await getter_cancel_demo()
    await fan_in_demo()


asyncio.run(main())
