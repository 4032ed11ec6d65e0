# Generator re-entrancy: "generator already executing" for next/send/throw/close from inside, and gi_running during execution.
import inspect


def self_driving():
    me = yield "started"
    print("  inside: gi_running =", me.gi_running, inspect.getgeneratorstate(me))
    for op in ("next", "send", "throw", "close"):
        try:
            if op == "next":
                next(me)
            elif op == "send":
                me.send(1)
            elif op == "throw":
                me.throw(KeyError("x"))
            else:
                me.close()
        except ValueError as exc:
            print(f"  inside: {op} -> ValueError: {exc}")
    yield "after-attempts"
    return "finished"


def demo_self():
    g = self_driving()
    print(next(g))
    print(g.send(g))
    try:
        next(g)
    except StopIteration as stop:
        print("stop value:", stop.value)


class Reentrant:
    """An iterator whose __next__ pulls from a generator that calls back into it."""

    def __init__(self):
        self.gen = self.produce()

    def produce(self):
        for i in range(3):
            if i == 1:
                try:
                    # re-enter our own generator via the wrapper
                    next(self)
                except ValueError as exc:
                    print("  produce: re-entry refused:", exc)
            yield i

    def __iter__(self):
        return self

    def __next__(self):
        return next(self.gen)


def demo_indirect():
    print("indirect re-entry:", list(Reentrant()))


def mutual():
    # two generators that try to drive each other
    box = {}

    def a():
        for i in range(3):
            yield ("a", i, next(box["b"], None) if i == 1 else None)

    def b():
        yield ("b", 0)
        try:
            yield ("b", 1, next(box["a"]))
        except ValueError as exc:
            yield ("b", "error", str(exc))

    box["a"] = a()
    box["b"] = b()
    print("b first:", next(box["b"]))
    for item in box["a"]:
        print("a yielded:", item)


def demo_after_error_still_usable():
    def gen():
        me = yield
        try:
            next(me)
        except ValueError:
            pass
        total = 0
        for i in range(1000):
            total += (yield i) or 0
        return total

    g = gen()
    next(g)
    print("first value after refused re-entry:", g.send(g))
    s = 0
    try:
        v = 0
        while True:
            v = g.send(v % 3)
            s += v
    except StopIteration as stop:
        print("sum of yields:", s, "return:", stop.value)


def demo_genexpr_reentry():
    holder = []
    ge = (x if x != 2 else next(holder[0], "refused?") for x in range(4))
    holder.append(ge)
    try:
        print(list(ge))
    except ValueError as exc:
        print("genexpr re-entry ValueError:", exc)
    print("genexpr state:", inspect.getgeneratorstate(ge))


demo_self()
demo_indirect()
mutual()
demo_after_error_still_usable()
demo_genexpr_reentry()
