# CPU-bound pure-Python loops in two threads with a tiny switch interval: both finish, results exact, shared state updated under a lock.
import sys
import threading


def collatz_work(start, count):
    longest = (0, 0)
    for n in range(start, start + count):
        steps = 0
        x = n
        while x != 1:
            x = x // 2 if x % 2 == 0 else 3 * x + 1
            steps += 1
        if steps > longest[1]:
            longest = (n, steps)
    return longest


def sieve(limit):
    flags = bytearray([1]) * (limit + 1)
    flags[0] = flags[1] = 0
    for i in range(2, int(limit ** 0.5) + 1):
        if flags[i]:
            for j in range(i * i, limit + 1, i):
                flags[j] = 0
    return sum(flags)


def main():
    old = sys.getswitchinterval()
    sys.setswitchinterval(1e-5)  # force frequent GIL hand-offs
    try:
        results = {}
        progress = {"a": 0, "b": 0}
        lock = threading.Lock()
        start_gate = threading.Event()

        def run(name, fn, *args):
            start_gate.wait()
            out = fn(*args)
            with lock:
                results[name] = out

        def counting(name, n):
            start_gate.wait()
            local = 0
            for i in range(n):
                local += i & 7
                if i % 1000 == 0:
                    with lock:
                        progress[name] += 1
            with lock:
                results[f"count-{name}"] = local

        threads = [
            threading.Thread(target=run, args=("collatz", collatz_work, 1, 6000)),
            threading.Thread(target=run, args=("sieve", sieve, 60000)),
            threading.Thread(target=counting, args=("a", 60000)),
            threading.Thread(target=counting, args=("b", 60000)),
        ]
        for t in threads:
            t.start()
        start_gate.set()
        for t in threads:
            t.join()
        print("all threads finished:", not any(t.is_alive() for t in threads))
        for key in sorted(results):
            print(f"  {key}: {results[key]}")
        print("  progress ticks:", progress)
        print("  same answers as single-threaded:",
              results["collatz"] == collatz_work(1, 6000), results["sieve"] == sieve(60000))
    finally:
        sys.setswitchinterval(old)
    print("switch interval restored:", sys.getswitchinterval() == old)

    # unsynchronized list.append from many threads still loses nothing (each append is atomic)
    shared = []

    def appender(k):
        for i in range(2000):
            shared.append((k, i))

    ts = [threading.Thread(target=appender, args=(k,)) for k in range(4)]
    for t in ts:
        t.start()
    for t in ts:
        t.join()
    print("appends:", len(shared), "| per-thread order kept:",
          all([i for kk, i in shared if kk == k] == list(range(2000)) for k in range(4)))


main()
