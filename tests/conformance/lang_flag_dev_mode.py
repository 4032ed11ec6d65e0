# Exercises running under -X dev: sys.flags.dev_mode, default warning filters that show DeprecationWarning once per location, stricter codec argument checks, a workload unaffected by the mode.
# conformance-flags: -X dev
import sys
import warnings

print("dev_mode:", sys.flags.dev_mode, "faulthandler enabled:", __import__("faulthandler").is_enabled())


def old_api(x):
    warnings.warn("old_api is deprecated", DeprecationWarning, stacklevel=2)
    return x * 2


# DeprecationWarning is shown under -X dev (once per call site with the 'default' action)
results = []
for i in range(5):
    results.append(old_api(i))
print("results", results)
results.append(old_api(100))
sys.stderr.flush()

with warnings.catch_warnings(record=True) as caught:
    warnings.simplefilter("always")
    for i in range(3):
        old_api(i)
        warnings.warn("user warning %d" % i, UserWarning)
print([(w.category.__name__, str(w.message)) for w in caught])

# In dev mode, encode/decode validate the `errors` argument even when it would not be used
for text, errors in (("ascii only", "strict"), ("ascii only", "no_such_handler")):
    try:
        print(repr(text.encode("utf-8", errors)))
    except LookupError as exc:
        print("LookupError:", exc)

# A hot loop whose results must not depend on dev mode
acc = 0
for i in range(20000):
    acc = (acc ^ (i * 2654435761)) & 0xFFFFFFFF
print("acc", acc)
print("done", file=sys.stderr)
