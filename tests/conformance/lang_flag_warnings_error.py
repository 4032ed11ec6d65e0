# Exercises -W error::DeprecationWarning: DeprecationWarnings become exceptions (caught), compile-time deprecations become SyntaxError, other warnings still print normally.
# conformance-flags: -W error::DeprecationWarning
import sys
import warnings

print("warnoptions:", sys.warnoptions)


def legacy(n):
    warnings.warn("legacy(%d) is deprecated" % n, DeprecationWarning)
    return n


converted = 0
for i in range(2000):
    try:
        legacy(i)
    except DeprecationWarning as exc:
        converted += 1
        last = str(exc)
print("converted to exceptions:", converted, "last:", last)

# Invalid escape sequences are a DeprecationWarning at compile time in 3.11 -> SyntaxError here
try:
    compile("pattern = '\\d+'", "<generated>", "exec")
    print("compiled without error")
except SyntaxError as exc:
    print("SyntaxError:", exc.msg)
print(compile("pattern = r'\\d+'", "<generated>", "exec").co_names)

# PendingDeprecationWarning is not covered by the filter and stays ignored by default
warnings.warn("pending", PendingDeprecationWarning)

# UserWarning is printed to stderr once for this location
for i in range(3):
    warnings.warn("user-level warning", UserWarning)
sys.stderr.flush()

# Locally overriding the filter
with warnings.catch_warnings():
    warnings.simplefilter("ignore", DeprecationWarning)
    print("ignored inside catch_warnings:", legacy(7))
try:
    legacy(8)
except DeprecationWarning:
    print("filter restored after catch_warnings")
print("filters head:", [(f[0], f[2].__name__) for f in warnings.filters[:2]])
