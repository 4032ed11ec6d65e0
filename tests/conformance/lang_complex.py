# Exercises complex numbers: literals, arithmetic, mixed int/float/complex ops, cmath, repr of signed zeros, Mandelbrot loop.
import cmath

z = 3 + 4j
w = complex(1, -2)
print(z, w, repr(z), repr(-w), z.real, z.imag, z.conjugate(), abs(z))
print(z + w, z - w, z * w, z / w, z ** 2, z ** 0.5, 2 ** z)
print(z + 1, 1 - z, z * 2.5, 2.5 / z, -z, +z, z == complex(3, 4), z != w)
print(complex("1+2j"), complex("-1.5e3j"), complex(" (2-0j) "), complex(0, -0.0), complex(-0.0, 0))
print(repr(complex(0.0, -0.0)), repr(-(0j)), repr(0j * -1), 1j * 1j, (1j) ** 2, 1j ** 0)
print(cmath.sqrt(-1), cmath.exp(1j * cmath.pi).real, round(cmath.exp(1j * cmath.pi).imag, 12))
print(cmath.phase(-1), cmath.phase(complex(-1, -0.0)), cmath.polar(1j), cmath.rect(2, 0))
print(cmath.log(-1), cmath.log10(100), cmath.isclose(cmath.sin(1j), 1j * cmath.sinh(1)))
print(complex(float("inf"), 1), complex(1, float("nan")), cmath.isinf(complex(float("inf"), 0)))
try:
    z // w
except TypeError as exc:
    print("TypeError", exc)
try:
    z < w
except TypeError as exc:
    print("TypeError", exc)
try:
    1 / (0j)
except ZeroDivisionError as exc:
    print("ZeroDivisionError", exc)
print(hash(1 + 0j) == hash(1), hash(2j), {1: "int", 1 + 0j: "complex"})
print(format(z, ".3f"), format(w, "^20"), f"{1/3+2/3j:.2e}", f"{z!r:>12}")


def mandel(c, limit=60):
    zz = 0j
    for i in range(limit):
        zz = zz * zz + c
        if zz.real * zz.real + zz.imag * zz.imag > 4.0:
            return i
    return limit


rows = []
for yi in range(-10, 11):
    line = []
    for xi in range(-30, 11):
        n = mandel(complex(xi / 15, yi / 9))
        line.append(" .:-=+*#%@"[min(n, 59) // 6])
    rows.append("".join(line))
print("\n".join(rows))

# Roots of unity and polynomial evaluation
n = 12
roots = [cmath.exp(2j * cmath.pi * k / n) for k in range(n)]
total = sum(roots)
print("sum of roots ~0:", abs(total) < 1e-12)
prod = 1
for r in roots:
    prod *= r
print("product", round(prod.real, 9), round(prod.imag, 9))


def poly(coeffs, x):
    acc = 0
    for c in coeffs:
        acc = acc * x + c
    return acc


# the accumulator starts as int, becomes complex
print([poly([1, 0, 1], t) for t in (0, 1, 1j, -1j, 2 + 1j)])
print([poly([1, -3, 2], t) for t in (1, 2, 1.5, 0.5j)])
print(sum([1, 2.5, 3j, -1 - 1j]), type(sum([1, 2])).__name__, type(sum([1, 2.0, 0j])).__name__)
