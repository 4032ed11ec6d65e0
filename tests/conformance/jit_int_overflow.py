# Hot loops whose int values grow past 64 bits mid-loop: + and * and << overflow, unary minus of -2**63, i*i for big i, accumulators crossing 2**62, 2**63 and 2**64, and shrinking back.


def add_cross(start, step, n):
    acc = start
    seen = []
    for i in range(n):
        acc = acc + step
        if i % 7 == 0:
            seen.append(acc)
    return acc, seen


def mul_grow(n):
    x = 3
    for i in range(n):
        x = x * 3
    return x


def shift_grow(n):
    out = []
    v = 1
    for i in range(n):
        v = 1 << i
        out.append(v.bit_length())
    return v, out[-5:], sum(out)


def neg_min():
    vals = [0, 1, -1, 2**62, -(2**62), 2**63 - 1, -(2**63), -(2**63) + 1, 2**63, -(2**64)]
    res = []
    for i in range(len(vals)):
        v = vals[i]
        res.append(-v)
    return res


def square_big(lo, hi):
    total = 0
    last = 0
    for i in range(lo, hi):
        last = i * i
        total += last
    return total, last


def accumulate_crossings():
    # increments of about 2**58 so that the sum crosses 2**62, 2**63, 2**64 a few iterations apart
    acc = 0
    marks = []
    step = 2**58 + 12345
    for i in range(80):
        before = acc
        acc += step
        if before < 2**62 <= acc:
            marks.append(("2**62", i))
        if before < 2**63 <= acc:
            marks.append(("2**63", i))
        if before < 2**64 <= acc:
            marks.append(("2**64", i))
    return acc, marks


def down_and_back():
    # goes big then returns to small: the value must be correct on both sides
    x = 2**63 - 10
    hist = []
    for i in range(20):
        x += 1
        hist.append(x - (2**63))
    for i in range(20):
        x -= 1
        hist.append(x - (2**63))
    return x, hist


def sub_underflow():
    x = -(2**63) + 5
    out = []
    for i in range(12):
        x = x - 1
        out.append(x + 2**63)
    return x, out


def mixed_ops(n):
    # each op can overflow at a different iteration
    a = 1
    b = -1
    c = 7
    d = 0
    for i in range(n):
        a = a * 2 + 1
        b = b * 2 - 1
        c = (c << 1) ^ i
        d = d - a + b
    return a, b, c, d


def bitops_big():
    res = 0
    mask = (1 << 70) - 1
    for i in range(100):
        v = (i << 60) | i
        res ^= v & mask
        res = res | (i << (i % 70))
    return res, res >> 64, res & 0xFFFF, -res >> 3


def mod_pow_loop():
    acc = 1
    m = 2**61 - 1
    for i in range(1, 300):
        acc = (acc * (i + 2**40)) % m
    return acc


def main():
    print("add_cross small step:", add_cross(2**63 - 100, 7, 40))
    print("add_cross negative:", add_cross(-(2**63) + 100, -7, 40))
    print("add_cross 2**62:", add_cross(2**62 - 3, 1, 8))
    print("mul_grow:", mul_grow(60))
    print("mul_grow 41:", mul_grow(41), mul_grow(39), mul_grow(38))
    print("shift_grow:", shift_grow(70))
    print("shift_grow 64:", shift_grow(64))
    print("neg_min:", neg_min())
    print("square_big:", square_big(3037000490, 3037000510))
    print("square_big small:", square_big(0, 100))
    print("crossings:", accumulate_crossings())
    print("down_and_back:", down_and_back())
    print("sub_underflow:", sub_underflow())
    for n in (0, 1, 2, 3, 30, 62, 63, 64, 65, 100):
        print("mixed_ops", n, mixed_ops(n))
    print("bitops_big:", bitops_big())
    print("mod_pow_loop:", mod_pow_loop())

    # unary minus of the smallest 64-bit value, repeatedly in a hot loop
    v = -(2**63)
    k = 0
    for i in range(10):
        k = -v
        v = -k
    print("neg loop:", v, k, type(k).__name__)

    # factorial crossing 64 bits around 21!
    f = 1
    for i in range(1, 30):
        f *= i
        if i in (20, 21, 22):
            print("fact", i, f, f.bit_length())
    print("fact 29:", f)

    # fibonacci crossing 64 bits around fib(93)
    a, b = 0, 1
    for i in range(100):
        a, b = b, a + b
    print("fib:", a, b)


main()
