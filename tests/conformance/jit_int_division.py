# Floor division and modulo in hot loops with every sign combination, big operands, and ZeroDivisionError (int // 0, int % 0, float / 0.0, divmod) raised mid-loop and caught inside or outside the loop.


def signs_table():
    rows = []
    pairs = [(7, 2), (-7, 2), (7, -2), (-7, -2), (0, 3), (0, -3), (6, 3), (-6, 3), (6, -3), (1, 7), (-1, 7), (1, -7), (-1, -7)]
    for a, b in pairs:
        rows.append((a, b, a // b, a % b, a & b, a | b, a ^ b))
    return rows


def floor_sweep(lo, hi, d):
    q_sum = 0
    r_sum = 0
    checks = 0
    for i in range(lo, hi):
        q = i // d
        r = i % d
        q_sum += q
        r_sum += r
        if q * d + r == i:
            checks += 1
    return q_sum, r_sum, checks


def big_division():
    out = []
    n = 2**64 + 12345
    for d in range(-5, 6):
        if d == 0:
            continue
        out.append((d, n // d, n % d, -n // d, -n % d))
    return out


def min_int_div():
    m = -(2**63)
    res = []
    for d in (1, -1, 2, -2, 3, 2**63 - 1, -(2**63)):
        res.append((m // d, m % d))
    return res


def zero_div_outside(n, zero_at):
    total = 0
    i = 0
    try:
        for i in range(n):
            d = i - zero_at
            total += 1000 // d
    except ZeroDivisionError as e:
        return "caught outside", i, total, str(e)
    return "done", i, total


def zero_div_inside(n):
    total = 0
    errors = []
    for i in range(n):
        d = i % 5
        try:
            total += 100 // d
        except ZeroDivisionError as e:
            errors.append((i, str(e)))
    return total, errors


def zero_mod_inside(n):
    total = 0
    errors = 0
    last = None
    for i in range(n):
        d = 3 - i % 4
        try:
            total += (i * 7) % d
        except ZeroDivisionError as e:
            errors += 1
            last = str(e)
    return total, errors, last


def float_zero(n):
    acc = 0.0
    msgs = []
    for i in range(n):
        d = float(i - 10)
        try:
            acc += 1.0 / d
        except ZeroDivisionError as e:
            msgs.append((i, str(e)))
    return round(acc, 9), msgs


def float_floordiv_zero():
    msgs = []
    vals = [3.0, 2.0, 1.0, 0.0, -0.0, -1.0]
    for v in vals:
        try:
            msgs.append(7.5 // v)
        except ZeroDivisionError as e:
            msgs.append(str(e))
        try:
            msgs.append(7.5 % v)
        except ZeroDivisionError as e:
            msgs.append(str(e))
    return msgs


def divmod_loop():
    out = []
    for a in range(-4, 5):
        for b in (-3, 3, 0):
            try:
                out.append(divmod(a, b))
            except ZeroDivisionError as e:
                out.append(str(e))
    return out


def float_mod_signs():
    res = []
    for a in (5.5, -5.5, 0.0, -0.0):
        for b in (2.0, -2.0):
            res.append((a, b, a // b, a % b))
    return [tuple(repr(x) for x in r) for r in res]


def mixed_int_float_div():
    acc = 0
    for i in range(1, 40):
        acc = acc + i / 4
        acc = acc + i // 4
        acc = acc - i % 4
    return acc


def main():
    for row in signs_table():
        print("signs", row)
    print("sweep +3:", floor_sweep(-50, 50, 3))
    print("sweep -3:", floor_sweep(-50, 50, -3))
    print("sweep 7:", floor_sweep(-1000, 1000, 7))
    for row in big_division():
        print("big", row)
    print("min_int_div:", min_int_div())
    print(zero_div_outside(50, 30))
    print(zero_div_outside(20, 30))
    print(zero_div_outside(3, 1))
    print("zero_div_inside:", zero_div_inside(23))
    print("zero_mod_inside:", zero_mod_inside(40))
    print("float_zero:", float_zero(20))
    print("float_floordiv_zero:", float_floordiv_zero())
    print("divmod_loop:", divmod_loop())
    print("float_mod_signs:", float_mod_signs())
    print("mixed:", mixed_int_float_div())

    # zero division raised in a while loop, loop retried after catching
    count = 0
    d = 5
    results = []
    while count < 12:
        try:
            results.append(60 // d)
        except ZeroDivisionError:
            results.append("zde")
        d -= 1
        count += 1
    print("while zde:", results, d, count)


main()
