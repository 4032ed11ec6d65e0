# Exercises str.format and format(): positional/keyword/indexed fields, attribute/index lookup, format spec mini-language, __format__.
import datetime

print("{} {} {}".format(1, "two", 3.0), "{2}{1}{0}".format("a", "b", "c"), "{0}{0}{1}".format("x", "y"))
print("{name} is {age}".format(name="Bo", age=7), "{0[1]} {0[k]} {1.real}".format({1: "one", "k": "kay"}, 3 + 4j))
print("{!r} {!s} {!a}".format("é", "é", "é"), "{:>8}|{:<8}|{:^8}|{:*^9}".format("r", "l", "c", "mid"))
print("{{literal}} {}".format("x"), "{:{w}.{p}f}".format(3.14159, w=10, p=3), "{:{}}".format("nest", 8) + "|")

specs = ["", "d", "5d", "<5d", "^7d", "+d", " d", "05d", ",d", "_d", "x", "#x", "X", "#o", "b", "#b", "_b", "c", "e", ".3e", "f", ".2f", "g", ".3g", "%", ".1%", "n", "=+8d"]
for v in (0, 42, -1234567, 255):
    row = []
    for sp in specs:
        try:
            row.append(format(v, sp))
        except (ValueError, OverflowError) as exc:
            row.append(type(exc).__name__[:2])
    print(v, row)

fspecs = ["", "f", ".0f", ".3f", "e", ".2E", "g", ".10g", "%", "+.1f", "08.2f", ",.2f", "_.3f", ">12.4f", "<12g|", "^12.1e", "#.0f", "z.1f"]
for v in (0.0, -0.0, 1.5, -2.675, 1234567.891, 1e-7, 1e21, float("inf"), float("nan"), -0.04):
    row = []
    for sp in fspecs:
        try:
            row.append(format(v, sp))
        except ValueError:
            row.append("VE")
    print(repr(v), row)

print(format("text", ".2"), format("text", "10.3"), format("x", "=^5"), format(True, "d"), format(True, ""), format(None, ""))
try:
    format("s", "d")
except ValueError as exc:
    print("ValueError:", exc)
try:
    "{0} {1}".format("only")
except IndexError as exc:
    print("IndexError:", exc)
try:
    "{missing}".format(present=1)
except KeyError as exc:
    print("KeyError:", exc)
try:
    "{} {0}".format(1, 2)
except ValueError as exc:
    print("ValueError:", exc)

d = datetime.date(2024, 2, 29)
dt = datetime.datetime(2023, 12, 31, 23, 59, 58, 123456)
print("{:%Y-%m-%d %a}".format(d), "{:%H:%M:%S.%f}".format(dt), format(dt, "%j %U"), str(dt), repr(d))
print((dt + datetime.timedelta(seconds=3)).isoformat(), d.replace(year=2025, day=28).weekday(), (d - datetime.date(2000, 1, 1)).days)

class Money:
    def __init__(self, cents):
        self.cents = cents

    def __format__(self, spec):
        if spec == "short":
            return "$%d" % (self.cents // 100)
        body = "%d.%02d" % divmod(abs(self.cents), 100)
        sign = "-" if self.cents < 0 else ""
        return format(sign + "$" + body, spec)

    def __str__(self):
        return format(self, "")

for c in (0, 5, 1999, -250, 123456):
    m = Money(c)
    print("[{}] [{:short}] [{:>12}] [{:*<12}] [{!s}]".format(m, m, m, m, m))

# Ledger output in a loop with computed widths
entries = [("rent", -120000), ("salary", 350000), ("food", -42150), ("refund", 1999), ("misc", -7)]
w = max(len(n) for n, _ in entries) + 2
bal = 0
for name, cents in entries * 3:
    bal += cents
    print("{n:<{w}}{a:>12,.2f}{b:>14,.2f}".format(n=name, w=w, a=cents / 100, b=bal / 100))
fmt = "{0:>{1}}"
print([fmt.format(i, i % 6 + 1) for i in range(8)])
print(str.format("{}-{}", *"ab"), "{a}{b}".format(**{"a": 1, "b": 2}), "{0.__class__.__name__}".format(1.5))
print("{:,}".format(10 ** 20), "{:_x}".format(2 ** 64 - 1), "{:>+20,.3f}".format(-1e9 / 7), "{:.5}".format(str(10 ** 40)))
