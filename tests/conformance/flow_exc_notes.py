# PEP 678 exception notes: add_note, __notes__, notes in formatted tracebacks and groups; ends with an uncaught exception carrying notes (exit 1).
import os
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep


def clean(text):
    return text.replace(HERE, "")


def validate(record):
    try:
        age = int(record["age"])
    except (KeyError, ValueError) as exc:
        exc.add_note(f"while validating record {record.get('id')!r}")
        raise
    if age < 0:
        err = ValueError(f"negative age {age}")
        err.add_note("ages must be >= 0")
        err.add_note("check the data source")
        raise err
    return age


def batch(records):
    ok = []
    errors = []
    for rec in records:
        try:
            ok.append(validate(rec))
        except Exception as exc:
            exc.add_note(f"batch position {len(ok) + len(errors)}")
            errors.append(exc)
    return ok, errors


def main():
    records = [{"id": 1, "age": "31"}, {"id": 2}, {"id": 3, "age": "x"}, {"id": 4, "age": "-5"}, {"id": 5, "age": 40}]
    ok, errors = batch(records)
    print("ok:", ok)
    for exc in errors:
        print(f"{type(exc).__name__}: {exc} | notes={exc.__notes__}")
    print("-- formatted with notes")
    print(clean("".join(traceback.format_exception(errors[-1]))), end="")
    print("-- format_exception_only shows notes too")
    print("".join(traceback.format_exception_only(errors[0])), end="")

    print("-- add_note errors")
    e = ValueError("x")
    try:
        e.add_note(42)
    except TypeError as exc:
        print("TypeError:", exc)
    print("has __notes__ before any note:", hasattr(e, "__notes__"))
    e.__notes__ = ["assigned directly"]
    e.add_note("then added")
    print("notes:", e.__notes__)
    e.__notes__ = "not a list"
    print("non-list __notes__ rendering:")
    print("".join(traceback.format_exception_only(e)), end="")
    e.__notes__ = ("tuple", "of notes")
    try:
        e.add_note("more")
    except TypeError as exc:
        print("add_note on tuple __notes__ -> TypeError:", exc)

    print("-- notes on an exception group and its members")
    inner = KeyError("inner")
    inner.add_note("inner note")
    eg = ExceptionGroup("grouped", [inner, ValueError("plain")])
    eg.add_note("group note")
    print(clean("".join(traceback.format_exception(eg))), end="")
    sub = eg.subgroup(KeyError)
    print("subgroup keeps group notes:", sub.__notes__, "| member notes:", sub.exceptions[0].__notes__)

    print("-- multi-line note")
    m = RuntimeError("multi")
    m.add_note("line one\nline two")
    print("".join(traceback.format_exception_only(m)), end="")

    print("-- now failing for real")
    validate({"id": 99, "age": "-1"})


main()
