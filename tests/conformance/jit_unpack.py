# Tuple and list unpacking in hot loops (UNPACK_SEQUENCE from its specialized forms): the
# sequence changing type, length or contents mid-loop, and the errors python3 gives.


def pairs(seq, n):
    total = 0
    out = []
    for i in range(n):
        try:
            a, b = seq[i % len(seq)]
            total += a * 10 + b
        except (ValueError, TypeError) as e:
            out.append(f"{i}: {type(e).__name__}: {e}")
    return total, out


print(pairs([(1, 2), (3, 4)], 100))
print(pairs([[1, 2], [3, 4]], 100))
print(pairs([(1, 2)] * 5 + [(1, 2, 3)], 60))
print(pairs([(1, 2)] * 5 + [(1,)], 60))
print(pairs([(1, 2)] * 5 + [[5, 6]], 60))
print(pairs([(1, 2)] * 5 + ["xy"], 60))
print(pairs([(1, 2)] * 5 + [None], 60))
print(pairs([(1, 2)] * 5 + [iter((7, 8))], 60))


def triples(n):
    rows = [[1, 2, 3], [4, 5, 6]]
    acc = []
    for i in range(n):
        x, y, z = rows[i % 2]
        acc.append(x + y * z)
        if i == 30:
            rows[0].append(4)  # the list grows: unpacking it fails
        if i == 31:
            rows[0].pop()
        if i == 40:
            rows[1] = (4.5, 5, 6)  # a tuple of floats now
    return sum(acc), acc[28:34], acc[-2:]


try:
    print(triples(50))
except ValueError as e:
    print("ValueError:", e)


def swap(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a


print(swap(90))


class Owner:
    def __del__(self):
        print("owner freed")


def drops(n):
    for i in range(n):
        first, second = (Owner() if i == n - 1 else i, i)
    return second


print(drops(40))
