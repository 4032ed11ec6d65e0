# Thread synchronization with enforced ordering: Condition ping-pong, Semaphore limits, Barrier phases with action, Event hand-offs, Timer (cancelled).
import threading


def ping_pong():
    print("-- Condition ping-pong (strict alternation)")
    cond = threading.Condition()
    state = {"turn": "ping", "log": []}
    rounds = 5

    def player(me, other):
        for i in range(rounds):
            with cond:
                cond.wait_for(lambda: state["turn"] == me)
                state["log"].append(f"{me}{i}")
                state["turn"] = other
                cond.notify_all()

    a = threading.Thread(target=player, args=("ping", "pong"))
    b = threading.Thread(target=player, args=("pong", "ping"))
    b.start()
    a.start()
    a.join()
    b.join()
    print(" ", " ".join(state["log"]))


def ordered_relay():
    print("-- Event relay: thread i waits for event i, then sets event i+1")
    n = 6
    events = [threading.Event() for _ in range(n + 1)]
    order = []
    lock = threading.Lock()

    def relay(i):
        events[i].wait()
        with lock:
            order.append(i)
        events[i + 1].set()

    threads = [threading.Thread(target=relay, args=(i,)) for i in reversed(range(n))]
    for t in threads:
        t.start()
    events[0].set()
    events[n].wait()
    for t in threads:
        t.join()
    print("  order:", order)


def semaphore_limit():
    print("-- Semaphore(2): never more than two inside")
    sem = threading.Semaphore(2)
    lock = threading.Lock()
    state = {"inside": 0, "peak": 0, "done": 0}

    def job():
        with sem:
            with lock:
                state["inside"] += 1
                state["peak"] = max(state["peak"], state["inside"])
            total = 0
            for k in range(3000):
                total += k
            with lock:
                state["inside"] -= 1
                state["done"] += 1

    ts = [threading.Thread(target=job) for _ in range(8)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("  peak <= 2:", state["peak"] <= 2, "| done:", state["done"], "| inside now:", state["inside"])
    bs = threading.BoundedSemaphore(1)
    bs.acquire()
    bs.release()
    try:
        bs.release()
    except ValueError as e:
        print("  BoundedSemaphore:", e)
    print("  acquire(timeout) on exhausted semaphore:", threading.Semaphore(0).acquire(timeout=0.001))


def barrier_phases():
    print("-- Barrier with action, three phases")
    phases = []
    per_phase = {}
    lock = threading.Lock()

    def action():
        phases.append(len(phases))

    barrier = threading.Barrier(4, action=action)

    def worker(i):
        for phase in range(3):
            with lock:
                per_phase.setdefault(phase, []).append(i)
            barrier.wait()

    ts = [threading.Thread(target=worker, args=(i,)) for i in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("  actions ran:", phases)
    print("  per phase (sorted):", {k: sorted(v) for k, v in per_phase.items()})
    b = threading.Barrier(2, timeout=0.01)
    try:
        b.wait()
    except threading.BrokenBarrierError:
        print("  lone waiter timed out -> BrokenBarrierError; broken:", b.broken)
    b.reset()
    print("  after reset broken:", b.broken)


def producer_consumer_condition():
    print("-- bounded buffer with two Conditions")
    buf = []
    cap = 3
    lock = threading.Lock()
    not_full = threading.Condition(lock)
    not_empty = threading.Condition(lock)
    consumed = []

    def producer():
        for i in range(20):
            with not_full:
                not_full.wait_for(lambda: len(buf) < cap)
                buf.append(i)
                not_empty.notify()
        with not_full:
            not_full.wait_for(lambda: len(buf) < cap)
            buf.append(None)
            not_empty.notify()

    def consumer():
        while True:
            with not_empty:
                not_empty.wait_for(lambda: buf)
                item = buf.pop(0)
                not_full.notify()
            if item is None:
                return
            consumed.append(item * item)

    p = threading.Thread(target=producer)
    c = threading.Thread(target=consumer)
    c.start()
    p.start()
    p.join()
    c.join()
    print("  consumed in order:", consumed == [i * i for i in range(20)], sum(consumed))


def timer_cancel():
    print("-- Timer cancelled before firing, and one that fires")
    fired = []
    t = threading.Timer(10.0, fired.append, args=("should not fire",))
    t.start()
    t.cancel()
    t.join()
    t2 = threading.Timer(0.0, fired.append, args=("fired",))
    t2.start()
    t2.join()
    print("  fired:", fired)
    cond = threading.Condition()
    with cond:
        print("  wait with timeout and nobody notifying:", cond.wait(timeout=0.001))


ping_pong()
ordered_relay()
semaphore_limit()
barrier_phases()
producer_consumer_condition()
timer_cancel()
