# try/except/else/finally in every combination, with and without exceptions, tracing the exact path taken and the values returned.


class Boom(Exception):
    pass


def trace_try(kind, raise_what):
    """kind selects which clauses exist; raise_what selects what the body raises."""
    path = []

    def body():
        path.append("body")
        if raise_what == "boom":
            raise Boom("b")
        if raise_what == "key":
            raise KeyError("k")
        return "body-value"

    try:
        if kind == "except":
            try:
                body()
            except Boom:
                path.append("except Boom")
        elif kind == "except-else":
            try:
                body()
            except Boom:
                path.append("except Boom")
            else:
                path.append("else")
        elif kind == "except-finally":
            try:
                body()
            except Boom:
                path.append("except Boom")
            finally:
                path.append("finally")
        elif kind == "except-else-finally":
            try:
                body()
            except Boom:
                path.append("except Boom")
            else:
                path.append("else")
            finally:
                path.append("finally")
        elif kind == "finally":
            try:
                body()
            finally:
                path.append("finally")
        elif kind == "multi-except":
            try:
                body()
            except KeyError as e:
                path.append(f"except KeyError {e}")
            except Boom as e:
                path.append(f"except Boom {e}")
            except Exception:
                path.append("except Exception")
        elif kind == "tuple-except":
            try:
                body()
            except (KeyError, Boom) as e:
                path.append(f"except tuple got {type(e).__name__}")
            else:
                path.append("else")
        elif kind == "bare-except":
            try:
                body()
            except:  # noqa: E722
                path.append("bare except")
            finally:
                path.append("finally")
    except Exception as outer:
        path.append(f"escaped {type(outer).__name__}")
    return path


def returns_through(kind):
    log = []

    def f():
        try:
            log.append("try")
            if kind == "return-in-try":
                return "from-try"
            if kind == "raise-in-try":
                raise Boom()
        except Boom:
            log.append("except")
            return "from-except"
        else:
            log.append("else")
            return "from-else"
        finally:
            log.append("finally")
        return "unreachable"

    result = f()
    return result, log


def else_raises():
    try:
        try:
            pass
        except ValueError:
            return "not here"
        else:
            raise ValueError("raised in else is not caught by sibling except")
    except ValueError as e:
        return f"outer caught: {e}"


def loops_with_try():
    out = []
    for i in range(6):
        try:
            if i == 1:
                continue
            if i == 4:
                break
            if i % 2:
                raise Boom(i)
            out.append(f"ok{i}")
        except Boom as e:
            out.append(f"boom{e}")
            continue
        else:
            out.append(f"else{i}")
        finally:
            out.append(f"fin{i}")
    else:
        out.append("loop-else")
    return out


def while_with_try():
    out = []
    n = 0
    while n < 5:
        n += 1
        try:
            if n == 3:
                raise KeyError(n)
        except KeyError:
            out.append(f"k{n}")
            continue
        finally:
            out.append(f"f{n}")
        out.append(f"b{n}")
    else:
        out.append("while-else")
    return out


def nested_depth(n):
    if n == 0:
        raise Boom("bottom")
    try:
        nested_depth(n - 1)
    except Boom as e:
        raise Boom(f"{e}<{n}") from None
    finally:
        pass


def main():
    kinds = ["except", "except-else", "except-finally", "except-else-finally",
             "finally", "multi-except", "tuple-except", "bare-except"]
    for kind in kinds:
        for what in ("nothing", "boom", "key"):
            print(f"{kind:<20} {what:<8} {trace_try(kind, what)}")
    for kind in ("return-in-try", "raise-in-try", "fall-through"):
        print(kind, returns_through(kind))
    print(else_raises())
    print(loops_with_try())
    print(while_with_try())
    try:
        nested_depth(6)
    except Boom as e:
        print("nested:", e, "| context suppressed:", e.__suppress_context__)

    # exception in else and finally in a loop
    total = 0
    for i in range(3000):
        try:
            if i % 3 == 0:
                raise Boom
        except Boom:
            total += 1
        else:
            total += 10
        finally:
            total += 100
    print("hot try total:", total)


main()
