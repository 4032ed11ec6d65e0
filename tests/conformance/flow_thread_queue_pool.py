# queue.Queue worker pools and concurrent.futures.ThreadPoolExecutor: submission-order results, map, exceptions from futures, as_completed (sorted), shutdown.
import concurrent.futures
import queue
import threading


def is_prime(n):
    if n < 2:
        return False
    i = 2
    while i * i <= n:
        if n % i == 0:
            return False
        i += 1
    return True


def queue_workers():
    print("-- queue.Queue with worker threads and sentinels")
    tasks = queue.Queue()
    results = queue.Queue()

    def worker():
        while True:
            item = tasks.get()
            try:
                if item is None:
                    return
                idx, n = item
                results.put((idx, n, is_prime(n)))
            finally:
                tasks.task_done()

    workers = [threading.Thread(target=worker) for _ in range(4)]
    for w in workers:
        w.start()
    numbers = list(range(1000, 1060))
    for idx, n in enumerate(numbers):
        tasks.put((idx, n))
    tasks.join()
    for _ in workers:
        tasks.put(None)
    for w in workers:
        w.join()
    collected = sorted(results.get_nowait() for _ in range(results.qsize()))
    print("  primes:", [n for _, n, p in collected if p])
    print("  count:", len(collected), "| queue empty:", tasks.empty())

    print("-- queue variants and errors")
    lq = queue.LifoQueue()
    pq = queue.PriorityQueue()
    for x in (3, 1, 2):
        lq.put(x)
        pq.put((x, f"p{x}"))
    print("  lifo:", [lq.get() for _ in range(3)], "| priority:", [pq.get()[1] for _ in range(3)])
    sq = queue.SimpleQueue()
    sq.put("simple")
    print("  simple:", sq.get(), sq.empty())
    q = queue.Queue(maxsize=1)
    q.put(1)
    try:
        q.put(2, block=False)
    except queue.Full:
        print("  queue.Full raised")
    try:
        q.put(2, timeout=0.001)
    except queue.Full:
        print("  queue.Full after timeout")
    q.get()
    try:
        q.get_nowait()
    except queue.Empty:
        print("  queue.Empty raised")


def executor_demo():
    print("-- ThreadPoolExecutor.submit: results in submission order")
    with concurrent.futures.ThreadPoolExecutor(max_workers=3, thread_name_prefix="pool") as ex:
        futures = [ex.submit(sum, range(n)) for n in range(0, 5000, 500)]
        print("  results:", [f.result() for f in futures])
        print("  map:", list(ex.map(is_prime, range(20))))
        print("  map with two iterables:", list(ex.map(pow, [2, 3, 4], [5, 6, 7])))

        def maybe_fail(i):
            if i % 4 == 3:
                raise ValueError(f"task {i} failed")
            return i * 10

        futs = [ex.submit(maybe_fail, i) for i in range(8)]
        out = []
        for f in futs:
            try:
                out.append(f.result())
            except ValueError as e:
                out.append(f"error: {e}")
        print("  with failures:", out)
        print("  exception():", [repr(f.exception()) for f in futs if f.exception()])
        try:
            list(ex.map(maybe_fail, range(5)))
        except ValueError as e:
            print("  map re-raises on iteration:", e)

        done_values = sorted(f.result() for f in concurrent.futures.as_completed(
            [ex.submit(lambda k=k: k * k) for k in range(10)]))
        print("  as_completed (sorted):", done_values)

        waited = [ex.submit(is_prime, n) for n in (97, 98, 99)]
        done, not_done = concurrent.futures.wait(waited)
        print("  wait: done", len(done), "not done", len(not_done))

        callbacks = []
        lock = threading.Lock()
        cf = ex.submit(lambda: "cb-value")

        def on_done(f):
            with lock:
                callbacks.append(f.result())

        cf.add_done_callback(on_done)
        cf.result()
    print("  callback results:", callbacks)
    try:
        ex.submit(print, "after shutdown")
    except RuntimeError as e:
        print("  submit after shutdown:", e)

    print("-- futures used directly")
    f = concurrent.futures.Future()
    print("  states:", f.running(), f.done(), f.cancelled())
    print("  cancel pending:", f.cancel(), "| cancelled:", f.cancelled())
    try:
        f.result()
    except concurrent.futures.CancelledError:
        print("  result() of cancelled -> CancelledError")
    f2 = concurrent.futures.Future()
    f2.set_running_or_notify_cancel()
    f2.set_result(7)
    print("  manual result:", f2.result(), "| cancel done:", f2.cancel())
    try:
        f3 = concurrent.futures.Future()
        f3.result(timeout=0.001)
    except concurrent.futures.TimeoutError:
        print("  result(timeout) -> TimeoutError")

    print("-- nested submission")
    with concurrent.futures.ThreadPoolExecutor(max_workers=4) as ex:
        def parent(k):
            return sum(ex.submit(lambda j=j: j * k).result() for j in range(4))
        print("  ", [f.result() for f in [ex.submit(parent, k) for k in range(3)]])


queue_workers()
executor_demo()
