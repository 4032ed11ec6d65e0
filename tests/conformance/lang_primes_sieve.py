# Exercises prime algorithms: Eratosthenes sieve (list of bools and bytearray), segmented sieve, trial division, Miller-Rabin on big ints, factorization, totients.


def sieve(n):
    is_p = [True] * (n + 1)
    is_p[0] = is_p[1] = False
    p = 2
    while p * p <= n:
        if is_p[p]:
            for m in range(p * p, n + 1, p):
                is_p[m] = False
        p += 1
    return [i for i, f in enumerate(is_p) if f]


def sieve_bytes(n):
    s = bytearray([1]) * (n + 1)
    s[0] = s[1] = 0
    for p in range(2, int(n ** 0.5) + 1):
        if s[p]:
            s[p * p::p] = bytes(len(range(p * p, n + 1, p)))
    return s


def segmented(lo, hi, base):
    seg = [True] * (hi - lo)
    for p in base:
        if p * p >= hi:
            break
        start = max(p * p, (lo + p - 1) // p * p)
        for m in range(start, hi, p):
            seg[m - lo] = False
    return [lo + i for i, f in enumerate(seg) if f and lo + i > 1]


def is_prime_trial(n):
    if n < 2:
        return False
    if n % 2 == 0:
        return n == 2
    d = 3
    while d * d <= n:
        if n % d == 0:
            return False
        d += 2
    return True


def miller_rabin(n):
    if n < 2:
        return False
    small = (2, 3, 5, 7, 11, 13, 17, 19, 23, 29, 31, 37)
    for p in small:
        if n % p == 0:
            return n == p
    d, r = n - 1, 0
    while d % 2 == 0:
        d //= 2
        r += 1
    for a in small:
        x = pow(a, d, n)
        if x == 1 or x == n - 1:
            continue
        for _ in range(r - 1):
            x = x * x % n
            if x == n - 1:
                break
        else:
            return False
    return True


def factorize(n):
    out = []
    d = 2
    while d * d <= n:
        while n % d == 0:
            out.append(d)
            n //= d
        d += 1 if d == 2 else 2
    if n > 1:
        out.append(n)
    return out


primes = sieve(30000)
sb = sieve_bytes(30000)
print(len(primes), primes[:15], primes[-3:], sum(primes) % 1000007)
print("bytearray sieve agrees:", [i for i in range(30001) if sb[i]] == primes)
seg = segmented(1_000_000, 1_001_000, sieve(1100))
print("segment primes", len(seg), seg[:5], seg[-2:])
print("trial agrees on segment:", all(is_prime_trial(p) for p in seg), sum(1 for n in range(1_000_000, 1_001_000) if is_prime_trial(n)))

twins = [(p, q) for p, q in zip(primes, primes[1:]) if q - p == 2]
gaps = {}
for p, q in zip(primes, primes[1:]):
    gaps[q - p] = gaps.get(q - p, 0) + 1
print("twins", len(twins), twins[-2:], "max gap", max(gaps), sorted(gaps.items())[:6])

mersenne = [p for p in range(2, 130) if miller_rabin(p) and miller_rabin(2 ** p - 1)]
print("mersenne exponents", mersenne)
bigs = [2 ** 89 - 1, 2 ** 89 + 1, 10 ** 18 + 3, 10 ** 18 + 9, 999999999989, 561, 1105, 3215031751, (2 ** 61 - 1) * (2 ** 31 - 1)]
print([(n % 100000, miller_rabin(n)) for n in bigs])
print([factorize(n) for n in (1, 2, 360, 9973, 600851475143, 2 ** 20 * 3 ** 5, 999999, 1234567890)])

# Euler's totient via sieve in a hot loop
N = 5000
phi = list(range(N + 1))
for p in range(2, N + 1):
    if phi[p] == p:
        for m in range(p, N + 1, p):
            phi[m] -= phi[m] // p
print("phi", phi[1:13], sum(phi) % 1000003, phi[N])

# Goldbach partitions counted for some even numbers
pset = set(primes)
for n in (4, 28, 100, 1000, 10000, 29998):
    count = sum(1 for p in primes if p <= n // 2 and (n - p) in pset)
    print("goldbach", n, count)
