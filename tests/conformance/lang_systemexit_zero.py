# Exercises `raise SystemExit(0)` from inside nested calls and a with block: context managers exit cleanly and the status is 0.
import contextlib

log = []


@contextlib.contextmanager
def section(name):
    log.append("enter " + name)
    try:
        yield
    finally:
        log.append("exit " + name)
        print("leaving", name, "log so far:", log)


def worker(n):
    total = 0
    for i in range(n):
        total += i * i
        if i == n - 1:
            print("worker total", total)
            raise SystemExit(0)
    return total


with section("outer"):
    with section("inner"):
        try:
            worker(3000)
        except Exception:
            print("SystemExit is not an Exception; this is never printed")
print("not reached")
