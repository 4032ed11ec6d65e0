# PEP 479: StopIteration raised inside generators becomes RuntimeError; StopIteration in plain code, next() defaults, async generator variant.
import asyncio


def leaky(it):
    while True:
        yield next(it)  # StopIteration here -> RuntimeError


def explicit():
    yield 1
    raise StopIteration("explicit stop")


def subclass():
    class MyStop(StopIteration):
        pass

    yield "a"
    raise MyStop("sub")


def via_function():
    def helper():
        raise StopIteration(42)

    yield "before"
    helper()
    yield "unreachable"


def main():
    for maker in (lambda: leaky(iter([1, 2])), explicit, subclass, via_function):
        g = maker()
        got = []
        try:
            for x in g:
                got.append(x)
        except RuntimeError as exc:
            cause = exc.__cause__
            print(f"{g.__name__}: got {got}; RuntimeError: {exc}")
            print(f"   cause: {type(cause).__name__}{cause.args} suppress_context={exc.__suppress_context__}")
            print(f"   context is cause: {exc.__context__ is cause}")

    # catching StopIteration inside the generator is fine
    def careful(it):
        while True:
            try:
                v = next(it)
            except StopIteration:
                return "clean end"
            yield v * 2

    g = careful(iter(range(4)))
    print("careful:", list(g))
    try:
        next(g)
    except StopIteration as stop:
        print("careful exhausted again, value:", stop.value)

    # generator expression: StopIteration in the element expression
    def boom(x):
        if x == 2:
            raise StopIteration("in genexpr")
        return x

    try:
        print(list(boom(x) for x in range(5)))
    except RuntimeError as exc:
        print("genexpr RuntimeError:", exc, "| cause:", repr(exc.__cause__))

    # list comprehension is NOT a generator: StopIteration propagates as is
    try:
        print([boom(x) for x in range(5)])
    except StopIteration as exc:
        print("listcomp StopIteration:", exc)

    # map() with a function that raises StopIteration silently truncates
    print("map truncated:", list(map(boom, range(5))))

    # next() with default
    it = iter([])
    print("next default:", next(it, "dflt"))
    try:
        next(it)
    except StopIteration as exc:
        print("bare next on empty: StopIteration args", exc.args)

    # StopIteration thrown into a generator
    def receiver():
        try:
            yield 1
        except StopIteration as exc:
            print("  receiver caught thrown StopIteration", exc.args)
            yield 2
        yield 3

    g = receiver()
    next(g)
    print("after throw:", g.throw(StopIteration("thrown")))

    def nonreceiver():
        yield 1
        yield 2

    g = nonreceiver()
    next(g)
    try:
        g.throw(StopIteration("thrown-uncaught"))
    except RuntimeError as exc:
        print("uncaught thrown StopIteration ->", exc, "| cause:", repr(exc.__cause__))

    # async generators: StopAsyncIteration raised inside -> RuntimeError
    async def agen():
        yield 1
        raise StopAsyncIteration("inside agen")

    async def agen_stopiter():
        yield 1
        raise StopIteration("sync stop in agen")

    async def consume(factory):
        out = []
        try:
            async for v in factory():
                out.append(v)
        except RuntimeError as exc:
            return f"{out} RuntimeError: {exc} (cause {type(exc.__cause__).__name__})"
        return f"{out} no error"

    print("agen:", asyncio.run(consume(agen)))
    print("agen stopiter:", asyncio.run(consume(agen_stopiter)))

    # coroutine raising StopIteration
    async def coro():
        raise StopIteration("in coroutine")

    c = coro()
    try:
        c.send(None)
    except RuntimeError as exc:
        print("coroutine:", exc, "| cause:", repr(exc.__cause__))


main()
