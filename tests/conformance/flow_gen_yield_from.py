# yield from delegation: values, send/throw/close forwarding, return values, gi_yieldfrom, nested delegation, non-generator iterables.
import inspect


def leaf(name, n):
    print(f"    {name}: start")
    got = []
    try:
        for i in range(n):
            try:
                x = yield f"{name}-{i}"
            except ArithmeticError as exc:
                print(f"    {name}: handled {type(exc).__name__}: {exc}")
                x = "recovered"
            got.append(x)
    except GeneratorExit:
        print(f"    {name}: GeneratorExit, got so far {got}")
        raise
    finally:
        print(f"    {name}: finally")
    return (name, got)


def middle(name):
    print(f"  {name}: start")
    r1 = yield from leaf(name + ".a", 2)
    print(f"  {name}: first leaf returned {r1}")
    r2 = yield from leaf(name + ".b", 2)
    print(f"  {name}: second leaf returned {r2}")
    return [r1, r2]


def top():
    result = yield from middle("m")
    print("top: middle returned", result)
    more = yield from [100, 200]  # list: GET_YIELD_FROM_ITER path
    print("top: list delegation result", more)
    tup = yield from (c for c in "xy")
    print("top: genexp delegation result", tup)
    return "top-done"


def chain_view(g):
    names = []
    while g is not None:
        names.append(getattr(g, "__name__", type(g).__name__))
        g = getattr(g, "gi_yieldfrom", None)
    return " -> ".join(names)


def run_send():
    print("== send forwarding ==")
    g = top()
    value = next(g)
    step = 0
    while True:
        print(f"got {value!r}; chain: {chain_view(g)}")
        step += 1
        inner = g
        while getattr(inner, "gi_yieldfrom", None) is not None:
            inner = inner.gi_yieldfrom
        to_send = f"s{step}" if inspect.isgenerator(inner) and inner is not g else None
        try:
            value = g.send(to_send)
        except StopIteration as stop:
            print("final value:", stop.value)
            break


def run_throw():
    print("== throw forwarding ==")
    g = top()
    print(next(g))
    print(g.throw(ZeroDivisionError("div")))  # handled in leaf
    print(g.send("after-div"))
    try:
        g.throw(KeyError("not arithmetic"))
    except KeyError as exc:
        print("KeyError escaped all levels:", exc)
    print("state:", inspect.getgeneratorstate(g))


def run_close():
    print("== close forwarding ==")
    g = top()
    print(next(g))
    print(g.send("one"))
    print("chain at close:", chain_view(g))
    g.close()
    print("state:", inspect.getgeneratorstate(g))


class Plain:
    """Iterator without send/throw: yield from must still work."""

    def __init__(self, n):
        self.i = 0
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.i >= self.n:
            raise StopIteration("plain-result")
        self.i += 1
        return self.i * 10


def run_plain():
    print("== delegating to plain iterator ==")

    def deleg():
        r = yield from Plain(3)
        print("plain iterator returned", repr(r))
        return r

    g = deleg()
    print(next(g), g.send(None), next(g))
    try:
        g.send(None)
    except StopIteration as stop:
        print("stop:", stop.value)

    # send non-None to a plain iterator through yield from -> AttributeError
    g = deleg()
    next(g)
    try:
        g.send("x")
    except AttributeError as exc:
        print("AttributeError:", exc)

    # throw into plain iterator: raised at the yield from point
    g = deleg()
    next(g)
    try:
        g.throw(RuntimeError("into plain"))
    except RuntimeError as exc:
        print("RuntimeError:", exc)


def run_errors():
    print("== yield from non-iterable ==")

    def bad():
        yield from 42

    try:
        next(bad())
    except TypeError as exc:
        print("TypeError:", exc)

    def bad_coroutine_source():
        async def c():
            return 1
        co = c()
        try:
            yield from co
        finally:
            co.close()

    try:
        next(bad_coroutine_source())
    except TypeError as exc:
        print("TypeError:", exc)


def flatten(obj, depth=0):
    if isinstance(obj, (list, tuple)):
        count = 0
        for item in obj:
            count += yield from flatten(item, depth + 1)
        return count
    yield (depth, obj)
    return 1


def run_recursive():
    print("== recursive delegation ==")
    data = [1, [2, 3, [4, [5, 6]], (7,)], [[[[8]]]], 9]
    g = flatten(data)
    items = []
    while True:
        try:
            items.append(next(g))
        except StopIteration as stop:
            print("leaf count:", stop.value)
            break
    print(items)

    def deep(n):
        if n == 0:
            yield "bottom"
            return 0
        r = yield from deep(n - 1)
        return r + 1

    g = deep(150)
    print(next(g))
    depth = 0
    node = g
    while node.gi_yieldfrom is not None:
        node = node.gi_yieldfrom
        depth += 1
    print("gi_yieldfrom chain length:", depth)
    try:
        next(g)
    except StopIteration as stop:
        print("deep return:", stop.value)


def run_close_return():
    print("== subgenerator returns during close / throw ==")

    def stubborn():
        try:
            yield 1
        except GeneratorExit:
            print("  stubborn: got GeneratorExit, returning normally")
            return "swallowed"

    def outer():
        r = yield from stubborn()
        print("  outer: not reached?", r)
        yield 2

    g = outer()
    next(g)
    g.close()
    print("closed ok:", inspect.getgeneratorstate(g))

    def converter():
        try:
            yield 1
        except ValueError:
            return "converted"

    def outer2():
        r = yield from converter()
        print("  outer2: subgenerator returned", r)
        yield "outer2-continues"

    g = outer2()
    next(g)
    print(g.throw(ValueError))


run_send()
run_throw()
run_close()
run_plain()
run_errors()
run_recursive()
run_close_return()
