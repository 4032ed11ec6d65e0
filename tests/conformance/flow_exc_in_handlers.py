# Exceptions raised inside except/else/finally blocks and inside except-clause expressions; deeply nested handlers and their unwinding order.


def describe(exc):
    parts = []
    while exc is not None:
        parts.append(f"{type(exc).__name__}({exc})")
        exc = exc.__cause__ or exc.__context__
    return " <- ".join(parts)


def raise_in_except():
    try:
        raise ValueError("original")
    except ValueError:
        raise KeyError("from except")


def raise_in_finally_no_exc():
    try:
        pass
    finally:
        raise IndexError("from finally with nothing pending")


def raise_in_finally_over_exc():
    try:
        raise ValueError("pending")
    finally:
        raise IndexError("from finally over pending")


def raise_in_except_and_finally():
    try:
        raise ValueError("v")
    except ValueError:
        raise TypeError("t")
    finally:
        raise OSError("o")


def raise_in_else():
    try:
        pass
    except Exception:
        pass
    else:
        raise NameError("from else")


def bad_except_expression():
    def which():
        raise LookupError("while evaluating the except expression")

    try:
        raise ValueError("body")
    except which():
        pass


def except_expression_not_reached():
    def which():
        raise AssertionError("should never be evaluated")

    try:
        return "no exception, except expression not evaluated"
    except which():
        pass


def handler_order_nested(depth):
    log = []

    def level(n):
        try:
            if n == depth:
                raise RuntimeError(f"at depth {n}")
            level(n + 1)
        except RuntimeError as e:
            log.append(f"except@{n}")
            if n % 2 == 0:
                raise RuntimeError(f"re-raised from {n}") from e
            raise
        finally:
            log.append(f"finally@{n}")

    try:
        level(0)
    except RuntimeError as e:
        log.append(f"top: {e}")
        chain_len = 0
        while e is not None:
            chain_len += 1
            e = e.__cause__
        log.append(f"cause chain length {chain_len}")
    return log


def exception_inside_nested_handlers():
    log = []
    try:
        try:
            try:
                raise ValueError(1)
            except ValueError as a:
                log.append(f"h1 {a!r}")
                try:
                    raise TypeError(2)
                except TypeError as b:
                    log.append(f"h2 {b!r} ctx={b.__context__!r}")
                    raise KeyError(3)
        except KeyError as c:
            log.append(f"h3 {c!r} ctx={c.__context__!r} ctxctx={c.__context__.__context__!r}")
            raise
    except KeyError as d:
        log.append(f"top {d!r}")
    return log


def handled_then_new_raise_in_loop():
    results = []
    for i in range(6):
        try:
            try:
                if i % 2:
                    raise ValueError(i)
                results.append(f"ok{i}")
            except ValueError:
                if i % 3 == 0:
                    raise TypeError(f"converted {i}")
                results.append(f"handled{i}")
        except TypeError as e:
            results.append(f"outer:{e}")
    return results


def main():
    for fn in (raise_in_except, raise_in_finally_no_exc, raise_in_finally_over_exc,
               raise_in_except_and_finally, raise_in_else, bad_except_expression,
               except_expression_not_reached):
        try:
            r = fn()
            print(f"{fn.__name__}: returned {r!r}")
        except Exception as e:
            print(f"{fn.__name__}: {describe(e)}")
    print("handler_order_nested:", handler_order_nested(5))
    print("exception_inside_nested_handlers:")
    for line in exception_inside_nested_handlers():
        print("  ", line)
    print("handled_then_new_raise_in_loop:", handled_then_new_raise_in_loop())


main()
