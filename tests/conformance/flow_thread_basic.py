# threading basics: Thread start/join, results by index, Lock-protected counters, RLock re-entrancy, threading.local, Thread subclass, names and states.
import threading


def demo_join_results():
    print("-- results collected by index, printed after join")
    results = [None] * 8

    def work(i):
        total = 0
        for k in range(20000):
            total += (k * k + i) % (i + 3)
        results[i] = total

    threads = [threading.Thread(target=work, args=(i,), name=f"worker-{i}") for i in range(8)]
    print("  alive before start:", [t.is_alive() for t in threads][:3])
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    print("  alive after join:", any(t.is_alive() for t in threads))
    print("  names:", [t.name for t in threads])
    print("  results:", results)


def demo_lock_counter():
    print("-- Lock-protected counter")
    lock = threading.Lock()
    counter = {"n": 0}

    def inc(times):
        for _ in range(times):
            with lock:
                counter["n"] += 1

    ts = [threading.Thread(target=inc, args=(5000,)) for _ in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("  counter:", counter["n"])
    print("  acquire non-blocking on free lock:", lock.acquire(blocking=False))
    print("  second non-blocking acquire:", lock.acquire(blocking=False))
    print("  acquire with timeout on held lock:", lock.acquire(timeout=0.001))
    lock.release()
    print("  locked after release:", lock.locked())
    try:
        lock.release()
    except RuntimeError as e:
        print("  release unlocked lock:", e)


def demo_rlock():
    print("-- RLock re-entrancy")
    rlock = threading.RLock()
    trace = []

    def recursive(n):
        with rlock:
            trace.append(n)
            if n:
                recursive(n - 1)

    t = threading.Thread(target=recursive, args=(5,))
    t.start()
    t.join()
    print("  trace:", trace)
    with rlock:
        with rlock:
            print("  held twice by main thread")
    try:
        rlock.release()
    except RuntimeError as e:
        print("  over-release:", e)


def demo_local():
    print("-- threading.local")
    local = threading.local()
    local.value = "main"
    seen = {}
    barrier = threading.Barrier(3)

    def worker(name):
        print_safe = getattr(local, "value", "unset")
        local.value = name
        barrier.wait()  # everyone has set their own value
        seen[name] = (print_safe, local.value)

    ts = [threading.Thread(target=worker, args=(f"t{i}",)) for i in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("  per-thread:", sorted(seen.items()))
    print("  main still:", local.value)

    class Counter(threading.local):
        def __init__(self):
            self.count = 0

    c = Counter()
    c.count = 100
    out = []

    def bump():
        for _ in range(5):
            c.count += 1
        out.append(c.count)

    t = threading.Thread(target=bump)
    t.start()
    t.join()
    print("  subclass local: thread saw", out, "main keeps", c.count)


def demo_subclass():
    print("-- Thread subclass with run() and return value attribute")

    class Summer(threading.Thread):
        def __init__(self, values):
            super().__init__(name="summer")
            self.values = values
            self.result = None

        def run(self):
            self.result = sum(self.values)

    s = Summer(range(1000))
    s.start()
    s.join()
    print("  result:", s.result, "| name:", s.name)
    try:
        s.start()
    except RuntimeError as e:
        print("  start twice:", e)
    t = threading.Thread(target=lambda: None)
    try:
        t.join()
    except RuntimeError as e:
        print("  join before start:", e)
    try:
        threading.current_thread().join()
    except RuntimeError as e:
        print("  join self:", e)
    print("  main thread name:", threading.current_thread().name,
          "| is main:", threading.current_thread() is threading.main_thread())


def demo_daemon_and_count():
    print("-- active_count and daemon flag")
    baseline = threading.active_count()  # relative counts: the runtime may own threads of its own
    ev = threading.Event()
    t = threading.Thread(target=ev.wait, daemon=True)
    t.start()
    print("  daemon:", t.daemon, "| alive:", t.is_alive(), "| extra active threads:", threading.active_count() - baseline)
    print("  listed in enumerate():", t in threading.enumerate())
    ev.set()
    t.join()
    print("  after join extra threads:", threading.active_count() - baseline, "| listed:", t in threading.enumerate())


demo_join_results()
demo_lock_counter()
demo_rlock()
demo_local()
demo_subclass()
demo_daemon_and_count()
