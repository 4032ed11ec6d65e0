# Python development mode and unbuffered output (-X dev -u): sys.flags, default warning filters showing Deprecation/Resource warnings, interleaved stdout/stderr.
# conformance-flags: -X dev -u
import sys
import warnings


def library_style_warning():
    # attributed to a module other than __main__: ignored by default, shown in dev mode
    warnings.warn_explicit("library deprecation", DeprecationWarning, "fake_library.py", 10, module="fake_library")


def main():
    print("dev_mode:", sys.flags.dev_mode, "| unbuffered stdout write_through:", getattr(sys.stdout, "write_through", None))
    print("default filter actions:", sorted({f[0] for f in warnings.filters}))
    library_style_warning()
    warnings.warn("explicit resource warning", ResourceWarning)
    warnings.warn("pending deprecation", PendingDeprecationWarning)
    warnings.warn("import warning", ImportWarning)
    print("emitted four warnings to stderr")
    for i in range(3):
        warnings.warn("repeated in a loop", DeprecationWarning)
    print("dev mode 'default' action shows the loop warning once")
    try:
        "text".encode("not-a-real-codec")
    except LookupError as e:
        print("codec lookup in dev mode:", e)
    try:
        "text".encode("utf-8", errors="no-such-handler")
    except LookupError as e:
        print("errors handler checked eagerly in dev mode:", e)
    print("done")


main()
