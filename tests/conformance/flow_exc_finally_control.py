# return/break/continue inside finally: overriding returns, swallowing in-flight exceptions, nested finally ordering, with-blocks in loops.


def return_overrides_return():
    try:
        return "try"
    finally:
        return "finally"


def return_swallows_exception():
    try:
        raise ValueError("lost")
    finally:
        return "finally swallowed ValueError"


def return_swallows_from_except():
    try:
        raise KeyError("first")
    except KeyError:
        raise TypeError("second")
    finally:
        return "finally swallowed TypeError raised in except"


def break_swallows():
    log = []
    for i in range(5):
        try:
            log.append(i)
            if i == 2:
                raise RuntimeError(i)
        finally:
            if i == 2:
                break
    return log


def continue_swallows():
    log = []
    for i in range(4):
        try:
            if i % 2:
                raise LookupError(i)
            log.append(f"ok{i}")
        finally:
            log.append(f"fin{i}")
            continue
    return log


def finally_sees_return_value():
    result = []
    def f():
        try:
            result.append("try")
            return result
        finally:
            result.append("finally mutates returned list")
    return f()


def nested_finally_order():
    log = []

    def f():
        try:
            try:
                try:
                    return "inner"
                finally:
                    log.append("f1")
            finally:
                log.append("f2")
                # no return here: the pending return continues
        finally:
            log.append("f3")

    return f(), log


def return_in_finally_inside_loop():
    out = []

    def f(n):
        for i in range(n):
            try:
                if i == 3:
                    return f"returned at {i}"
            finally:
                out.append(i)
                if i == 1:
                    continue
        return "loop done"

    return f(10), f(2), out


def finally_replaces_exception():
    try:
        try:
            raise ValueError("original")
        finally:
            raise KeyError("from finally")
    except KeyError as exc:
        return f"{exc!r} context={exc.__context__!r}"


def break_out_of_with():
    log = []

    class CM:
        def __init__(self, i):
            self.i = i

        def __enter__(self):
            log.append(f"enter{self.i}")

        def __exit__(self, *exc):
            log.append(f"exit{self.i}")

    for i in range(5):
        with CM(i):
            if i == 1:
                continue
            if i == 3:
                break
            log.append(f"body{i}")
    return log


def generator_with_finally_return():
    def g():
        try:
            yield 1
            yield 2
        finally:
            return "gen finally return"

    gen = g()
    first = next(gen)
    try:
        gen.throw(ValueError("swallowed by finally return"))
    except StopIteration as stop:
        return first, stop.value


def while_true_finally():
    count = 0
    while True:
        try:
            count += 1
            if count < 1000:
                continue
            break
        finally:
            count += 1
    return count


def try_in_finally_in_except():
    log = []
    try:
        raise ValueError("a")
    except ValueError:
        try:
            log.append("inner try")
            raise TypeError("b")
        except TypeError as e:
            log.append(f"inner caught {e} context={e.__context__!r}")
        finally:
            log.append("inner finally")
    finally:
        log.append("outer finally")
    return log


for fn in (return_overrides_return, return_swallows_exception, return_swallows_from_except,
           break_swallows, continue_swallows, finally_sees_return_value, nested_finally_order,
           return_in_finally_inside_loop, finally_replaces_exception, break_out_of_with,
           generator_with_finally_return, while_true_finally, try_in_finally_in_except):
    print(f"{fn.__name__}: {fn()}")
