# "coroutine ... was never awaited" RuntimeWarning: recorded with catch_warnings, routed through showwarning, and printed to stderr on refcount drop.
import gc
import sys
import warnings


async def job(n):
    return n * 2


async def other_job():
    return "other"


def make_and_drop():
    job(1)  # created and dropped immediately: warning


def main():
    print("-- recorded")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        make_and_drop()
        c = other_job()
        del c
        gc.collect()
    for w in caught:
        print(f"  {w.category.__name__}: {w.message} (function {w.filename == __file__ and 'this file' or 'other'})")

    print("-- awaited or closed coroutines do not warn")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        c = job(3)
        try:
            c.send(None)
        except StopIteration as stop:
            print("  result", stop.value)
        del c
        c = job(4)
        c.close()
        del c
        gc.collect()
    print("  warnings:", len(caught))

    print("-- turned into an error by a filter: reported as unraisable")
    seen = []
    old_hook = sys.unraisablehook
    sys.unraisablehook = lambda info: seen.append((info.exc_type.__name__, str(info.exc_value)))
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("error", RuntimeWarning)
            make_and_drop()
    finally:
        sys.unraisablehook = old_hook
    print("  unraisable:", seen)

    print("-- custom showwarning")
    shown = []

    def show(message, category, filename, lineno, file=None, line=None):
        shown.append((category.__name__, str(message)))

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        make_and_drop()
    print("  shown:", shown)

    print("-- default filters: printed to stderr")
    sys.stdout.flush()
    make_and_drop()
    print("  after drop")


main()
