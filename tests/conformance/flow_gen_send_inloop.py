# Generators and coroutines made and resumed in a hot loop: RETURN_GENERATOR hands the new
# object to its caller, SEND resumes a delegate in the same loop. What must still hold: values
# sent in, return values of `yield from`/`await`, exceptions thrown into a delegating
# generator, delegates closed early, a delegate that is not a generator, and StopIteration
# raised inside a generator (RuntimeError).
import sys


def inner(n):
    total = 0
    for i in range(n):
        got = yield i
        if got is not None:
            total += got
    return total


def outer(n):
    result = yield from inner(n)
    yield ("done", result)


def drive(k):
    out = 0
    for _ in range(k):
        g = outer(4)
        v = next(g)
        while True:
            try:
                v = g.send(v + 1 if isinstance(v, int) else None)
            except StopIteration:
                break
            if isinstance(v, tuple):
                out += v[1]
    return out


print("send", drive(300))


async def leaf(x):
    if x % 17 == 5:
        raise ValueError(x)
    return x * 2


async def middle(x):
    try:
        return await leaf(x) + await leaf(x + 1)
    except ValueError as e:
        return -e.args[0]


async def top(n):
    total = 0
    for i in range(n):
        total += await middle(i)
    return total


def run(coro):
    try:
        while True:
            coro.send(None)
    except StopIteration as e:
        return e.value


print("await", run(top(500)))


# Thrown into a delegating generator; closed early.
def delegate():
    try:
        yield from inner(10)
    except KeyError as e:
        yield ("caught", e.args[0])
    finally:
        print("delegate finally")


g = delegate()
next(g)
next(g)
print("throw", g.throw(KeyError, KeyError("k")))
g.close()

closed = 0
for i in range(200):
    g = outer(100)
    for v in g:
        if v == 3:
            break
    g.close()
    closed += 1
print("closed early", closed)


# A delegate that is not a generator (SEND through the iterator protocol).
class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n == 0:
            raise StopIteration("bottom")
        self.n -= 1
        return self.n


def via_iter():
    r = yield from Countdown(5)
    yield r


print("iterator", list(via_iter()))


# StopIteration raised inside a generator resumed in the loop.
def bad():
    yield 1
    raise StopIteration("x")


def consume():
    try:
        for _ in bad():
            pass
    except RuntimeError as e:
        return str(e), type(e.__cause__).__name__


print("stopiteration", consume())


# Many generators made and dropped unstarted in a hot loop.
def made(n):
    keep = None
    for i in range(n):
        gen = inner(i)
        if i == n - 1:
            keep = gen
    return next(keep)


print("made", made(1000), sys.getrefcount(None) > 0)
