# sys.exit inside nested try/finally and context managers: finally blocks and __exit__ run, SystemExit caught/re-raised, atexit handlers in LIFO order, exit code 3.
import atexit
import sys


def handler(name, *args, **kwargs):
    print(f"atexit: {name} args={args} kwargs={kwargs}")


def never_registered():
    print("atexit: unregistered handler ran (should not happen)")


atexit.register(handler, "first-registered")
atexit.register(handler, "second-registered", 1, 2, key="v")
atexit.register(never_registered)
atexit.unregister(never_registered)


@atexit.register
def decorated():
    print("atexit: decorated handler (registered last, runs first)")


class Guard:
    def __init__(self, name):
        self.name = name

    def __enter__(self):
        print(f"enter {self.name}")
        return self

    def __exit__(self, et, ev, tb):
        print(f"exit {self.name}: {et.__name__ if et else None} code={getattr(ev, 'code', None)}")
        return False


def inner_exit(code):
    try:
        print("inner: calling sys.exit")
        sys.exit(code)
    finally:
        print("inner: finally runs")


def main():
    print("-- SystemExit can be caught like any BaseException")
    try:
        sys.exit(7)
    except SystemExit as e:
        print("caught SystemExit, code =", e.code, "| args =", e.args)
    try:
        sys.exit()
    except SystemExit as e:
        print("no-arg exit code:", e.code)
    try:
        raise SystemExit(1, 2)
    except SystemExit as e:
        print("two-arg code:", e.code)
    try:
        try:
            sys.exit(9)
        except Exception:
            print("not caught by except Exception")
    except SystemExit:
        print("passed through except Exception")

    print("-- generator closing on SystemExit")

    def gen():
        try:
            yield 1
            yield 2
        finally:
            print("generator finally")

    g = gen()
    next(g)

    print("-- the real exit, through nested finally blocks and with statements")
    try:
        with Guard("outer"):
            try:
                with Guard("inner"):
                    inner_exit(3)
            finally:
                print("main: middle finally")
                del g
    finally:
        print("main: outer finally")
    print("not reached")


main()
