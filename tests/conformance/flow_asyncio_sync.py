# asyncio synchronization primitives: Event, Lock, Semaphore, BoundedSemaphore, Condition (wait_for/notify), Barrier; FIFO wake-up order.
import asyncio


async def event_demo():
    print("-- Event")
    ev = asyncio.Event()
    log = []

    async def waiter(name):
        log.append(f"{name} waiting (is_set={ev.is_set()})")
        await ev.wait()
        log.append(f"{name} woke")
        return name

    tasks = [asyncio.create_task(waiter(f"w{i}")) for i in range(3)]
    await asyncio.sleep(0)
    log.append("setting")
    ev.set()
    print("  results:", await asyncio.gather(*tasks))
    print("  wait on set event returns immediately:", await ev.wait())
    ev.clear()
    print("  cleared:", ev.is_set())
    for line in log:
        print("   ", line)


async def lock_demo():
    print("-- Lock: mutual exclusion and FIFO acquisition")
    lock = asyncio.Lock()
    counter = 0
    order = []

    async def inc(name, times):
        nonlocal counter
        for _ in range(times):
            async with lock:
                order.append(name)
                value = counter
                await asyncio.sleep(0)  # would race without the lock
                counter = value + 1

    await asyncio.gather(inc("a", 3), inc("b", 3), inc("c", 2))
    print("  counter:", counter, "order:", "".join(order))
    print("  locked after:", lock.locked())
    await lock.acquire()
    print("  manual acquire, locked:", lock.locked())
    lock.release()
    try:
        lock.release()
    except RuntimeError as exc:
        print("  release unlocked:", exc)


async def semaphore_demo():
    print("-- Semaphore(2): at most two inside")
    sem = asyncio.Semaphore(2)
    inside = 0
    peak = 0
    log = []

    async def job(i):
        nonlocal inside, peak
        async with sem:
            inside += 1
            peak = max(peak, inside)
            log.append(f"+{i}")
            for _ in range(i % 3 + 1):
                await asyncio.sleep(0)
            inside -= 1
            log.append(f"-{i}")

    await asyncio.gather(*(job(i) for i in range(6)))
    print("  peak:", peak, "log:", " ".join(log))
    print("  locked:", sem.locked())

    bsem = asyncio.BoundedSemaphore(1)
    await bsem.acquire()
    bsem.release()
    try:
        bsem.release()
    except ValueError as exc:
        print("  BoundedSemaphore over-release:", exc)


async def condition_demo():
    print("-- Condition: producer/consumer with wait_for and notify")
    cond = asyncio.Condition()
    items = []
    log = []

    async def consumer(name):
        async with cond:
            await cond.wait_for(lambda: len(items) > 0)
            item = items.pop(0)
            log.append(f"{name} took {item}")

    async def producer():
        for i in range(4):
            await asyncio.sleep(0)
            async with cond:
                items.append(i)
                log.append(f"produced {i}")
                cond.notify(1)

    consumers = [asyncio.create_task(consumer(f"c{i}")) for i in range(4)]
    await producer()
    await asyncio.gather(*consumers)
    for line in log:
        print("   ", line)

    print("-- Condition: notify_all")
    woke = []

    async def sleeper(name):
        async with cond:
            await cond.wait()
            woke.append(name)

    ts = [asyncio.create_task(sleeper(f"s{i}")) for i in range(3)]
    await asyncio.sleep(0)
    async with cond:
        cond.notify_all()
    await asyncio.gather(*ts)
    print("  woke:", woke)
    try:
        cond.notify()
    except RuntimeError as exc:
        print("  notify without lock:", exc)


async def barrier_demo():
    print("-- Barrier(3)")
    barrier = asyncio.Barrier(3)
    log = []

    async def party(name, pre):
        for _ in range(pre):
            await asyncio.sleep(0)
        log.append(f"{name} arrives")
        idx = await barrier.wait()
        log.append(f"{name} passes (index {idx})")

    await asyncio.gather(party("p0", 2), party("p1", 0), party("p2", 1))
    for line in log:
        print("   ", line)
    print("  parties:", barrier.parties, "waiting:", barrier.n_waiting, "broken:", barrier.broken)
    await barrier.abort()
    try:
        await barrier.wait()
    except asyncio.BrokenBarrierError:
        print("  BrokenBarrierError after abort")


async def main():
    await event_demo()
    await lock_demo()
    await semaphore_demo()
    await condition_demo()
    await barrier_demo()


asyncio.run(main())
