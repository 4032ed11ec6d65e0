# traceback module: format_exc, print_exception, extract_tb/extract_stack line numbers, walk_tb/walk_stack, TracebackException, limits, carets.
import io
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
LIB = os.path.dirname(os.__file__) + os.sep


def clean(text):
    return text.replace(HERE, "").replace(LIB, "<lib>/")


def short(filename):
    return os.path.basename(filename)


def compute(values):
    return sum(values[i] / values[i + 1] for i in range(len(values) - 1))


def middle(values):
    result = compute(values)
    return result


def outer(values):
    return middle(values)


def where_am_i():
    return traceback.extract_stack()


def main():
    print("-- format_exc inside handler")
    try:
        outer([4, 2, 0, 1])
    except ZeroDivisionError:
        print(clean(traceback.format_exc()), end="")
        print("-- format_exc(limit=2)")
        print(clean(traceback.format_exc(limit=2)), end="")
        print("-- format_exc(limit=-1)")
        print(clean(traceback.format_exc(limit=-1)), end="")
        print("-- print_exc into a buffer, last line")
        buf = io.StringIO()
        traceback.print_exc(file=buf)
        print(clean(buf.getvalue()).splitlines()[-1])

    print("-- extract_tb: frame summaries")
    try:
        outer([1, 0])
    except ZeroDivisionError as exc:
        tb = exc.__traceback__
        for fs in traceback.extract_tb(tb):
            print(f"  {short(fs.filename)}:{fs.lineno} in {fs.name}: {fs.line!r}")
        print("  raw tb linenos:", [t.tb_lineno for t, _ in [(tb, 0)]] + [x[1] for x in traceback.walk_tb(tb.tb_next)])
        print("  walk_tb names:", [f.f_code.co_name for f, _ in traceback.walk_tb(tb)])
        print("  last frame locals keys:", sorted(list(traceback.walk_tb(tb))[-1][0].f_locals))
        te = traceback.TracebackException.from_exception(exc, capture_locals=False)
        print("  TracebackException exc_type:", te.exc_type.__name__, "| stack size:", len(te.stack))
        print("  format_exception_only:", list(te.format_exception_only()))
        print(clean("".join(te.stack.format())), end="")

    print("-- print_exception to a stream, with and without chain")
    try:
        try:
            {}["k"]
        except KeyError as e:
            raise RuntimeError("wrapped") from e
    except RuntimeError as exc:
        buf = io.StringIO()
        traceback.print_exception(exc, file=buf)
        print(clean(buf.getvalue()), end="")
        buf = io.StringIO()
        traceback.print_exception(type(exc), exc, exc.__traceback__, chain=False, file=buf)
        print(clean(buf.getvalue()), end="")

    print("-- extract_stack from nested calls")
    stack = where_am_i()
    for fs in stack:
        print(f"  {short(fs.filename)}:{fs.lineno} {fs.name}")
    print("-- format_stack / print_stack")

    def inner_stack():
        buf = io.StringIO()
        traceback.print_stack(limit=2, file=buf)
        return clean(buf.getvalue())

    print(inner_stack(), end="")
    print("  walk_stack names:", [f.f_code.co_name for f, _ in traceback.walk_stack(sys._getframe())])

    print("-- caret placement for different expression kinds")
    cases = [
        lambda: [1, 2][5],
        lambda: {"a": {"b": 1}}["a"]["c"],
        lambda: (1).real.imag.nope,
        lambda: int("x") + 1,
        lambda: 1 + 2 * (3 // 0),
        lambda: len(None),
        lambda: outer([1, 0]),
    ]
    for case in cases:
        try:
            case()
        except Exception as exc:
            lines = traceback.format_exception(exc)
            # print only the innermost frame's lines and the exception line
            print("".join(clean(l) for l in lines[-2:]), end="")

    print("-- FrameSummary API")
    fs = traceback.FrameSummary("some_file.py", 12, "func", line="x = 1")
    print(" ", fs.filename, fs.lineno, fs.name, fs.line, "| tuple-like:", tuple(fs))
    ss = traceback.StackSummary.from_list([("a.py", 1, "f", "pass"), ("b.py", 2, "g", None)])
    print("".join(ss.format()), end="")
    print("  format_list:", traceback.format_list([("c.py", 3, "h", "return 0")]))

    print("-- limit applied to extract_tb")
    try:
        outer([5, 0])
    except ZeroDivisionError as exc:
        print("  ", [fs.name for fs in traceback.extract_tb(exc.__traceback__, limit=2)])
        print("  ", [fs.name for fs in traceback.extract_tb(exc.__traceback__, limit=-2)])

    print("-- SyntaxError formatting")
    try:
        compile("x = (1 +\n", "snippet.py", "exec")
    except SyntaxError as exc:
        print("".join(traceback.format_exception_only(exc)), end="")
    try:
        compile("def f(:\n    pass\n", "snippet2.py", "exec")
    except SyntaxError as exc:
        print("".join(traceback.format_exception_only(exc)), end="")
        print("  fields:", exc.filename, exc.lineno, exc.offset, repr(exc.text), exc.end_lineno, exc.end_offset)


main()
