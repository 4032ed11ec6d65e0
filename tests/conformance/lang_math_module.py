# Exercises `from math import *` at module level (IMPORT_STAR) and many math functions over loops.
from math import *
import math as m

print("pi", pi, "e", e, "tau", tau, "inf", inf, isnan(nan))
print(sqrt(2), cbrt(27) if "cbrt" in dir(m) else "no cbrt", hypot(3, 4), hypot(1, 2, 2))
print(exp(1), expm1(1e-10), log(e), log(8, 2), log10(1000), log2(1024), log1p(1e-10))
print(sin(pi / 6), cos(pi / 3), tan(pi / 4), asin(1), acos(0), atan(1), atan2(-1, -1))
print(sinh(1), cosh(1), tanh(1), asinh(1), acosh(2), atanh(0.5))
print(degrees(pi), radians(180), floor(-2.5), ceil(-2.5), trunc(-2.5), fabs(-3))
print(factorial(20), gcd(48, 180), gcd(0, 0), lcm(4, 6, 10), comb(10, 3), perm(10, 3), isqrt(99))
print(prod([1, 2, 3, 4, 5]), prod(range(1, 10), start=2), fsum([1e100, 1.0, -1e100]), dist((0, 0), (3, 4)))
print(copysign(3, -0.0), frexp(8.0), ldexp(0.5, 4), modf(-3.75), remainder(10, 3), fmod(-10, 3))
print(isfinite(1e308), isinf(-inf), isclose(1.0, 1.0 + 1e-10), isclose(1, 1.1, rel_tol=0.2), nextafter(1.0, 2.0), ulp(1.0))
print(erf(1), erfc(1), gamma(5), lgamma(10), gamma(0.5) ** 2)

# A module-level name imported by * can be rebound mid-loop
results = []
for i in range(12):
    if i == 6:
        sqrt = lambda x: -1.0  # noqa: E731  rebinding the star-imported name
    results.append(sqrt(i * i))
print(results)
del sqrt
try:
    sqrt(4)
except NameError as exc:
    print("NameError:", exc)
sqrt = m.sqrt
print(sqrt(16))

# Numerical integration with Simpson's rule
def simpson(f, a, b, n=1000):
    h = (b - a) / n
    s = f(a) + f(b)
    for k in range(1, n):
        s += (4 if k % 2 else 2) * f(a + k * h)
    return s * h / 3

print("int sin 0..pi", round(simpson(sin, 0, pi), 12))
print("int exp 0..1", round(simpson(exp, 0, 1), 12), round(e - 1, 12))
print("int 1/x 1..e", round(simpson(lambda x: 1 / x, 1, e), 12))

# Newton's method for square roots, compared against isqrt/sqrt
def newton_sqrt(x):
    if x == 0:
        return 0.0
    g = x / 2 or 1.0
    for _ in range(60):
        ng = (g + x / g) / 2
        if ng == g:
            break
        g = ng
    return g

bad = 0
for k in range(1, 3000):
    if abs(newton_sqrt(k) - sqrt(k)) > 1e-12 * sqrt(k):
        bad += 1
print("newton mismatches", bad)

# Trig identities in a loop
worst = 0.0
for k in range(2000):
    t = k * 0.0031
    err = abs(sin(t) ** 2 + cos(t) ** 2 - 1)
    if err > worst:
        worst = err
print("worst identity error below 1e-15:", worst < 1e-15)
try:
    log(-1)
except ValueError as exc:
    print("ValueError", exc)
try:
    sqrt(-1)
except ValueError as exc:
    print("ValueError", exc)
try:
    exp(1000)
except OverflowError as exc:
    print("OverflowError", exc)
print(sorted(n for n in dir(m) if not n.startswith("_"))[:12])
