# Exceptions in hot loops and across many frames: thousands of raise/catch cycles, EAFP lookups, deep propagation, recursion limit.
import sys


def parse_all(tokens):
    ints = floats = bad = 0
    for tok in tokens:
        try:
            int(tok)
            ints += 1
        except ValueError:
            try:
                float(tok)
                floats += 1
            except ValueError:
                bad += 1
    return ints, floats, bad


def eafp_counts(words):
    counts = {}
    for w in words:
        try:
            counts[w] += 1
        except KeyError:
            counts[w] = 1
    return counts


def safe_div(a, b):
    try:
        return a // b
    except ZeroDivisionError:
        return None


def descend(n, exc_type):
    if n == 0:
        raise exc_type(f"raised at the bottom")
    return descend(n - 1, exc_type) + 1


def descend_with_finally(n, log):
    try:
        if n == 0:
            raise LookupError("bottom")
        descend_with_finally(n - 1, log)
    finally:
        log.append(n)


class Sentinel(Exception):
    pass


def early_exit_search(grid, target):
    # exceptions used for control flow out of nested loops
    try:
        for r, row in enumerate(grid):
            for c, v in enumerate(row):
                if v == target:
                    raise Sentinel(r, c)
    except Sentinel as s:
        return s.args
    return None


def main():
    tokens = [str(i) if i % 3 == 0 else f"{i}.5" if i % 3 == 1 else f"x{i}" for i in range(9000)]
    print("parse_all:", parse_all(tokens))
    words = ("alpha beta gamma delta alpha beta alpha " * 700).split()
    print("eafp counts:", sorted(eafp_counts(words).items()))
    print("safe_div:", sum(1 for i in range(10000) if safe_div(i, i % 4) is None))

    caught = 0
    for i in range(300):
        try:
            descend(30, KeyError if i % 2 else IndexError)
        except LookupError as e:
            caught += 1
            tb_len = 0
            tb = e.__traceback__
            while tb:
                tb_len += 1
                tb = tb.tb_next
    print("deep raises caught:", caught, "frames in last traceback:", tb_len)

    log = []
    try:
        descend_with_finally(12, log)
    except LookupError:
        pass
    print("finally order while unwinding:", log)

    grid = [[r * 100 + c for c in range(100)] for r in range(100)]
    print("early exit search:", [early_exit_search(grid, t) for t in (0, 4242, 9999, -1)])

    print("-- attribute and index errors in a loop")
    objs = [object(), [], {}, "s", 3, None] * 500
    kinds = {}
    for o in objs:
        try:
            o.missing_attribute
        except AttributeError as e:
            kinds[type(o).__name__] = str(e)
    for k in sorted(kinds):
        print(f"  {k}: {kinds[k]}")
    misses = 0
    data = list(range(10))
    for i in range(20000):
        try:
            data[i % 15]
        except IndexError:
            misses += 1
    print("  index misses:", misses)

    print("-- recursion limit")
    old = sys.getrecursionlimit()
    sys.setrecursionlimit(200)
    try:
        def forever(n):
            return forever(n + 1) + 1
        try:
            forever(0)
        except RecursionError as e:
            print("  RecursionError:", e)
        # recovered: the stack is usable again
        print("  after recovery:", descend_caught(50))
    finally:
        sys.setrecursionlimit(old)

    print("-- exception objects created but not raised")
    made = [ValueError(i) for i in range(5000)]
    print("  made:", len(made), "last args:", made[-1].args)

    print("-- try/except inside comprehension via helper")
    print("  ", [safe_div(100, d) for d in range(-3, 4)])


def descend_caught(n):
    try:
        return descend(n, KeyError)
    except KeyError as e:
        return f"caught {e!r}"


main()
