# warnings: warn with categories and stacklevel (printed to stderr), filters (once/default/always/ignore/error), catch_warnings(record=True), warn_explicit, formatwarning.
import sys
import warnings


def deprecated_api(x):
    warnings.warn("deprecated_api is deprecated; use new_api", DeprecationWarning, stacklevel=2)
    return x * 2


def library_call():
    warnings.warn("library level warning", UserWarning, stacklevel=3)


def wrapper():
    library_call()


class MyWarning(UserWarning):
    pass


def main():
    print("-- default filters: UserWarning shown once per location on stderr")
    sys.stderr.flush()
    for i in range(3):
        warnings.warn("plain user warning")  # shown once: same location
    warnings.warn("second location", RuntimeWarning)
    wrapper()  # stacklevel=3 attributes the warning to this line
    print("  (see stderr)")

    print("-- DeprecationWarning triggered from __main__ is shown by default")
    deprecated_api(1)

    print("-- catch_warnings(record=True)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        for i in range(2):
            warnings.warn("recorded", MyWarning)
        deprecated_api(2)
        warnings.warn(MyWarning("instance passed directly"))
        warnings.warn("bytes category", BytesWarning)
    for w in caught:
        print(f"  {w.category.__name__}: {w.message} | line {w.lineno} | same file: {w.filename == __file__}")

    print("-- filters: error, ignore, once, module regex")
    with warnings.catch_warnings():
        warnings.simplefilter("error", MyWarning)
        try:
            warnings.warn("now an exception", MyWarning)
        except MyWarning as e:
            print("  raised:", type(e).__name__, e)
        warnings.simplefilter("ignore")
        warnings.warn("ignored entirely")
        print("  ignored warning produced nothing")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("once")
        for i in range(3):
            warnings.warn("once message")
            warnings.warn("once message")
        warnings.warn("another once message")
    print("  once:", [str(w.message) for w in caught])
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.filterwarnings("ignore", message=r"skip.*")
        warnings.filterwarnings("error", category=FutureWarning)
        warnings.warn("skip this one")
        warnings.warn("keep this one")
        try:
            warnings.warn("future thing", FutureWarning)
        except FutureWarning as e:
            print("  FutureWarning raised:", e)
    print("  regex filter kept:", [str(w.message) for w in caught])

    print("-- default action: once per (message, category, module, line)")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("default")
        for i in range(3):
            warnings.warn("loop warning")
        for i in range(2):
            warnings.warn(f"dynamic {i}")
    print("  default:", [str(w.message) for w in caught])

    print("-- warn_explicit and formatwarning")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn_explicit("explicit", UserWarning, "virtual_file.py", 42, module="virtual")
    w = caught[0]
    print("  explicit:", w.filename, w.lineno, w.message)
    print("  formatted:", repr(warnings.formatwarning("msg", UserWarning, "f.py", 7, line="x = 1")))

    print("-- custom showwarning writing to stdout")
    def show(message, category, filename, lineno, file=None, line=None):
        print(f"  [showwarning] {category.__name__}: {message} (line {lineno})")

    with warnings.catch_warnings():
        warnings.simplefilter("always")
        warnings.showwarning = show
        warnings.warn("through custom showwarning", SyntaxWarning)
        deprecated_api(3)

    print("-- stacklevel beyond the stack")
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        warnings.warn("very high stacklevel", stacklevel=50)
    print("  filename:", caught[0].filename, "| lineno:", caught[0].lineno)

    print("-- hot loop of suppressed warnings")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        for i in range(3000):
            warnings.warn("quiet", UserWarning)
    print("  done")

    print("-- warning from a category check")
    try:
        warnings.warn("bad category", category=int)
    except TypeError as e:
        print("  TypeError:", e)
    print("-- final warning to stderr from a nested function")
    wrapper()


main()
