# sys.exc_info()/sys.exception() stacking across nested handlers, generators suspended inside except blocks, and throw().
import sys


def cur():
    et, ev, tb = sys.exc_info()
    return "none" if et is None else f"{et.__name__}({ev})"


def gen_in_handler():
    print("  gen start:", cur())
    try:
        raise KeyError("gen-key")
    except KeyError:
        print("  gen in handler:", cur())
        yield "suspended-in-handler"
        print("  gen resumed in handler:", cur())
        yield "still-in-handler"
    print("  gen after handler:", cur())
    yield "after"


def demo_generator_isolation():
    print("-- a generator suspended inside its except block")
    g = gen_in_handler()
    print("caller before:", cur())
    print(next(g))
    print("caller after first yield:", cur())
    try:
        raise ValueError("caller-val")
    except ValueError:
        print("caller in own handler:", cur())
        print(next(g))
        print("caller back in own handler:", cur())
    print(next(g))
    print("caller end:", cur())


def demo_nested_handlers():
    print("-- nested handlers restore the outer exception")
    try:
        raise TypeError("outer")
    except TypeError:
        print("level1:", cur())
        try:
            raise IndexError("inner")
        except IndexError:
            print("level2:", cur())
            try:
                raise NameError("innermost")
            except NameError:
                print("level3:", cur())
            print("back to level2:", cur())
        print("back to level1:", cur())
        print("sys.exception():", repr(sys.exception()) if hasattr(sys, "exception") else "n/a")
    print("outside:", cur())


def callee_sees():
    return cur()


def demo_callee_visibility():
    print("-- callees see the handled exception")
    try:
        1 / 0
    except ZeroDivisionError:
        print("callee sees:", callee_sees())

        def inner_gen():
            yield cur()

        print("fresh generator started in handler sees:", next(inner_gen()))
    print("callee outside:", callee_sees())


def demo_throw_context():
    print("-- exception thrown into a generator gets the caller's context")

    def catcher():
        while True:
            try:
                yield
            except Exception as exc:
                ctx = exc.__context__
                print("  catcher got", repr(exc), "context", repr(ctx), "| exc_info:", cur())

    g = catcher()
    next(g)
    g.throw(RuntimeError("no context"))
    try:
        raise OSError("caller problem")
    except OSError:
        g.throw(RuntimeError("with context"))
    g.close()


def demo_finally_and_return():
    print("-- exc_info inside finally and after return from handler")

    def f():
        try:
            raise LookupError("lk")
        except LookupError:
            return cur()
        finally:
            print("  finally sees:", cur())

    print("returned:", f(), "| now:", cur())

    def g():
        try:
            try:
                raise ValueError("v")
            finally:
                print("  finally during propagation sees:", cur())
        except ValueError:
            pass
        return cur()

    print("g:", g())


def demo_yield_from_state():
    print("-- exc_info through yield from")

    def inner():
        yield "inner:" + cur()
        try:
            raise AttributeError("in inner")
        except AttributeError:
            yield "inner-handler:" + cur()
        yield "inner-after:" + cur()

    def outer():
        try:
            raise EOFError("outer-eof")
        except EOFError:
            yield from inner()
        yield "outer-after:" + cur()

    for item in outer():
        print(" ", item, "| caller:", cur())


def demo_exception_variable_cleared():
    print("-- 'except ... as e' deletes e")
    e = "before"
    try:
        raise ValueError("x")
    except ValueError as e:
        print("  inside:", repr(e))
    try:
        print(e)
    except NameError as exc:
        print("  after handler:", exc)


demo_generator_isolation()
demo_nested_handlers()
demo_callee_visibility()
demo_throw_context()
demo_finally_and_return()
demo_yield_from_state()
demo_exception_variable_cleared()
