# Exercises match/case basics: literal patterns (int/str/None/True/-1/complex), captures, wildcards, value patterns (dotted names), or-patterns, as-patterns, guards.
import enum


class Codes:
    OK = 200
    NOT_FOUND = 404
    ERROR = 500


class Shade(enum.Enum):
    LIGHT = 1
    DARK = 2


def classify(v):
    match v:
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1 | 2 | 3:
            return "small"
        case 2.5:
            return "two and a half"
        case 1j:
            return "imaginary unit"
        case -1 + 2j:
            return "complex literal"
        case "":
            return "empty string"
        case "yes" | "y" | "ok":
            return "affirmative"
        case b"raw":
            return "bytes"
        case Codes.OK:
            return "http ok"
        case Codes.NOT_FOUND | Codes.ERROR as code:
            return "http problem %d" % code
        case Shade.DARK:
            return "dark shade"
        case int(n) if n > 1000:
            return "big int %d" % n
        case str() as s if s.isdigit():
            return "digit string"
        case float(f) if f != f:
            return "nan"
        case other:
            return "other:" + type(other).__name__


values = [None, True, False, 0, 0.0, -1, 1, 2, 3, 2.5, 1j, -1 + 2j, "", "yes", "ok", b"raw", 200, 404, 500, Shade.DARK,
          Shade.LIGHT, 5000, "123", "abc", float("nan"), [1], 1.0, 3.0]
for v in values:
    print(repr(v), "->", classify(v))


def http_status(code):
    match code:
        case 200 | 201 | 204:
            return "success"
        case 301 | 302 as redirect:
            return "redirect %d" % redirect
        case c if 400 <= c < 500:
            return "client error"
        case c if 500 <= c < 600:
            return "server error"
        case _:
            return "unknown"


tally = {}
for code in range(100, 700, 1):
    kind = http_status(code)
    tally[kind] = tally.get(kind, 0) + 1
print(sorted(tally.items()))


# Guards with side effects: evaluation order and fall-through
guard_log = []


def g(label, result):
    guard_log.append(label)
    return result


def guarded(x):
    match x:
        case int() if g("first", x > 10):
            return "gt10"
        case int() if g("second", x % 2 == 0):
            return "even"
        case int() as n if g("third", True):
            return "odd %d" % n
        case _:
            return "not int"


print([guarded(v) for v in (11, 4, 3, "s")], guard_log)


# Capture binds even when a later guard fails; wildcard never binds
def capture_leak(v):
    y = "unset"
    match v:
        case y if y == "never":
            return "matched"
        case _:
            return "fallback with y=%r" % (y,)


print(capture_leak(42), capture_leak("never"))

# Match in a hot loop with the subject changing type every iteration
counts = {}
for i in range(4000):
    subject = (i, float(i), str(i), None, [i], True)[i % 6]
    match subject:
        case bool():
            k = "bool"
        case int(x) if x % 2:
            k = "odd int"
        case int():
            k = "even int"
        case float(x) if x.is_integer():
            k = "integral float"
        case str(s) if len(s) > 3:
            k = "long str"
        case str():
            k = "short str"
        case None:
            k = "None"
        case _:
            k = "other"
    counts[k] = counts.get(k, 0) + 1
print(sorted(counts.items()))


def command(text):
    match text.split():
        case ["go", direction] if direction in ("north", "south", "east", "west"):
            return "moving " + direction
        case ["go", _]:
            return "bad direction"
        case ["look"] | ["l"]:
            return "looking"
        case ["take", *things] if things:
            return "taking " + ", ".join(things)
        case ["quit" | "exit" as q]:
            return "bye via " + q
        case []:
            return "empty"
        case _:
            return "unknown: " + text


for cmd in ("go north", "go up", "look", "l", "take lamp key", "take", "quit", "exit", "", "dance now"):
    print(repr(cmd), "->", command(cmd))
