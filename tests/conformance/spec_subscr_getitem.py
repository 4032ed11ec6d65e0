# obj[key] on instances of classes with a Python __getitem__ (BINARY_SUBSCR_GETITEM): the
# method runs in the evaluator's loop. What must still hold: __getitem__ raising (IndexError
# ending a for loop over the old sequence protocol, KeyError caught), replaced or deleted
# mid-loop, defaults, a generator __getitem__, subclasses of builtins, and recursion.


class Grid:
    def __init__(self, n):
        self.cells = list(range(n))

    def __getitem__(self, i):
        return self.cells[i] * 2


class Seq:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError(i)
        return i * i


class Table(dict):
    def __getitem__(self, key, default=-1):
        return super().get(key, default)


def reads(n):
    g = Grid(10)
    t = Table(a=1)
    total = 0
    for i in range(n):
        total += g[i % 10] + t["a"] + t["zz"]
    return total, list(Seq())


print("reads", reads(300))


def swapped(n):
    g = Grid(4)
    out = []
    for i in range(n):
        if i == 50:
            Grid.__getitem__ = lambda self, i: -i
        if i == 80:
            del Grid.__getitem__
        try:
            out.append(g[i % 4])
        except TypeError as e:
            out.append(str(e))
    return out[48:52], out[-1]


print("swapped", swapped(100))


class Lazy:
    def __getitem__(self, i):
        yield i
        yield i + 1


class Deep:
    def __getitem__(self, i):
        return self[i + 1] if i < 10_000 else i


def others():
    out = [list(Lazy()[3])]
    try:
        Deep()[0]
    except RecursionError as e:
        out.append(type(e).__name__)
    return out


print("others", others())


class Missing:
    def __getitem__(self, key):
        raise KeyError(key)


def caught(n):
    m = Missing()
    hits = 0
    for i in range(n):
        try:
            m[i]
        except KeyError:
            hits += 1
    return hits


print("caught", caught(200))
