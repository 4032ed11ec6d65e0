# Exception chaining: implicit __context__, raise X from Y, from None, __suppress_context__, cycles, formatted chains via traceback.
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(text):
    return text.replace(HERE, "")


def describe(exc, depth=0):
    pad = "  " * depth
    print(f"{pad}{type(exc).__name__}({', '.join(map(repr, exc.args))}) "
          f"cause={type(exc.__cause__).__name__ if exc.__cause__ else None} "
          f"context={type(exc.__context__).__name__ if exc.__context__ else None} "
          f"suppress={exc.__suppress_context__}")


def implicit():
    try:
        {}["missing"]
    except KeyError:
        int("not a number")


def explicit():
    try:
        [][3]
    except IndexError as e:
        raise LookupError("lookup failed") from e


def suppressed():
    try:
        1 / 0
    except ZeroDivisionError:
        raise ValueError("clean message") from None


def cause_unrelated():
    err = OSError("unrelated cause")
    raise RuntimeError("with unrelated cause") from err


def three_levels():
    try:
        try:
            raise ValueError("level 1")
        except ValueError as e1:
            raise TypeError("level 2") from e1
    except TypeError:
        raise KeyError("level 3")


def from_class():
    raise RuntimeError("cause given as class") from ConnectionError


def main():
    for fn in (implicit, explicit, suppressed, cause_unrelated, three_levels, from_class):
        print(f"== {fn.__name__}")
        try:
            fn()
        except Exception as exc:
            describe(exc)
            chain = exc
            depth = 0
            while True:
                nxt = chain.__cause__ or (None if chain.__suppress_context__ else chain.__context__)
                if nxt is None:
                    break
                depth += 1
                describe(nxt, depth)
                chain = nxt
            print(clean("".join(traceback.format_exception(exc))), end="")
            print("-- chain=False:")
            print(clean("".join(traceback.format_exception(exc, chain=False))), end="")

    print("== setting attributes by hand")
    e = ValueError("manual")
    e.__cause__ = KeyError("manual cause")
    print("suppress after setting __cause__ by hand:", e.__suppress_context__)
    e.__suppress_context__ = False
    e.__context__ = IndexError("manual context")
    print(clean("".join(traceback.format_exception(e))), end="")
    try:
        e.__cause__ = "not an exception"
    except TypeError as exc:
        print("TypeError:", exc)

    print("== raise from inside finally sets context")
    try:
        try:
            raise ValueError("in try")
        finally:
            raise RuntimeError("in finally")
    except RuntimeError as exc:
        describe(exc)

    print("== re-raising an earlier exception inside another handler updates its context")
    try:
        try:
            raise KeyError("first")
        except KeyError as k:
            try:
                raise ValueError("second")
            except ValueError:
                raise k
    except KeyError as exc:
        describe(exc)

    print("== context cycle is broken")
    try:
        try:
            raise ValueError("A")
        except ValueError as a:
            try:
                raise TypeError("B")
            except TypeError as b:
                a.__context__ = b
                raise a
    except ValueError as exc:
        print("A.context:", repr(exc.__context__), "| B.context:", repr(exc.__context__.__context__))

    print("== exception in a generator chained with the caller's handled exception")

    def gen():
        yield 1
        raise IndexError("gen error")

    g = gen()
    next(g)
    try:
        try:
            raise OSError("caller")
        except OSError:
            next(g)
    except IndexError as exc:
        describe(exc)


main()
