# Exercises decimal.Decimal (contexts, rounding, quantize) and fractions.Fraction arithmetic, mixed with ints/floats.
from decimal import Decimal, getcontext, localcontext, ROUND_HALF_UP, ROUND_DOWN, ROUND_HALF_EVEN, InvalidOperation, DivisionByZero
from fractions import Fraction
import math

getcontext().prec = 40
print(Decimal(1) / Decimal(7))
print(Decimal("0.1") + Decimal("0.2"), Decimal(0.1), Decimal("1.30") * 2, Decimal("-0"), Decimal("1e3").normalize())
print(Decimal(2).sqrt(), Decimal(10).ln(), Decimal("1.000").exp(), Decimal(1000).log10())
for mode in (ROUND_HALF_UP, ROUND_DOWN, ROUND_HALF_EVEN):
    print(mode, [str(Decimal(v).quantize(Decimal("0.1"), rounding=mode)) for v in ("1.25", "1.35", "-1.25", "2.45", "2.55")])
with localcontext() as ctx:
    ctx.prec = 5
    print("prec5", Decimal(1) / Decimal(3), Decimal("123456789") + 0)
print("prec back", Decimal(2) / Decimal(3))
try:
    Decimal(1) / Decimal(0)
except DivisionByZero as exc:
    print("DivisionByZero", type(exc).__name__)
try:
    Decimal("abc")
except InvalidOperation as exc:
    print("InvalidOperation", type(exc).__name__)
print(Decimal("NaN").is_nan(), Decimal("-Infinity"), Decimal("1.5").as_tuple(), Decimal("7.25").as_integer_ratio())
print(sorted([Decimal("1.1"), Decimal("-2"), Decimal("0.99"), Decimal("1.10")]))
print(Decimal("3.14159").to_integral_value(), round(Decimal("2.5")), round(Decimal("3.14159"), 3), int(Decimal("-7.9")))

# Compound interest with Decimal in a loop
balance = Decimal("1000.00")
rate = Decimal("0.0375") / 12
for month in range(1, 121):
    balance = (balance * (1 + rate)).quantize(Decimal("0.01"), rounding=ROUND_HALF_EVEN)
    if month % 24 == 0:
        print("month", month, balance)

# Fractions
a = Fraction(3, 4)
b = Fraction("-5/6")
print(a + b, a - b, a * b, a / b, a ** 2, b ** -2, -a, abs(b), a // b, a % b, divmod(a, b))
print(Fraction(0.1), Fraction(0.1).limit_denominator(100), Fraction("1.25e-2"), Fraction(Decimal("0.75")))
print(a + 1, 1 - a, a * 2.0, a == 0.75, a < b, sorted([a, b, Fraction(0), Fraction(1, 3)]))
print(math.floor(Fraction(-7, 2)), math.ceil(Fraction(-7, 2)), round(Fraction(5, 2)), round(Fraction(7, 2)), round(Fraction(22, 7), 3))
print(hash(Fraction(1, 2)) == hash(0.5), Fraction(6, 4).numerator, Fraction(6, 4).denominator, Fraction(5).as_integer_ratio())

# Harmonic numbers exactly
h = Fraction(0)
for k in range(1, 61):
    h += Fraction(1, k)
    if k % 15 == 0:
        print("H", k, h.numerator % 10 ** 12, h.denominator % 10 ** 12, float(h))

# Egyptian fraction decomposition
def egyptian(fr):
    parts = []
    while fr.numerator != 0:
        d = -(-fr.denominator // fr.numerator)
        parts.append(d)
        fr -= Fraction(1, d)
    return parts

for fr in (Fraction(4, 13), Fraction(5, 121), Fraction(7, 15), Fraction(3, 7)):
    print(fr, "=", " + ".join("1/%d" % d for d in egyptian(fr)))

# Continued fraction of sqrt(2) convergents
conv = Fraction(1)
for i in range(20):
    conv = 1 + 1 / (1 + conv)
print("sqrt2 approx", conv, float(conv), float(conv) - math.sqrt(2))
try:
    Fraction(1, 0)
except ZeroDivisionError as exc:
    print("ZeroDivisionError", exc)
