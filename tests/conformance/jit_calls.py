# Calls from inside hot loops: Python functions (including deep recursion), lambdas, closures modifying a nonlocal, bound methods, functions with defaults and *args/**kwargs, functools.partial, callables that change mid-loop, recursion that hits the recursion limit inside a hot loop.
import functools
import sys


def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


def depth(n):
    if n == 0:
        return 0
    return depth(n - 1) + 1


def calls_fib(n):
    s = 0
    for i in range(n):
        s += fib(i % 15)
    return s


def calls_depth(n):
    s = 0
    for i in range(n):
        s += depth(i * 10)
    return s


def lambda_calls(n):
    f = lambda x: x * 2 + 1  # noqa: E731
    g = lambda x, y=3: x - y  # noqa: E731
    s = 0
    for i in range(n):
        s = f(s) % 1000003
        s = g(s) if i % 2 else g(s, y=-1)
        if i == n // 2:
            f = lambda x: x + 7  # noqa: E731
    return s


def make_counter():
    count = 0
    log = []

    def bump(k):
        nonlocal count
        count += k
        log.append(count)
        return count

    return bump, log


def closure_loop(n):
    bump, log = make_counter()
    last = 0
    for i in range(n):
        last = bump(i)
    return last, log[-3:]


def nonlocal_in_loop(n):
    total = 0
    steps = 0

    def step(i):
        nonlocal total, steps
        total += i
        steps += 1

    for i in range(n):
        step(i)
        if i == 20:
            total = 2**64  # the enclosing function rebinds the cell too
    return total, steps


def varargs_calls(n):
    def collect(*args, **kwargs):
        return len(args) + sum(args) + len(kwargs) + sum(kwargs.values())

    s = 0
    for i in range(n):
        s += collect(i, i, k=i)
        s += collect(*range(i % 5), **{"a": 1, "b": i})
    return s


def defaults_calls(n):
    def f(a, b=10, *, c=100):
        return a + b + c

    s = 0
    for i in range(n):
        s += f(i) + f(i, 1) + f(i, c=0) + f(a=i, b=i, c=i)
    return s


class Acc:
    def __init__(self):
        self.v = 0

    def add(self, x):
        self.v += x
        return self.v


def method_calls(n):
    a = Acc()
    add = a.add
    for i in range(n):
        add(i)
        a.add(1)
    return a.v


def partial_calls(n):
    p = functools.partial(pow, 2)
    s = 0
    for i in range(n):
        s += p(i % 70)
    return s


def changing_callable(n):
    funcs = [abs, len, str, repr, fib]
    out = []
    for i in range(n):
        f = funcs[0] if i < n - 4 else funcs[i - n + 4 + 1]
        try:
            out.append(f(i) if f is not len else f(str(i)))
        except TypeError as e:
            out.append(str(e))
    return out[-6:]


def recursion_limit_in_loop():
    def down(k):
        return down(k + 1)

    old = sys.getrecursionlimit()
    sys.setrecursionlimit(150)
    hits = 0
    try:
        for i in range(20):
            try:
                down(0)
            except RecursionError as e:
                hits += 1
                msg = str(e)
    finally:
        sys.setrecursionlimit(old)
    return hits, msg


def mutual(n):
    def is_even(k):
        return True if k == 0 else is_odd(k - 1)

    def is_odd(k):
        return False if k == 0 else is_even(k - 1)

    evens = 0
    for i in range(n):
        if is_even(i):
            evens += 1
    return evens


def main():
    print("calls_fib:", calls_fib(60))
    print("calls_depth:", calls_depth(40))
    print("lambda_calls:", lambda_calls(50))
    print("closure_loop:", closure_loop(40))
    print("nonlocal_in_loop:", nonlocal_in_loop(40))
    print("varargs:", varargs_calls(40))
    print("defaults:", defaults_calls(40))
    print("method_calls:", method_calls(40))
    print("partial:", partial_calls(100))
    print("changing_callable:", changing_callable(20))
    print("recursion_limit:", recursion_limit_in_loop())
    print("mutual:", mutual(60))
    print("map/filter:", sum(map(lambda v: v * v, filter(lambda v: v % 3, range(100)))))


main()
