# Command-line warning flags: -W error::DeprecationWarning turns warnings into exceptions, -W ignore for a category; an unhandled one ends the run (exit 1).
# conformance-flags: -W error::DeprecationWarning -W ignore::ResourceWarning -W always::UserWarning
import sys
import warnings


def old_function():
    warnings.warn("old_function is deprecated", DeprecationWarning, stacklevel=2)
    return "old result"


def main():
    print("warnoptions:", sys.warnoptions)
    print("filters installed from -W (first three actions):",
          [(f[0], f[2].__name__) for f in warnings.filters[:3]])
    try:
        old_function()
    except DeprecationWarning as e:
        print("DeprecationWarning raised as exception:", e)

    for i in range(2):
        warnings.warn(f"user warning {i} (always shown)", UserWarning)
    warnings.warn("resource warning is ignored", ResourceWarning)
    print("printed two user warnings to stderr, resource warning ignored")

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", DeprecationWarning)
        print("inside catch_warnings with ignore:", old_function())
    print("filters restored; calling again without protection")
    old_function()
    print("not reached")


main()
