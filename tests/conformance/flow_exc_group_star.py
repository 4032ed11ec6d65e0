# ExceptionGroup and except*: split/subgroup/derive, nested groups, partial handling and re-raise, raising inside except*, naked exceptions.
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(text):
    return text.replace(HERE, "")


def shape(exc):
    if isinstance(exc, BaseExceptionGroup):
        return f"{type(exc).__name__}({exc.message!r}, [{', '.join(shape(e) for e in exc.exceptions)}])"
    return f"{type(exc).__name__}({', '.join(map(repr, exc.args))})"


class MyGroup(ExceptionGroup):
    def derive(self, excs):
        g = MyGroup(self.message + "*", excs)
        g.tag = getattr(self, "tag", None)
        return g


def build():
    return ExceptionGroup("top", [
        ValueError("v1"),
        TypeError("t1"),
        ExceptionGroup("nested", [ValueError("v2"), KeyError("k1")]),
        OSError("o1"),
    ])


def demo_api():
    print("-- construction, split, subgroup")
    eg = build()
    print("str:", str(eg), "| repr:", repr(eg))
    print("shape:", shape(eg))
    match, rest = eg.split(ValueError)
    print("split ValueError:", shape(match), "| rest:", shape(rest))
    print("subgroup LookupError:", shape(eg.subgroup(LookupError)))
    print("subgroup predicate:", shape(eg.subgroup(lambda e: isinstance(e, Exception) and "1" in str(e.args))))
    print("subgroup no match:", eg.subgroup(ZeroDivisionError))
    print("split whole group by predicate:", eg.split(lambda e: e is eg)[0] is eg)
    print("type of ExceptionGroup with base exceptions:", type(BaseExceptionGroup("b", [KeyboardInterrupt()])).__name__)
    print("BaseExceptionGroup of Exceptions becomes:", type(BaseExceptionGroup("b", [ValueError()])).__name__)
    for bad in (lambda: ExceptionGroup("x", []), lambda: ExceptionGroup("x", [1]),
                lambda: ExceptionGroup("x", [KeyboardInterrupt()]), lambda: ExceptionGroup(1, [ValueError()])):
        try:
            bad()
        except (TypeError, ValueError) as exc:
            print(f"  {type(exc).__name__}: {exc}")
    mg = MyGroup("mine", [ValueError("a"), TypeError("b")])
    mg.tag = "tagged"
    m, r = mg.split(TypeError)
    print("custom derive:", type(m).__name__, m.message, m.tag, "| rest:", type(r).__name__, r.message)


def demo_except_star():
    print("-- except* handles every matching leaf, in clause order")
    try:
        raise build()
    except* ValueError as eg:
        print("ValueError clause:", shape(eg))
    except* LookupError as eg:
        print("LookupError clause:", shape(eg))
    except* (TypeError, OSError) as eg:
        print("tuple clause:", shape(eg))

    print("-- unhandled parts are re-raised as a group")
    try:
        try:
            raise build()
        except* TypeError as eg:
            print("handled:", shape(eg))
    except ExceptionGroup as rest:
        print("re-raised remainder:", shape(rest))

    print("-- naked exception gets wrapped")
    try:
        raise KeyError("naked")
    except* KeyError as eg:
        print("wrapped:", shape(eg), "| message:", repr(eg.message))

    print("-- naked exception not matched propagates unwrapped")
    try:
        try:
            raise IndexError("naked-unmatched")
        except* KeyError:
            print("not here")
    except IndexError as e:
        print("propagated as is:", repr(e))

    print("-- raising a new exception inside except*")
    try:
        try:
            raise ExceptionGroup("src", [ValueError("a"), TypeError("b")])
        except* ValueError:
            raise RuntimeError("new from handler")
    except ExceptionGroup as eg:
        print("result:", shape(eg))
        for sub in eg.exceptions:
            ctx = sub.__context__
            print("  member", shape(sub), "context:", shape(ctx) if ctx else None)

    print("-- bare raise inside except* re-raises the matched part")
    try:
        try:
            raise ExceptionGroup("src2", [ValueError("a"), TypeError("b"), ValueError("c")])
        except* ValueError:
            raise
        except* TypeError:
            pass
    except ExceptionGroup as eg:
        print("result:", shape(eg))

    print("-- raise from inside except*")
    try:
        try:
            raise ExceptionGroup("src3", [OSError("disk")])
        except* OSError as eg:
            raise ConnectionError("wrapped") from eg
    except ConnectionError as outer:
        print("single new exception propagates unwrapped:", shape(outer), "| cause:", shape(outer.__cause__))

    print("-- else and finally with except*")
    for payload in (None, ExceptionGroup("g", [ValueError()])):
        log = []
        try:
            if payload:
                raise payload
            log.append("body ok")
        except* ValueError:
            log.append("except*")
        else:
            log.append("else")
        finally:
            log.append("finally")
        print(" ", log)

    print("-- except* with a group of groups, matched only deep down")
    eg = ExceptionGroup("L0", [ExceptionGroup("L1", [ExceptionGroup("L2", [ZeroDivisionError("deep")])]), NameError("n")])
    try:
        try:
            raise eg
        except* ArithmeticError as matched:
            print("matched keeps structure:", shape(matched))
    except* NameError as remainder:
        print("outer except* remainder:", shape(remainder))

    print("-- except* in a loop")
    counts = {"v": 0, "t": 0}
    for i in range(2000):
        try:
            excs = [ValueError(i)] if i % 2 else [TypeError(i), ValueError(i)]
            raise ExceptionGroup("loop", excs)
        except* ValueError:
            counts["v"] += 1
        except* TypeError:
            counts["t"] += 1
    print(" ", counts)

    print("-- formatted group traceback")
    try:
        try:
            raise ExceptionGroup("fmt", [ValueError("x"), KeyError("y")])
        except* ValueError:
            raise TypeError("inside handler")
    except ExceptionGroup as eg:
        print(clean("".join(traceback.format_exception(eg))), end="")


def demo_invalid():
    print("-- except* with an ExceptionGroup type is a runtime TypeError")
    try:
        try:
            raise ExceptionGroup("g", [ValueError()])
        except* ExceptionGroup:
            pass
    except TypeError as e:
        print("TypeError:", e)
    src = "try:\n    pass\nexcept* ValueError:\n    break\n"
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)
    src = "try:\n    pass\nexcept *ValueError:\n    pass\nexcept KeyError:\n    pass\n"
    try:
        compile(src, "<s>", "exec")
    except SyntaxError as e:
        print("SyntaxError:", e.msg)


demo_api()
demo_except_star()
demo_invalid()
