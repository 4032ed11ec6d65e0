# UNPACK_SEQUENCE forms (two-tuples, tuples, lists; wrong lengths; other iterables at the same
# site) and FOR_ITER over lists, tuples and ranges (mutation while iterating, exhausted
# iterators, big and negative ranges, iterator kinds changing at one site, generators closed).

def unpack_pairs(items):
    out = []
    for item in items:
        try:
            a, b = item
            out.append(b)
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out

print(unpack_pairs([(1, 2)] * 20 + [[3, 4], (5, 6, 7), (8,), "ab", iter([9, 10]), {11: 0, 12: 0}, 13, (x for x in (14, 15))]))

def unpack_three(items):
    out = []
    for item in items:
        try:
            a, b, c = item
            out.append(a + b + c)
        except (ValueError, TypeError) as e:
            out.append(type(e).__name__ + ": " + str(e))
    return out

print(unpack_three([[1, 2, 3]] * 20 + [(4, 5, 6), [1, 2], [1, 2, 3, 4], range(3)]))

def star(items):
    out = []
    for item in items:
        a, *rest = item
        out.append((a, rest))
    return out

print(star([(1, 2, 3), [4], "xyz"]))

def iterate(it):
    total = 0
    for x in it:
        total += x
    return total

print(iterate([1, 2, 3] * 100), iterate((4, 5) * 100), iterate(range(1000)))
print(iterate(range(10**6, 10**6 - 50, -3)), iterate(range(-5, 5)), iterate(range(0)))
print(iterate(range(2**62, 2**62 + 3)), iterate(range(2**64, 2**64 + 3)))
print(iterate({1: 0, 2: 0}), iterate({5, 6}), iterate(x for x in range(5)), iterate(iter([7])))

# Mutation while iterating a list.
def grow(items):
    seen = []
    for x in items:
        seen.append(x)
        if x < 5:
            items.append(x + 10)
    return seen

print(grow([1, 2, 3]))

def shrink_while_iterating(items):
    seen = []
    for x in items:
        seen.append(x)
        if items:
            items.pop(0)
    return seen

print(shrink_while_iterating(list(range(10))))

# An exhausted list iterator stays exhausted even when the list grows afterwards.
data = [1, 2]
it = iter(data)
print(list(it))
data.append(3)
print(list(it), next(it, "done"))
t_it = iter((1, 2))
print(list(t_it), list(t_it))

# The same for-loop site over different kinds of iterables.
def kinds():
    out = []
    for source in ([1, 2], (3, 4), range(5, 7), "ab", [8], (9,), range(2)):
        for x in source:
            out.append(x)
    return out

print(kinds())

# A generator closed early from inside a for loop over it.
def gen():
    try:
        for i in range(100):
            yield i
    finally:
        print("gen closed")

g = gen()
for v in g:
    if v == 3:
        g.close()
print("after", v)

# Exceptions while iterating.
class Boom:
    def __iter__(self):
        return self
    def __next__(self):
        raise RuntimeError("boom")

try:
    iterate(Boom())
except RuntimeError as e:
    print("RuntimeError", e)
