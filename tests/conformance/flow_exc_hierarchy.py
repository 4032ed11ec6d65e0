# Custom exception hierarchies: MRO-based matching, handler order, args/str/repr, custom __init__/__str__, BaseException subclasses, pickling-free copies.
import errno


class AppError(Exception):
    """Base of the application's errors."""

    code = 1

    def __init__(self, message, *, detail=None):
        super().__init__(message)
        self.detail = detail

    def __str__(self):
        base = super().__str__()
        return f"[{self.code}] {base}" + (f" ({self.detail})" if self.detail else "")


class NetworkError(AppError):
    code = 10


class TimeoutAppError(NetworkError, TimeoutError):
    code = 11


class ParseError(AppError, ValueError):
    code = 20

    def __init__(self, message, line, col):
        super().__init__(message, detail=f"line {line}, col {col}")
        self.line = line
        self.col = col


class Abort(BaseException):
    pass


class NoArgs(Exception):
    def __init__(self):
        pass


class ReprError(Exception):
    def __repr__(self):
        return "ReprError<custom>"


def classify(exc):
    try:
        raise exc
    except TimeoutError as e:
        return f"TimeoutError handler: {e}"
    except NetworkError as e:
        return f"NetworkError handler: {e}"
    except ValueError as e:
        return f"ValueError handler: {e}"
    except AppError as e:
        return f"AppError handler: {e}"
    except Exception as e:
        return f"generic handler: {type(e).__name__}: {e}"


def main():
    cases = [
        AppError("plain"),
        NetworkError("net down", detail="eth0"),
        TimeoutAppError("slow"),
        ParseError("bad token", 3, 14),
        ValueError("builtin value"),
        OSError(errno.ENOENT, "No such file or directory"),
        FileNotFoundError(errno.ENOENT, "gone", "missing.txt"),
        KeyError("key"),
    ]
    for exc in cases:
        print(f"{type(exc).__name__:<18} -> {classify(exc)}")

    print("-- MRO and attributes")
    print([c.__name__ for c in TimeoutAppError.__mro__])
    print([c.__name__ for c in ParseError.__mro__])
    p = ParseError("oops", 1, 2)
    print("args:", p.args, "| str:", str(p), "| repr:", repr(p), "| line/col:", p.line, p.col)
    print("isinstance ValueError:", isinstance(p, ValueError), "| issubclass(TimeoutAppError, OSError):",
          issubclass(TimeoutAppError, OSError))

    print("-- OSError subclass mapping by errno")
    for code in (errno.ENOENT, errno.EEXIST, errno.EACCES, errno.EPIPE, errno.EINTR, 9999):
        e = OSError(code, "msg")
        print(f"  OSError({code}) -> {type(e).__name__}: errno={e.errno} strerror={e.strerror}")
    f = FileNotFoundError(errno.ENOENT, "gone", "missing.txt")
    print("  str:", str(f), "| filename:", f.filename)

    print("-- args/str/repr edge cases")
    for e in (Exception(), Exception("one"), Exception("a", 2), NoArgs(), ReprError("x"),
              KeyError(), KeyError("k", "extra"), UnicodeDecodeError("utf-8", b"\xff", 0, 1, "invalid start byte")):
        print(f"  {type(e).__name__}: args={e.args!r} str={str(e)!r} repr={e!r}")

    print("-- BaseException subclasses bypass 'except Exception'")
    for exc in (Abort("stop"), KeyboardInterrupt(), SystemExit(3), GeneratorExit()):
        try:
            try:
                raise exc
            except Exception:
                print("  not here")
        except BaseException as e:
            print(f"  {type(e).__name__} passed through 'except Exception'")

    print("-- matching against a tuple built at runtime, and non-exception in except")
    handlers = tuple(c for c in (KeyError, NetworkError) if c)
    try:
        raise TimeoutAppError("runtime tuple")
    except handlers as e:
        print("  matched", type(e).__name__)
    try:
        try:
            raise ValueError("v")
        except "not a class":
            pass
    except TypeError as e:
        print("  TypeError:", e)

    print("-- exception attributes are writable, args can be replaced")
    e = AppError("first")
    e.args = ("replaced",)
    e.extra = [1, 2]
    print("  ", str(e), e.extra)

    print("-- raising inside __str__ while formatting")

    class BadStr(Exception):
        def __str__(self):
            raise RuntimeError("str failed")

    try:
        str(BadStr())
    except RuntimeError as err:
        print("  str() raised:", err)

    print("-- exception class hierarchy of builtins")
    for cls in (ZeroDivisionError, ModuleNotFoundError, RecursionError, UnicodeEncodeError,
                NotImplementedError, StopAsyncIteration, BrokenPipeError, ExceptionGroup):
        print(f"  {cls.__name__}: {[c.__name__ for c in cls.__mro__[1:]]}")


main()
