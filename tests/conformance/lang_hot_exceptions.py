# Exercises exceptions raised and caught inside hot loops: EAFP dict/attr access, int() parsing failures, ZeroDivisionError, custom exceptions with payloads, try/else/finally counters.


class ValidationError(Exception):
    def __init__(self, field, value):
        super().__init__("%s=%r" % (field, value))
        self.field = field
        self.value = value


counts = {"ok": 0, "value": 0, "zero": 0, "key": 0, "type": 0, "index": 0, "attr": 0, "custom": 0, "else": 0, "finally": 0}
data = {i: i * 2 for i in range(0, 100, 3)}
words = ["12", "x", "7", "", "3.5", "-4", "0", " 9 "]
lst = [1, 2, 3]


class Obj:
    pass


obj = Obj()
obj.present = 1

for i in range(6000):
    try:
        kind = i % 8
        if kind == 0:
            v = int(words[(i // 8) % len(words)])
            r = 100 // v
        elif kind == 1:
            r = data[i % 100]
        elif kind == 2:
            r = lst[i % 5]
        elif kind == 3:
            r = getattr(obj, "present" if i % 3 else "absent")
            r = obj.absent if i % 6 == 0 else r
        elif kind == 4:
            r = "a" + i if i % 4 == 0 else i
        elif kind == 5:
            if i % 7 == 0:
                raise ValidationError("i", i)
            r = i
        elif kind == 6:
            r = 1 / (i % 3)
        else:
            r = int("ff", 16 if i % 3 else 10)
    except ValueError:
        counts["value"] += 1
    except ZeroDivisionError:
        counts["zero"] += 1
    except KeyError:
        counts["key"] += 1
    except TypeError:
        counts["type"] += 1
    except IndexError:
        counts["index"] += 1
    except AttributeError:
        counts["attr"] += 1
    except ValidationError as exc:
        counts["custom"] += 1
        last_custom = (exc.field, exc.value, str(exc))
    else:
        counts["else"] += 1
    finally:
        counts["finally"] += 1
print(counts, last_custom)


# EAFP vs LBYL counting words
def count_eafp(words):
    d = {}
    for w in words:
        try:
            d[w] += 1
        except KeyError:
            d[w] = 1
    return d


text = ("alpha beta gamma alpha delta beta alpha epsilon " * 300).split()
d = count_eafp(text)
print(sorted(d.items()))


# Exceptions crossing function boundaries in a loop
def parse(s):
    if not s:
        raise ValueError("empty")
    if s[0] == "-":
        return -parse(s[1:])
    return int(s)


results = []
for s in ["1", "-2", "--3", "", "-", "4x", "--", "55"] * 200:
    try:
        results.append(parse(s))
    except ValueError as exc:
        results.append(str(exc)[:12])
print(results[:8], len(results), sum(r for r in results if isinstance(r, int)))


# StopIteration driven loops and for-else with exceptions
def first_negative(seq):
    it = iter(seq)
    while True:
        try:
            v = next(it)
        except StopIteration:
            return None
        if v < 0:
            return v


print([first_negative(range(k, -3, -1)) for k in range(5)], first_negative([]))

# Re-raising, exception chaining and context inside a loop
chained = []
for i in range(5):
    try:
        try:
            {}["k%d" % i]
        except KeyError as ke:
            if i % 2:
                raise RuntimeError("wrapped %d" % i) from ke
            raise RuntimeError("implicit %d" % i)
    except RuntimeError as exc:
        chained.append((str(exc), type(exc.__cause__).__name__, type(exc.__context__).__name__, exc.__suppress_context__))
for c in chained:
    print(c)

# Exception objects: args, str, repr, with_traceback cleared, notes (3.11)
try:
    raise ValueError("a", 2, [3])
except ValueError as exc:
    print(exc.args, str(exc), repr(exc))
err = KeyError("missing key")
print(str(err), repr(err), str(KeyError()), repr(OSError(2, "No such file")), str(OSError(2, "No such file")))
try:
    e = ValueError("with note")
    e.add_note("note one")
    e.add_note("note two")
    raise e
except ValueError as exc:
    print(exc.__notes__)


# Exceptions in comprehensions and lambdas within a hot loop
def safe_div(a, b):
    try:
        return a / b
    except ZeroDivisionError:
        return float("inf") if a > 0 else float("-inf") if a < 0 else float("nan")


vals = [safe_div(i - 500, i % 4) for i in range(2000)]
print(sum(1 for v in vals if v == float("inf")), sum(1 for v in vals if v == float("-inf")), sum(1 for v in vals if v != v), round(sum(v for v in vals if abs(v) != float("inf") and v == v), 6))

# Catching by tuple, by base class, and bare except with re-raise
caught = []
for exc_type in (ValueError, KeyError, IndexError, ZeroDivisionError, OverflowError, LookupError, ArithmeticError):
    try:
        try:
            raise exc_type("x")
        except (LookupError, ValueError) as e:
            caught.append(("lookup-or-value", type(e).__name__))
        except ArithmeticError as e:
            caught.append(("arith", type(e).__name__))
            raise
    except Exception as outer:
        caught.append(("outer", type(outer).__name__))
print(caught)
print(issubclass(KeyError, LookupError), issubclass(ZeroDivisionError, ArithmeticError), issubclass(BaseException, Exception), KeyboardInterrupt.__mro__[1].__name__)
