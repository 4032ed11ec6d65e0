# Exercises big-int arithmetic: thousands of digits, negatives, shifts, pow with modulus, divmod, gcd, int<->str round trips.
import sys
import math

if hasattr(sys, "set_int_max_str_digits"):
    sys.set_int_max_str_digits(20000)

big = 7 ** 3000
print("digits of 7**3000:", len(str(big)))
s = str(big)
print("head", s[:40], "tail", s[-40:])
print("digit sum", sum(int(c) for c in s))

neg = -big
print("neg bits", neg.bit_length(), "sign", (neg > 0) - (neg < 0))
q, r = divmod(neg, 10 ** 50 + 151)
print("divmod neg:", str(q)[:30], r)
q2, r2 = divmod(big, -(3 ** 200))
print("divmod by neg:", str(q2)[:30], str(r2)[:30], r2 < 0)
assert q2 * -(3 ** 200) + r2 == big

# Shifts
x = big
for k in (1, 7, 63, 64, 65, 1000, 8000):
    y = x >> k
    z = x << k
    print("shift", k, y.bit_length(), z.bit_length(), (z >> k) == x, y % 1000)
print((-big >> 9000), (-1 << 200) >> 199)

# Modular exponentiation (RSA-style toy)
p = 2 ** 127 - 1
q = 2 ** 89 - 1
n = p * q
phi = (p - 1) * (q - 1)
e = 65537
d = pow(e, -1, phi)
print("d mod 1e9:", d % 10 ** 9)
for msg in (42, 123456789, 2 ** 100 + 3, n - 1):
    c = pow(msg, e, n)
    back = pow(c, d, n)
    print("rsa", msg == back, c % 99991)

# Factorial and binomials
f = math.factorial(1000)
print("1000! digits", len(str(f)), "trailing zeros", len(str(f)) - len(str(f).rstrip("0")))
print("comb", math.comb(200, 100) % 10 ** 12, math.perm(50, 20) % 10 ** 12)
print("gcd", math.gcd(math.factorial(300), 2 ** 400 * 3 ** 50), math.lcm(2 ** 70, 3 ** 40, 6 ** 30) % 10 ** 15)
print("isqrt", math.isqrt(10 ** 200 + 12345) % 10 ** 10)

# int <-> str in various bases
v = 3 ** 500 - 5 ** 200
for base in (2, 8, 16, 36):
    if base == 2:
        t = bin(v)
    elif base == 8:
        t = oct(v)
    elif base == 16:
        t = hex(v)
    else:
        digs = "0123456789abcdefghijklmnopqrstuvwxyz"
        w = v
        out = []
        while w:
            w, rem = divmod(w, 36)
            out.append(digs[rem])
        t = "".join(reversed(out))
    back = int(t, 0) if base != 36 else int(t, 36)
    print(base, len(t), t[:20], back == v)

# Accumulating Fibonacci numbers; loop variable goes small -> big
a, b = 0, 1
for i in range(1, 2001):
    a, b = b, a + b
    if i in (10, 50, 90, 93, 94, 100, 500, 1000, 2000):
        print("fib", i, a % 10 ** 20, a.bit_length())

# Bitwise ops on big negatives
m = -(2 ** 300) + 12345
print((m & 0xFFFF), (m | 1) % 1000, (m ^ (2 ** 301)) % 10 ** 9, ~m % 97)
print(int.from_bytes((2 ** 100).to_bytes(13, "big"), "big") == 2 ** 100)
print((-(2 ** 70)).to_bytes(10, "big", signed=True).hex())
print(abs(-big) == big, hash(2 ** 61 - 1), hash(2 ** 61), hash(-(2 ** 64)))
print(pow(-2, 201) % 1000, (-2) ** 201 // (2 ** 190))
print(10 ** 30 // 7, -(10 ** 30) // 7, 10 ** 30 % -7, round(10 ** 30 / 7))
