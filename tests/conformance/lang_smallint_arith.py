# Exercises small-int arithmetic in hot loops: + - * // % ** << >> & | ^ ~, negative floor division, overflow into big ints.

def collatz_len(n):
    steps = 0
    while n != 1:
        if n % 2 == 0:
            n //= 2
        else:
            n = 3 * n + 1
        steps += 1
    return steps


best = (0, 0)
for start in range(1, 3000):
    length = collatz_len(start)
    if length > best[1]:
        best = (start, length)
        print("new best", best)
print("collatz best below 3000:", best)

# Floor division and modulo sign rules
for a in (-7, -6, -1, 0, 1, 6, 7):
    row = []
    for b in (-3, -2, 2, 3):
        row.append((a // b, a % b, divmod(a, b)))
    print(a, row)

# Bitwise operations across a range, including negatives
acc_and = -1
acc_or = 0
acc_xor = 0
for i in range(-500, 500):
    acc_and &= (i | 0x40)
    acc_or |= i & 0x3FF
    acc_xor ^= i * 7
print("and/or/xor:", acc_and, acc_or, acc_xor)
print("inversions:", [~x for x in range(-4, 5)])
print("shifts:", [1 << k for k in range(0, 70, 7)])
print("rshifts:", [(-1000) >> k for k in range(0, 12)])

# A running sum that crosses the machine-word boundary
total = 1
for i in range(1, 80):
    total = total * 3 + i
    if i % 10 == 0:
        print(i, total, total.bit_length())
print("final", total, total % 1000000007)

# Powers with negative exponents produce floats
print([2 ** e for e in range(-3, 4)])
print([(-2) ** e for e in range(0, 8)])
print(pow(3, 4), pow(3, 4, 5), pow(-3, 3, 7), pow(3, -1, 7))

# Integer accumulators with mixed ops
h = 0
for i in range(10000):
    h = (h * 31 + i) & 0xFFFFFFFF
    h ^= h >> 13
print("hash-like:", h)

s = 0
for i in range(1, 5000):
    s += (i * i) // (i % 7 + 1) - (i << 2) % 11
print("mixed sum:", s)

# abs, int conversions, bool arithmetic
print(abs(-5), abs(0), int(True) + True, True * 10, False - 1)
print(int("  -42 "), int("0x1f", 16), int("1f", 16), int("0b101", 0), int("0o17", 0), int("1_000_000"))
print(round(1234567, -3), round(-1250, -2), round(1350, -2))
print((17).bit_length(), (-17).bit_length(), (255).to_bytes(2, "big"), int.from_bytes(b"\x01\x00", "little"))
print((10).__add__(5), (10).__rsub__(3), (7).__floordiv__(2), (7).conjugate(), (7).numerator, (7).denominator)
