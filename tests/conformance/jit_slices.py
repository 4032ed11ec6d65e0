# Slices built in hot loops (BUILD_SLICE through tier 2's helper): reads, writes, steps,
# negative and None bounds, bounds of other types, and the errors python3 gives.


def flips(n):
    perm = list(range(10))
    total = 0
    for i in range(n):
        k = perm[0] or 3
        perm[: k + 1] = perm[k::-1]
        total += perm[0] + len(perm[1:-1:2])
        if i % 7 == 0:
            perm.reverse()
    return total, perm


print(flips(200))


class Index:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v


def odd_bounds(n):
    data = "abcdefghij"
    out = []
    for i in range(n):
        lo = Index(i % 5) if i % 3 == 0 else i % 5
        try:
            hi = None if i == 20 else ("x" if i == 25 else i % 10)
            out.append(data[lo:hi])
        except TypeError as e:
            out.append(f"TypeError: {e}")
    return out[18:27]


print(odd_bounds(40))


def step_zero(n):
    seq = list(range(20))
    for i in range(n):
        step = 1 if i < n - 1 else 0
        try:
            seq[::step]
        except ValueError as e:
            return i, str(e)


print(step_zero(50))
