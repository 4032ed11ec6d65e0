# Objects with __add__, __radd__, __lt__, __eq__, __index__, __bool__, __neg__, __len__ appearing mid-loop in a hot loop that so far only saw ints, plus a log of every dunder call in order.

LOG = []


class Money:
    def __init__(self, cents):
        self.cents = cents

    def __add__(self, other):
        LOG.append(f"add {self.cents}+{other!r}")
        if isinstance(other, Money):
            return Money(self.cents + other.cents)
        return Money(self.cents + other)

    def __radd__(self, other):
        LOG.append(f"radd {other!r}+{self.cents}")
        return Money(other + self.cents)

    def __sub__(self, other):
        return Money(self.cents - (other.cents if isinstance(other, Money) else other))

    def __mul__(self, k):
        return Money(self.cents * k)

    def __neg__(self):
        LOG.append(f"neg {self.cents}")
        return Money(-self.cents)

    def __lt__(self, other):
        LOG.append(f"lt {self.cents}<{other!r}")
        return self.cents < (other.cents if isinstance(other, Money) else other)

    def __gt__(self, other):
        LOG.append(f"gt {self.cents}>{other!r}")
        return self.cents > (other.cents if isinstance(other, Money) else other)

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    __hash__ = None

    def __repr__(self):
        return f"Money({self.cents})"


class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        LOG.append(f"index {self.v}")
        return self.v


class Flag:
    def __init__(self, on):
        self.on = on

    def __bool__(self):
        LOG.append(f"bool {self.on}")
        return self.on


class Sized:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n


class BadBool:
    def __bool__(self):
        raise ValueError("no truth value here")


def add_all(items):
    total = 0
    for x in items:
        total = total + x
    return total


def count_below(items, limit):
    n = 0
    for x in items:
        if x < limit:
            n += 1
    return n


def index_with(seq, idxs):
    out = []
    for i in idxs:
        out.append(seq[i])
    return out


def truthy(items):
    t = 0
    f = 0
    for x in items:
        if x:
            t += 1
        else:
            f += 1
        if not x:
            f += 100
    return t, f


def and_or(items):
    out = []
    for x in items:
        out.append(repr(x and "yes" or "no"))
    return out


def neg_all(items):
    out = []
    for x in items:
        out.append(-x)
    return out


def main():
    ints = list(range(20))
    print("add ints:", add_all(ints))
    LOG.clear()
    print("add with Money:", add_all(ints + [Money(5)] + ints[:3]))
    print("  log:", LOG)
    LOG.clear()
    print("add Money start:", add_all([Money(1)] * 3 + [Money(2)]))
    print("  log:", LOG)
    LOG.clear()
    print("count_below ints:", count_below(ints, 10))
    print("count_below mixed:", count_below(ints[:5] + [Money(3), Money(30)] + ints[:5], 4))
    print("  log:", LOG)
    LOG.clear()
    print("count_below Money limit:", count_below(ints[:6], Money(3)))
    print("  log:", LOG)
    LOG.clear()
    letters = "abcdefghij"
    print("index ints:", index_with(letters, range(10)))
    print("index Idx:", index_with(letters, [0, 1, 2, 3, Idx(4), Idx(-1), 5, True, False]))
    print("  log:", LOG)
    LOG.clear()
    print("index list:", index_with(list(letters), [1, 2, 3, Idx(7), -2]))
    print("index tuple:", index_with(tuple(letters), [1, 2, 3, Idx(8), -3]))
    try:
        index_with(letters, [1, 2, 3, 1.0])
    except TypeError as e:
        print("TypeError:", e)
    try:
        index_with(letters, [1, 2, 3, Idx(99)])
    except IndexError as e:
        print("IndexError:", e)
    LOG.clear()
    print("truthy:", truthy([1, 2, 0, 3, Flag(True), Flag(False), Sized(0), Sized(2), [], [0], None, 0.0, -0.0, "", "x", 5]))
    print("  log:", LOG)
    LOG.clear()
    print("and_or:", and_or([1, 0, 2, Flag(True), Flag(False), None, 3]))
    print("  log:", LOG)
    try:
        truthy([1, 2, 3, BadBool(), 4])
    except ValueError as e:
        print("ValueError:", e)
    LOG.clear()
    print("neg:", neg_all([1, 2, 3, -(2**63), Money(7), 2.5, True]))
    print("  log:", LOG)
    try:
        neg_all([1, 2, 3, "s"])
    except TypeError as e:
        print("TypeError:", e)

    # range() with __index__ objects, hot inner loop
    total = 0
    for stop in [3, 4, Idx(5), 6]:
        for j in range(stop):
            total += j
    print("range Idx:", total, LOG[-1])


main()
