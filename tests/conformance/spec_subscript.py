# BINARY_SUBSCR and STORE_SUBSCR forms: lists and tuples by small int (negative and out of
# range indices fall back), dicts (missing keys, subclasses with __missing__, unhashable keys).

def read_all(seq, indices):
    out = []
    for i in indices:
        try:
            out.append(seq[i])
        except (IndexError, KeyError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out

lst = list(range(10))
tup = tuple(range(10))
print(read_all(lst, list(range(10)) * 5 + [-1, -10, 10, 2**40, True, 1.0, slice(2, 4)]))
print(read_all(tup, list(range(10)) * 5 + [-1, -11, 10, False]))
print(read_all({"a": 1, 2: "b"}, ["a", 2] * 20 + ["missing", 3, (1, 2), [1]]))

class Defaulting(dict):
    def __missing__(self, key):
        return "default:" + repr(key)

print(read_all(Defaulting(a=1), ["a"] * 20 + ["zz"]))

# One site sees a list, then a tuple, then a dict, then a string, then a custom class.
class Indexable:
    def __getitem__(self, i):
        return i * 100

def first(containers):
    return [c[0] for c in containers]

print(first([[1], [2]] * 30 + [(3,), {0: "zero"}, "str", Indexable(), range(5, 9)]))

def write_all(target, keys):
    for k in keys:
        try:
            target[k] = k
        except (IndexError, TypeError) as e:
            print(type(e).__name__, e)
    return target

print(write_all([0] * 5, [0, 1, 2, 3, 4] * 10 + [-1, 5, 2**40, "x"]))
print(write_all({}, [1, "a", 2.5] * 10 + [[1]]))

class LoudList(list):
    def __setitem__(self, i, v):
        print("set", i, v)
        super().__setitem__(i, v)

print(write_all(LoudList([0, 0]), [0, 1]))

# A list mutated while indexed in a loop.
def shrink(items):
    out = []
    for i in range(len(items)):
        try:
            out.append(items[i])
        except IndexError:
            out.append("gone")
        if i % 3 == 0 and items:
            items.pop()
    return out

print(shrink(list(range(20))))

# Old values released on store (a __del__ runs).
class Noisy:
    def __init__(self, name):
        self.name = name
    def __del__(self):
        print("del", self.name)

holder = [Noisy("first"), Noisy("second")]
for i in range(2):
    holder[i] = i
print(holder)
