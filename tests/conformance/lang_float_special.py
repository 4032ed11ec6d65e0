# Exercises floats: inf/nan/-0.0 semantics, repr round-tripping, rounding modes, float<->int conversion, hex floats.
import math
import struct

inf = float("inf")
nan = float("nan")
nz = -0.0

print(repr(inf), repr(-inf), repr(nan), repr(nz), str(nz), 0.0 == nz)
print(math.copysign(1, nz), math.copysign(1, 0.0), 1 / inf, -1 / inf)
print(nan == nan, nan != nan, nan < 1, nan > 1, inf > 1e308, -inf < -1e308)
print(inf + 1, inf - inf, inf * 0, inf / inf, math.isnan(inf - inf))
print([x for x in (1.0, nan, 2.0) if x == x])
print(max(1.0, 2.0), min(nz, 0.0), min(0.0, nz), max(nz, 0.0))
print(sorted([3.5, -inf, 0.0, inf, -1e-300, 1e-300, nz]))
print(float("1e400"), float("-1e400"), float("  3.25  "), float("-nan") != float("-nan"))
print(1e308 * 10, -1e308 * 10, 5e-324, 5e-324 / 2, 2.2250738585072014e-308)

for text in ("0.1", "0.2", "0.3", "1/3", "2/3", "1e22", "1e23", "123456789012345678"):
    if "/" in text:
        a, b = text.split("/")
        v = int(a) / int(b)
    else:
        v = float(text)
    print(text, repr(v), v.hex(), float.fromhex(v.hex()) == v, v.as_integer_ratio())

print(0.1 + 0.2, 0.1 + 0.2 == 0.3, math.isclose(0.1 + 0.2, 0.3), sum([0.1] * 10), math.fsum([0.1] * 10))

# round(): banker's rounding and representation effects
print([round(x) for x in (0.5, 1.5, 2.5, -0.5, -1.5, 2.675, 3.4999)])
print([round(2.675, 2), round(1.005, 2), round(0.125, 2), round(0.375, 2), round(-2.5), round(1234.5678, -2)])
print(type(round(2.5)), type(round(2.5, 0)), round(2.5, 0), round(-0.4), repr(round(-0.4, 0)))

# int conversions and errors
for v in (3.99, -3.99, 1e20, -0.0, 2.0 ** 70):
    print(v, int(v), math.trunc(v), math.floor(v), math.ceil(v))
for bad in (inf, -inf, nan):
    try:
        int(bad)
    except (OverflowError, ValueError) as exc:
        print(type(exc).__name__, exc)

# Floor division / modulo on floats
for a in (7.5, -7.5, 0.0, -0.0):
    for b in (2.0, -2.0, inf):
        print(a, b, a // b, a % b, math.fmod(a, b))
try:
    1.0 / 0.0
except ZeroDivisionError as exc:
    print("ZeroDivisionError", exc)
try:
    1.0 % 0
except ZeroDivisionError as exc:
    print("ZeroDivisionError", exc)
try:
    2.0 ** 10000
except OverflowError as exc:
    print("OverflowError", exc)
print((-8.0) ** (1 / 3))
print(pow(-8.0, 2), pow(2.0, -2), 0.0 ** 0, (-0.0) ** 3)

# Hot loop: compensated summation vs naive
naive = 0.0
comp = 0.0
c = 0.0
for i in range(1, 20001):
    x = 1.0 / i
    naive += x
    y = x - c
    t = comp + y
    c = (t - comp) - y
    comp = t
print("harmonic", repr(naive), repr(comp), repr(math.fsum(1.0 / i for i in range(1, 20001))))

# Struct packing of floats
for v in (1.5, -0.0, inf, 1e-45, 3.4e38):
    packed = struct.pack(">f", v)
    print(v, packed.hex(), struct.unpack(">f", packed)[0])
print(struct.pack("<d", math.pi).hex(), struct.unpack("<d", struct.pack("<d", nz))[0])
print(float.is_integer(3.0), (3.5).is_integer(), (1e300).is_integer(), (2.5).hex())
print(format(1e16, ""), str(1e16), repr(1e15), repr(123456789.123456789), 1e-5, 0.0001)
print(f"{math.pi:.30f}", f"{1/3:.17g}", f"{2/3:e}", f"{1e-7:g}", f"{12345.678:,.2f}", f"{-0.0:+.1f}")
