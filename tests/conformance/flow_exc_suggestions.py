# "Did you mean" suggestions for AttributeError/NameError/ImportError in formatted tracebacks (locals, globals, builtins); ends with an uncaught NameError.
import contextlib
import io
import os
import sys
import traceback

HERE = os.path.dirname(os.path.abspath(__file__)) + os.sep
LIB = os.path.dirname(os.__file__) + os.sep

configuration_value = 42


class Account:
    def __init__(self):
        self.balance = 10
        self.owner = "ann"

    def deposit(self, amount):
        self.balance += amount


def c_display(exc):
    # 3.11 computes suggestions in the interpreter's own display code (sys.__excepthook__),
    # not in the traceback module, so capture what the default hook writes to sys.stderr
    buf = io.StringIO()
    with contextlib.redirect_stderr(buf):
        sys.__excepthook__(type(exc), exc, exc.__traceback__)
    return buf.getvalue().replace(HERE, "").replace(LIB, "<lib>/")


def last_line(exc):
    c_last = c_display(exc).rstrip("\n").split("\n")[-1]
    module_last = traceback.format_exception_only(exc)[-1].rstrip("\n").replace(LIB, "<lib>/")
    return c_last if c_last == module_last else f"{c_last}   [traceback module: {module_last}]"


def full(exc):
    return "".join(traceback.format_exception(exc)).replace(HERE, "") + "-- via sys.__excepthook__:\n" + c_display(exc)


def attribute_cases():
    acct = Account()
    for name in ("balanse", "ownr", "deposti", "withdraw", "BALANCE", "__init_"):
        try:
            getattr(acct, name)
        except AttributeError as exc:
            print(f"{name:<10} -> {last_line(exc)}")
    try:
        [].apend(1)
    except AttributeError as exc:
        print(f"list.apend -> {last_line(exc)}")
    try:
        "text".uper()
    except AttributeError as exc:
        print(f"str.uper   -> {last_line(exc)}")
    try:
        os.pathh
    except AttributeError as exc:
        print(f"os.pathh   -> {last_line(exc)}")


def name_cases():
    local_counter = 3
    try:
        print(local_countr)  # noqa: F821
    except NameError as exc:
        print("local typo      ->", last_line(exc))
    try:
        print(configuration_valeu)  # noqa: F821
    except NameError as exc:
        print("global typo     ->", last_line(exc))
    try:
        print(lenn([1]))  # noqa: F821
    except NameError as exc:
        print("builtin typo    ->", last_line(exc))
    try:
        print(zzzzqqqq)  # noqa: F821
    except NameError as exc:
        print("no suggestion   ->", last_line(exc))
    return local_counter


class Widget:
    size = 3

    def grow(self):
        try:
            return size + 1  # noqa: F821
        except NameError as exc:
            print("self attr hint  ->", last_line(exc))


def import_cases():
    try:
        from os import pathsep_x  # noqa: F401
    except ImportError as exc:
        print("from-import     ->", last_line(exc))
    try:
        from collections import OrderedDic  # noqa: F401
    except ImportError as exc:
        print("from-import 2   ->", last_line(exc))


def formatted():
    acct = Account()
    try:
        acct.ballance += 1
    except AttributeError as exc:
        print(full(exc), end="")


attribute_cases()
name_cases()
Widget().grow()
import_cases()
formatted()


def final_step(items):
    total_count = len(items)
    return total_cont * 2  # noqa: F821


print("about to fail")
final_step([1, 2, 3])
