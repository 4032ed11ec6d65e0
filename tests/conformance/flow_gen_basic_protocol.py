# Generator protocol: next/send/throw/close, StopIteration.value, gi_* attributes and inspect.getgeneratorstate at every stage.
import inspect


def state(g):
    return inspect.getgeneratorstate(g)


def show(label, g):
    frame = g.gi_frame
    line = None if frame is None else frame.f_lineno - g.gi_code.co_firstlineno
    print(f"{label:<22} state={state(g):<16} running={g.gi_running} "
          f"frame={'yes' if frame is not None else 'no'} rel_line={line}")


def echo(start):
    print("  echo: started with", start)
    total = start
    try:
        while True:
            try:
                received = yield total
            except ValueError as exc:
                print("  echo: caught ValueError", exc.args)
                received = -100
            if received is None:
                print("  echo: got None, stopping")
                break
            print("  echo: received", received)
            total += received
    finally:
        print("  echo: finally, total =", total)
    return total * 2


def main():
    g = echo(10)
    print("name", g.__name__, "qualname", g.__qualname__, "code", g.gi_code.co_name)
    print("co_flags generator bit:", bool(g.gi_code.co_flags & inspect.CO_GENERATOR))
    print("isgenerator", inspect.isgenerator(g), "isgeneratorfunction", inspect.isgeneratorfunction(echo))
    show("created", g)
    print("locals before start:", sorted(g.gi_frame.f_locals.items()))
    try:
        g.send(5)
    except TypeError as exc:
        print("send non-None to fresh generator:", exc)
    show("after bad send", g)
    print("first next ->", next(g))
    show("suspended 1", g)
    print("locals suspended:", sorted((k, v) for k, v in g.gi_frame.f_locals.items()))
    print("send 7 ->", g.send(7))
    print("send 3 ->", g.send(3))
    show("suspended 2", g)
    print("throw ValueError ->", g.throw(ValueError("boom", 1)))
    print("throw via type+value ->", g.throw(ValueError, ValueError("second")))
    show("suspended 3", g)
    try:
        g.send(None)
    except StopIteration as stop:
        print("StopIteration.value =", stop.value, "args =", stop.args)
    show("after return", g)
    print("next on closed:", next(g, "default-sentinel"))
    try:
        g.send(1)
    except StopIteration as stop:
        print("send to exhausted -> StopIteration value", stop.value)
    print("close exhausted ->", g.close())
    show("after close", g)

    # throw into a generator that does not catch
    g2 = echo(1)
    next(g2)
    try:
        g2.throw(KeyError("missing"))
    except KeyError as exc:
        print("KeyError propagated out of generator:", repr(exc))
    show("after uncaught throw", g2)

    # throw into an unstarted generator: raised at the very start, body never runs
    g3 = echo(0)
    try:
        g3.throw(IndexError("early"))
    except IndexError as exc:
        print("throw before start:", exc)
    show("g3", g3)

    # close on an unstarted generator: nothing runs
    g4 = echo(0)
    g4.close()
    show("g4 closed unstarted", g4)

    # close of a suspended generator runs finally
    g5 = echo(2)
    next(g5)
    g5.send(4)
    print("closing g5")
    g5.close()
    show("g5 closed", g5)

    # gi_running observed from inside
    def introspective():
        me = yield "ready"
        for i in range(3):
            me = yield (i, me.gi_running, state(me))

    g6 = introspective()
    print(next(g6))
    for _ in range(3):
        print("inside view:", g6.send(g6))
    show("g6 after loop", g6)

    # return value through several forms
    def returns(kind):
        if kind == "plain":
            yield 1
            return "plain-return"
        if kind == "none":
            yield 1
            return
        if kind == "tuple":
            yield 1
            return (1, 2)
        if kind == "exc":
            yield 1
            return ValueError("returned not raised")

    for kind in ("plain", "none", "tuple", "exc"):
        g = returns(kind)
        next(g)
        try:
            next(g)
        except StopIteration as stop:
            print(kind, "->", repr(stop.value))

    # a generator that never yields
    def empty():
        return "nothing"
        yield

    try:
        next(empty())
    except StopIteration as stop:
        print("empty generator value:", stop.value)

    # list(), sum(), and for-loops see the values but not the return
    def counted(n):
        for i in range(n):
            yield i * i
        return "ignored"

    print("list:", list(counted(6)), "sum:", sum(counted(100)))
    print("unpack:", *counted(4))
    a, b, *rest = counted(5)
    print("star-unpack:", a, b, rest)
    print("in:", 16 in counted(10), 17 in counted(10))


main()
