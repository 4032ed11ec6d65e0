"""Micro benchmark: a damped harmonic oscillator, integrated in float math.

Semi-implicit Euler over 1_000_000 steps per loop; each step does a few
float multiply-adds on locals (a = -k*x - c*v; v += a*dt; x += v*dt).
A pyperf script like pyperformance's benchmarks: run it through
benches/run.py (-b micro:float_oscillator), or on its own with
PYTHONPATH=target/bench-deps.
"""

import math

import pyperf

STEPS = 1_000_000
# oscillate(STEPS) under CPython
EXPECTED = (-0.13572225128638957, -0.683991618179938)


def oscillate(steps, dt=1e-3, k=4.0, c=0.002):
    x = 1.0
    v = 0.0
    for _ in range(steps):
        a = -k * x - c * v
        v += a * dt
        x += v * dt
    return x, v


def bench(loops):
    t0 = pyperf.perf_counter()
    for _ in range(loops):
        result = oscillate(STEPS)
    elapsed = pyperf.perf_counter() - t0
    if not all(math.isclose(r, e, rel_tol=1e-9) for r, e in zip(result, EXPECTED)):
        raise AssertionError(f"oscillate({STEPS}) = {result!r}, expected {EXPECTED!r}")
    return elapsed


if __name__ == "__main__":
    runner = pyperf.Runner()
    runner.metadata["description"] = __doc__.splitlines()[0]
    runner.bench_time_func("float_oscillator", bench)
