# for loops over iterables other than range and list: tuples, str, dict views, sets of ints, enumerate, zip, reversed, custom iterators (StopIteration mid-way, raising errors), iterators exhausted and reused, range with steps and big bounds.


class Countdown:
    def __init__(self, n):
        self.n = n

    def __iter__(self):
        return self

    def __next__(self):
        if self.n <= 0:
            raise StopIteration
        self.n -= 1
        return self.n


class Faulty:
    def __init__(self, n, bad):
        self.i = 0
        self.n = n
        self.bad = bad

    def __iter__(self):
        return self

    def __next__(self):
        self.i += 1
        if self.i == self.bad:
            raise RuntimeError(f"iterator broke at {self.i}")
        if self.i > self.n:
            raise StopIteration
        return self.i


class OldStyle:
    def __getitem__(self, i):
        if i >= 6:
            raise IndexError
        return i * 3


def loop_over(it):
    total = 0
    n = 0
    for v in it:
        total += v
        n += 1
    return total, n


def main():
    print("tuple:", loop_over(tuple(range(30))))
    print("dict keys:", loop_over({i: -i for i in range(20)}))
    print("dict values:", loop_over({i: -i for i in range(20)}.values()))
    print("set of ints:", loop_over(set(range(0, 100, 3))))
    print("frozenset:", loop_over(frozenset({1, 2, 3, 2**70})))
    print("reversed:", loop_over(reversed(range(25))))
    print("countdown:", loop_over(Countdown(40)))
    print("old-style:", loop_over(OldStyle()))
    print("bytes:", loop_over(b"hello world"))
    print("map:", loop_over(map(abs, range(-10, 10))))
    print("range steps:", loop_over(range(100, 0, -7)), loop_over(range(-5, 5, 2)), loop_over(range(0)))
    print("big range:", loop_over(range(2**63 - 5, 2**63 + 5)), loop_over(range(-(2**64), -(2**64) + 3)))
    try:
        loop_over(Faulty(50, 30))
    except RuntimeError as e:
        print("RuntimeError:", e)
    print("faulty ok:", loop_over(Faulty(20, 100)))

    s = ""
    for ch in "abcdefghijklmnopqrstuvwxyz":
        s = ch + s if ord(ch) % 2 else s + ch.upper()
    print("str:", s)

    pairs = []
    for i, (a, b) in enumerate(zip("abcdefgh", range(100, 108))):
        pairs.append(f"{i}{a}{b - 100}")
    print("enumerate zip:", "".join(pairs))

    it = iter(range(30))
    first = []
    for v in it:
        first.append(v)
        if v == 9:
            break
    rest = 0
    for v in it:
        rest += v
    again = 0
    for v in it:
        again += 1
    print("shared iterator:", first, rest, again)

    d = {"a": 1, "b": 2, "c": 3}
    try:
        for k in d:
            d[k + k] = 0
    except RuntimeError as e:
        print("RuntimeError:", e)
    items = []
    for k, v in sorted(d.items()):
        items.append(k + str(v))
    print("dict items:", items)

    seen = set()
    for i in range(100):
        seen.add(i % 13)
    print("set built:", sorted(seen), len(seen))

    total = 0
    for row in [[1, 2], (3, 4), range(5, 7), {7: 0, 8: 0}]:
        for v in row:
            total += v
    print("nested iterables:", total)

    # unpacking in the for target, with a malformed element late
    res = 0
    try:
        for a, b in [(1, 2)] * 20 + [(1, 2, 3)]:
            res += a * b
    except ValueError as e:
        print("unpack ValueError:", e, res)


main()
