# Bare raise and re-raise: inside except, in helper functions called from handlers, after nested handlers, in generators; "No active exception".
import sys


def reraiser():
    # bare raise in a function called from an except block re-raises the handled exception
    raise


def handle_and_reraise(exc_factory):
    try:
        raise exc_factory()
    except Exception as e:
        print(f"  handling {type(e).__name__}, re-raising with bare raise")
        raise


def main():
    print("-- bare raise inside except")
    try:
        handle_and_reraise(lambda: KeyError("k1"))
    except KeyError as e:
        print("  outer got", repr(e), "| traceback depth:", _tb_depth(e.__traceback__))

    print("-- bare raise from a helper called in the handler")
    try:
        try:
            raise ValueError("helper")
        except ValueError:
            reraiser()
    except ValueError as e:
        print("  got", repr(e))

    print("-- bare raise with no active exception")
    try:
        reraiser()
    except RuntimeError as e:
        print("  RuntimeError:", e)

    print("-- bare raise after a nested handler finished re-raises the outer one")
    try:
        try:
            raise TypeError("outer")
        except TypeError:
            try:
                raise IndexError("inner")
            except IndexError:
                pass
            raise
    except TypeError as e:
        print("  got", repr(e))

    print("-- bare raise inside a nested handler re-raises the inner one")
    try:
        try:
            raise TypeError("outer2")
        except TypeError:
            try:
                raise IndexError("inner2")
            except IndexError:
                raise
    except IndexError as e:
        print("  got", repr(e), "context", repr(e.__context__))

    print("-- re-raise a stored exception later")
    saved = None
    try:
        1 / 0
    except ZeroDivisionError as e:
        saved = e
    try:
        raise saved
    except ZeroDivisionError as e:
        print("  re-raised stored:", e, "| same object:", e is saved, "| tb frames:", _tb_depth(e.__traceback__))

    print("-- raise with_traceback(None) drops old frames")
    try:
        try:
            handle_and_reraise(lambda: OSError("tb"))
        except OSError as e:
            raise e.with_traceback(None)
    except OSError as e:
        print("  frames after with_traceback(None):", _tb_depth(e.__traceback__))

    print("-- raise a class instead of an instance")
    try:
        raise LookupError
    except LookupError as e:
        print("  instance created:", repr(e), "args:", e.args)

    print("-- raising non-exceptions")
    for bad in (42, "text", object, None):
        try:
            raise bad
        except TypeError as e:
            print(f"  raise {type(bad).__name__}: TypeError: {e}")

    class NoInit(Exception):
        def __init__(self):
            raise ValueError("constructor failed")

    try:
        raise NoInit
    except ValueError as e:
        print("  exception whose constructor fails:", e)

    print("-- bare raise inside a generator resumed from a handler")

    def gen():
        try:
            yield "first"
        except RuntimeError:
            yield "caught thrown"
            raise

    g = gen()
    next(g)
    print(" ", g.throw(RuntimeError("thrown")))
    try:
        next(g)
    except RuntimeError as e:
        print("  bare raise after yield re-raised:", e)

    print("-- sys.exc_info in a handler versus after re-raise")
    try:
        try:
            raise EOFError("eof")
        except EOFError:
            print("  inside:", sys.exc_info()[0].__name__)
            raise
    except EOFError:
        print("  outer handler:", sys.exc_info()[0].__name__)
    print("  after:", sys.exc_info())

    print("-- re-raising in a loop keeps a single traceback growing per frame")
    def level(n):
        try:
            if n == 0:
                raise ArithmeticError("base")
            level(n - 1)
        except ArithmeticError:
            raise

    try:
        level(20)
    except ArithmeticError as e:
        print("  traceback depth:", _tb_depth(e.__traceback__))

    print("-- hot loop: catch and re-raise 5000 times")
    caught = 0
    for i in range(5000):
        try:
            try:
                raise KeyError(i)
            except KeyError:
                raise
        except KeyError as e:
            caught += e.args[0] % 7
    print("  checksum:", caught)


def _tb_depth(tb):
    n = 0
    while tb is not None:
        n += 1
        tb = tb.tb_next
    return n


main()
