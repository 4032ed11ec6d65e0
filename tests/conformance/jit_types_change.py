# Types changing in hot loops after the trace is recorded: int -> float -> str in one variable, list elements int then float then bool, bool arithmetic, None appearing, int and float subclasses mid-loop.


class MyInt(int):
    def __repr__(self):
        return f"MyInt({int(self)})"


class LoudInt(int):
    def __add__(self, other):
        return LoudInt(int(self) + int(other) + 1000)

    __radd__ = __add__

    def __repr__(self):
        return f"LoudInt({int(self)})"


class MyFloat(float):
    def __repr__(self):
        return f"MyFloat({float(self)!r})"


def int_float_str():
    v = 0
    kinds = []
    for i in range(150):
        if i < 50:
            v = v + i
        elif i < 100:
            if i == 50:
                v = float(v)
            v = v + 0.5
        else:
            if i == 100:
                v = str(v)
            v = v + "!" if i % 10 == 0 else v
        kinds.append(type(v).__name__)
    return v, [(k, kinds.count(k)) for k in ("int", "float", "str")]


def sum_elements(items):
    total = 0
    types = []
    for x in items:
        total = total + x
        t = type(total).__name__
        if not types or types[-1][0] != t:
            types.append((t, x))
    return total, types


def multiply_elements(items):
    prod = 1
    for i in range(len(items)):
        prod = prod * items[i]
    return prod


def bool_arith():
    t = True
    f = False
    out = []
    for i in range(10):
        out.append((t + i, f - i, t * i, i // t, t & (i % 2 == 1), f | (i > 5), -t, t ^ True, t << i))
    return out[0], out[5], out[9]


def compare_mixed(values):
    lt = 0
    eq = 0
    for v in values:
        if v < 3:
            lt += 1
        if v == 3:
            eq += 1
    return lt, eq


def subclass_mid_loop():
    acc = 0
    log = []
    for i in range(60):
        x = i
        if i == 40:
            x = MyInt(i)
        if i == 45:
            x = LoudInt(i)
        if i == 50:
            x = MyFloat(0.25)
        acc = acc + x
        if i in (39, 40, 41, 45, 46, 50, 51):
            log.append((i, repr(acc), type(acc).__name__))
    return acc, log


def loud_accumulator():
    acc = LoudInt(0)
    for i in range(5):
        acc = acc + i
    plain = 0
    for i in range(5):
        plain = plain + LoudInt(i) if i > 2 else plain + i
    return acc, plain


def float_subclass_loop():
    xs = [1.5, 2.5, MyFloat(3.5), 4.5]
    s = 0.0
    reps = []
    for x in xs:
        s = s + x
        s2 = x * 2
        reps.append((repr(s), repr(s2), repr(-x), type(-x).__name__))
    return s, reps


def none_comparisons():
    vals = [1, 2, None, 3, None, 0, False, "", None]
    out = []
    for v in vals:
        if v is None:
            out.append("none")
        elif v is not None and not v:
            out.append("falsy")
        else:
            out.append(v)
    errors = []
    for v in vals:
        try:
            if v > 0:
                pass
        except TypeError as e:
            errors.append(str(e))
    return out, errors


def str_after_hot():
    n = 0
    for i in range(30):
        n = n + 2
    s = n
    for i in range(5):
        s = s * 2 if i < 3 else str(s) * 2
    return n, s


def main():
    print("int_float_str:", int_float_str())
    print("sum ints then float then bool:", sum_elements([1, 2, 3, 4, 5, 6, 0.5, True, True, 7]))
    print("sum bools:", sum_elements([True] * 10 + [False, 1, 2.0]))
    print("sum big:", sum_elements([2**62, 2**62, 2**62, 1.0, -(2**63)]))
    print("sum complex:", sum_elements([1, 2, 3, 1j, 2]))
    print("multiply:", multiply_elements([2, 3, 4, 5, 1.5, True, 2, 10**20]))
    try:
        sum_elements([1, 2, 3, 4, "x"])
    except TypeError as e:
        print("TypeError:", e)
    try:
        multiply_elements([1, 2, 3, "ab", 2, None])
    except TypeError as e:
        print("TypeError:", e)
    print("multiply str:", multiply_elements([1, 2, 3, "ab", 2]))
    print("multiply list:", multiply_elements([2, 2, [0], 2]))
    print("bool_arith:", bool_arith())
    print("compare_mixed:", compare_mixed([1, 2, 3, 4, 2.5, 3.0, True, False, 10**30, -(10**30), MyInt(3), MyFloat(2.0)]))
    print("subclass_mid_loop:", subclass_mid_loop())
    print("loud:", loud_accumulator())
    print("float_subclass:", float_subclass_loop())
    print("none:", none_comparisons())
    print("str_after_hot:", str_after_hot())

    # A loop variable rebound to every kind of number in turn
    x = 1
    trail = []
    for step in [1, 1, 1, 1, 0.5, 0.5, True, 10**20, -(10**20), MyInt(4), 2.0, 1j]:
        x = x + step
        trail.append(repr(x))
    print("trail:", trail)


main()
