# Exceptions inside hot loops: raised by the loop body, by builtins (int('x'), [].pop(), {}[k]), caught in the same iteration or outside the loop, chained with raise ... from ..., implicit __context__, finally blocks inside loops with break/continue/return, and tracebacks' line numbers.
import traceback


class Stop(Exception):
    pass


def parse_all(tokens):
    good = 0
    bad = []
    for t in tokens:
        try:
            good += int(t)
        except ValueError as e:
            bad.append(str(e))
    return good, bad


def raise_in_body(n, at):
    acc = 0
    try:
        for i in range(n):
            acc += i
            if i == at:
                raise Stop(f"stop at {i}", acc)
    except Stop as e:
        return e.args
    return "no stop", acc


def chained(n):
    out = []
    for i in range(n):
        try:
            try:
                {}[i]
            except KeyError as e:
                raise ValueError(f"wrapped {i}") from e
        except ValueError as e:
            out.append((str(e), type(e.__cause__).__name__, e.__cause__.args, e.__suppress_context__))
    return out[0], out[-1], len(out)


def implicit_context(n):
    out = []
    for i in range(n):
        try:
            try:
                1 // (i - i)
            except ZeroDivisionError:
                [].pop()
        except IndexError as e:
            out.append((str(e), type(e.__context__).__name__, e.__cause__))
    return out[-1], len(out)


def finally_in_loop(n):
    log = []
    for i in range(n):
        try:
            if i % 4 == 0:
                continue
            if i == 9:
                break
            log.append(i)
        finally:
            log.append(-i)
    return log


def finally_return(n):
    log = []

    def inner():
        for i in range(n):
            try:
                if i == 5:
                    return i
            finally:
                log.append(i)
        return None

    return inner(), log


def finally_exception(n):
    log = []
    try:
        for i in range(n):
            try:
                if i == 6:
                    raise KeyError(i)
            finally:
                log.append(i)
    except KeyError as e:
        log.append(("caught", e.args))
    return log


def reraise_count(n):
    caught = 0
    for i in range(n):
        try:
            try:
                raise OSError(i, "fake")
            except OSError:
                if i % 2:
                    raise
        except OSError as e:
            caught += e.errno
    return caught


def exception_vars(n):
    # the 'as' name is deleted at the end of the except block
    e = "before"
    for i in range(n):
        try:
            raise ValueError(i)
        except ValueError as e:
            last = e.args[0]
    try:
        e
        state = "bound"
    except UnboundLocalError as err:
        state = str(err)
    return last, state


def traceback_lines():
    rows = []
    for i in range(5):
        try:
            [1, 2][i]
        except IndexError as e:
            tb = traceback.extract_tb(e.__traceback__)
            rows.append((i, tb[-1].name, tb[-1].lineno - traceback_lines.__code__.co_firstlineno))
    return rows


def builtin_errors():
    msgs = []
    ops = [
        lambda: int("x"),
        lambda: float("y"),
        lambda: [].pop(),
        lambda: {}["k"],
        lambda: (1).bad,
        lambda: None + 1,
        lambda: "a" * "b",
        lambda: list(range(3))[9],
        lambda: int("99999999999999999999999") // 0,
        lambda: next(iter([])),
    ]
    for rnd in range(3):
        for op in ops:
            try:
                op()
            except Exception as e:
                if rnd == 2:
                    msgs.append(f"{type(e).__name__}: {e}")
    return msgs


def exception_group_in_loop(n):
    counts = {"ValueError": 0, "TypeError": 0}
    for i in range(n):
        try:
            raise ExceptionGroup("g", [ValueError(i), TypeError(i)] if i % 2 else [ValueError(i)])
        except* ValueError as eg:
            counts["ValueError"] += len(eg.exceptions)
        except* TypeError as eg:
            counts["TypeError"] += len(eg.exceptions)
    return counts


def main():
    print("parse_all:", parse_all(["1", "2", "3", "x", "4", "5.5", "", "-6", " 7 ", "0x1"]))
    for at in (-1, 0, 1, 2, 50, 99):
        print("raise_in_body", at, raise_in_body(100, at))
    print("chained:", chained(30))
    print("implicit_context:", implicit_context(30))
    print("finally_in_loop:", finally_in_loop(20))
    print("finally_return:", finally_return(10), finally_return(3))
    print("finally_exception:", finally_exception(10))
    print("reraise_count:", reraise_count(40))
    print("exception_vars:", exception_vars(10))
    print("traceback_lines:", traceback_lines())
    for m in builtin_errors():
        print("builtin:", m)
    print("exception_group:", exception_group_in_loop(20))

    # exceptions in a module-level loop, printed with the traceback module
    for k in range(4):
        try:
            if k == 3:
                raise RuntimeError("third") from KeyError("cause")
        except RuntimeError:
            text = traceback.format_exc()
            print("format_exc lines:", len(text.splitlines()), text.splitlines()[-1])


main()
