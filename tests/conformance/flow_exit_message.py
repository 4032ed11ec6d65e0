# sys.exit with a string message (printed to stderr, exit 1), failing atexit callbacks reported on stderr, atexit handlers that register more handlers.
import atexit
import sys


class FailingCallback:
    """A callable with a stable repr, so the 'Exception ignored' line is deterministic."""

    def __init__(self, label):
        self.label = label

    def __call__(self):
        print(f"atexit: {self.label} about to fail")
        raise RuntimeError(f"{self.label} failed during exit")

    def __repr__(self):
        return f"FailingCallback({self.label!r})"


def summary(counter):
    print(f"atexit: summary sees counter={counter['n']}")


def late_registrar():
    print("atexit: late_registrar registers another handler")
    atexit.register(lambda: print("atexit: handler registered during exit"))


counter = {"n": 0}
atexit.register(summary, counter)
atexit.register(FailingCallback("cleanup-a"))
atexit.register(late_registrar)
atexit.register(print, "atexit: print registered directly, runs first")

print("registered four atexit handlers")


def process(items):
    for item in items:
        counter["n"] += 1
        if item < 0:
            sys.exit(f"fatal: negative item {item} at position {counter['n']}")
        print("processed", item)


try:
    process([3, 1, 4, -1, 5])
finally:
    print("finally before exit; flushing stdout")
    sys.stdout.flush()
