"""Micro benchmark: instance attributes, slots, globals and a C method in one loop.

Loop body, for i in range(200_000): p.x = p.x + SCALE (instance attribute in the values
array, a module global), s.n = s.n + 1 (a __slots__ member), t += p.y * math.pi
(an attribute and a module attribute), k = p.__sizeof__() (a method found on the class).
A pyperf script like pyperformance's benchmarks: run it through benches/run.py
(-b micro:attr_loop), or on its own with PYTHONPATH=target/bench-deps.
"""

import math

import pyperf

N = 200_000
SCALE = 0.5


class Point:
    def __init__(self, x, y):
        self.x = x
        self.y = y


class Counter:
    __slots__ = ("n",)

    def __init__(self):
        self.n = 0


def attr_loop(n):
    p = Point(0.0, 2.0)
    s = Counter()
    t = 0.0
    k = 0
    for i in range(n):
        p.x = p.x + SCALE
        s.n = s.n + 1
        t += p.y * math.pi
        k = p.__sizeof__()
    return p.x, s.n, round(t, 6), k > 0



def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        result = attr_loop(N)
    elapsed = pyperf.perf_counter() - t0
    expected = (N * SCALE, N, round(N * 2.0 * math.pi, 6), True)
    if result[:2] != expected[:2] or result[3] != expected[3]:
        raise AssertionError(f"attr_loop({N}) = {result!r}, expected {expected!r}")
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = __doc__.splitlines()[0]
    runner.bench_time_func("attr_loop", bench)
