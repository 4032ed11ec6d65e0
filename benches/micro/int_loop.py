"""Micro benchmark: a tight integer loop in one function.

Loop body: t += i * i & 1023, for i in range(1_000_000) -- small-int
multiply, bitwise and, add.  A pyperf script like pyperformance's
benchmarks: run it through benches/run.py (-b micro:int_loop), or on its own
with PYTHONPATH=target/bench-deps.
"""

import pyperf

N = 1_000_000
EXPECTED = 465496160   # int_loop(N) under CPython


def int_loop(n):
    t = 0
    for i in range(n):
        t += i * i & 1023
    return t


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        result = int_loop(N)
    elapsed = pyperf.perf_counter() - t0
    if result != EXPECTED:
        raise AssertionError(f"int_loop({N}) = {result!r}, expected {EXPECTED!r}")
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = __doc__.splitlines()[0]
    runner.bench_time_func("int_loop", bench)
