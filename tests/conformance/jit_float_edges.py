# Float edge cases in hot loops: nan and inf arithmetic and comparisons, -0.0 (printed with repr), mixed int/float arithmetic, 2**53+1 converted to float, huge ints mixed with floats (OverflowError), float // and %.
import math

NAN = float("nan")
INF = float("inf")


def nan_compare(values):
    lt = le = eq = ne = gt = ge = 0
    for v in values:
        if v < 1.0:
            lt += 1
        if v <= 1.0:
            le += 1
        if v == 1.0:
            eq += 1
        if v != 1.0:
            ne += 1
        if v > 1.0:
            gt += 1
        if v >= 1.0:
            ge += 1
    return lt, le, eq, ne, gt, ge


def nan_self():
    same = 0
    for i in range(10):
        x = NAN if i >= 5 else float(i)
        if x == x:
            same += 1
        if not (x < x) and not (x > x) and x != x:
            same += 100
    return same


def running_ops(values):
    s = 0.0
    p = 1.0
    mx = -INF
    mn = INF
    for v in values:
        s = s + v
        p = p * v
        if v > mx:
            mx = v
        if v < mn:
            mn = v
    return repr(s), repr(p), repr(mx), repr(mn)


def neg_zero():
    out = []
    z = 0.0
    for i in range(6):
        z = -z
        out.append(repr(z))
    a = -0.0
    vals = []
    for i in range(4):
        vals.append(repr(a + 0.0))
        vals.append(repr(a - 0.0))
        vals.append(repr(a * 1.0))
        vals.append(repr(-a))
        vals.append(repr(0.0 * -1))
        vals.append(repr(-0.0 + -0.0))
        vals.append(a == 0.0)
    return out, vals[:7], vals == vals[:7] * 4


def int_float_mix():
    acc = 1
    steps = []
    for i in range(10):
        acc = acc + 0.5 if i % 3 == 0 else acc + 1
        steps.append(repr(acc))
    return steps


def precision_edges():
    base = 2**53
    out = []
    for k in range(-2, 5):
        n = base + k
        f = float(n)
        out.append((k, repr(f), int(f) - n, n + 0.0 == n, n == f))
    return out


def big_int_float():
    results = []
    x = 10
    for i in range(12):
        x = x ** 4 if i < 5 else x
        try:
            results.append(repr(x + 0.5))
        except OverflowError as e:
            results.append(f"OverflowError: {e}")
        try:
            results.append(repr(x * 1.0))
        except OverflowError as e:
            results.append(f"OverflowError: {e}")
        try:
            results.append(x < INF)
        except OverflowError as e:
            results.append(f"OverflowError: {e}")
        results.append(x == 1e308)
    return results[:8], results[12:20], results[-4:], len(results)


def true_division():
    out = []
    for a in (7, -7, 2**60, 2**70, 10**400):
        for b in (2, -3, 7):
            try:
                out.append(repr(a / b))
            except OverflowError as e:
                out.append(f"OverflowError: {e}")
    return out


def inf_arith():
    res = []
    for v in (INF, -INF):
        for w in (1.0, -1.0, 0.0, INF, -INF):
            res.append(repr(v + w))
            res.append(repr(v - w))
            res.append(repr(v * w))
            try:
                res.append(repr(v / w))
            except ZeroDivisionError as e:
                res.append(str(e))
    return res


def float_overflow_loop():
    x = 1.5
    n = 0
    while x < INF:
        x = x * 1.5e10
        n += 1
    y = 1e308
    grew = []
    for i in range(4):
        y = y * 10
        grew.append(repr(y))
    try:
        for i in range(4):
            z = 10.0 ** (300 + i * 5)
    except OverflowError as e:
        grew.append(f"OverflowError: {e} at {i}")
    return n, repr(x), grew


def rounding_sum():
    s = 0.0
    for i in range(1000):
        s += 0.1
    c = 0.0
    for i in range(1, 200):
        c += 1.0 / i
    return repr(s), repr(c), repr(math.fsum([0.1] * 1000))


def float_compare_ints():
    hits = []
    vals = [2**53, 2**53 + 1, 2**63, 2**63 + 1, 2**64, -(2**63), 10**30]
    for n in vals:
        f = float(n)
        hits.append((n == f, n < f, n > f, f == n))
    return hits


def main():
    print("nan_compare:", nan_compare([0.0, 2.0, 1.0, NAN, INF, -INF, 0.5, NAN, 1, 3]))
    print("nan_self:", nan_self())
    print("running:", running_ops([1.0, 2.0, 3.0, -4.0, 0.5, INF, 2.0]))
    print("running nan:", running_ops([1.0, 2.0, 3.0, NAN, 0.5]))
    print("running -inf*0:", running_ops([1.0, 2.0, -INF, 0.0, 1.0]))
    print("neg_zero:", neg_zero())
    print("int_float_mix:", int_float_mix())
    for row in precision_edges():
        print("precision:", row)
    print("big_int_float:", big_int_float())
    print("true_division:", true_division())
    print("inf_arith:", inf_arith())
    print("float_overflow:", float_overflow_loop())
    print("rounding:", rounding_sum())
    print("float_compare_ints:", float_compare_ints())
    print("math:", [repr(math.copysign(1.0, v)) for v in (0.0, -0.0, INF, -INF)])


main()
