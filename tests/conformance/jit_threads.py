# Threads running hot loops at the same time: each updates its own counters and attributes, a shared list is appended under a Lock, a shared counter is incremented under a Lock, and the joined results are deterministic.
import threading


class Worker:
    def __init__(self, wid):
        self.wid = wid
        self.count = 0
        self.total = 0
        self.big = 1


def run_worker(w, n, shared, lock, results):
    local_sum = 0
    for i in range(n):
        w.count += 1
        w.total += i * (w.wid + 1)
        local_sum += i % 7
        if i % 1000 == 0:
            with lock:
                shared.append((w.wid, i))
        if i % 5000 == 4999:
            w.big = w.big * 2**20  # grows past 64 bits part-way through
    results[w.wid] = (local_sum, w.count, w.total, w.big.bit_length())


def shared_counter(n_threads, n):
    box = {"v": 0}
    lock = threading.Lock()

    def bump():
        for i in range(n):
            with lock:
                box["v"] += 1

    ts = [threading.Thread(target=bump) for _ in range(n_threads)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return box["v"]


def float_workers():
    out = [None] * 3

    def work(k):
        x = 0.0
        for i in range(1, 20000):
            x += (k + 1) / i
        out[k] = round(x, 6)

    ts = [threading.Thread(target=work, args=(k,)) for k in range(3)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return out


def exceptions_in_threads():
    caught = [0, 0]

    def work(k):
        for i in range(3000):
            try:
                _ = 10 // (i % (k + 2))
            except ZeroDivisionError:
                caught[k] += 1

    ts = [threading.Thread(target=work, args=(k,)) for k in range(2)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    return caught


def main():
    shared = []
    lock = threading.Lock()
    results = {}
    workers = [Worker(0), Worker(1)]
    threads = [threading.Thread(target=run_worker, args=(w, 20000, shared, lock, results)) for w in workers]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    for wid in sorted(results):
        print("worker", wid, results[wid])
    for w in workers:
        print("attrs", w.wid, w.count, w.total, w.big.bit_length())
    print("shared:", len(shared), sorted(shared)[:3], sorted(shared)[-3:])
    print("per worker:", [sum(1 for s in shared if s[0] == k) for k in (0, 1)])
    print("shared_counter:", shared_counter(4, 2500))
    print("float_workers:", float_workers())
    print("exceptions_in_threads:", exceptions_in_threads())
    # the main thread runs a hot loop while another thread does too
    side = []
    t = threading.Thread(target=lambda: side.append(sum(i * i for i in range(30000))))
    t.start()
    m = 0
    for i in range(30000):
        m += i * i
    t.join()
    print("main vs side:", m, side, m == side[0])


main()
