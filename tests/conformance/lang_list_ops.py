# Exercises list operations: append/extend/insert/pop/remove/index/count/sort(key, reverse)/reverse/copy, aliasing, nested lists, list as stack/queue.

a = [5, 3, 8, 1]
a.append(9)
a.extend((2, 7))
a.insert(0, 100)
a.insert(-1, 50)
a.insert(1000, -1)
print(a, len(a), a.index(8), a.count(3), a.pop(), a.pop(0), a.pop(2), a)
a.remove(50)
print(a, 9 in a, a.index(2, 2))
try:
    a.remove(12345)
except ValueError as exc:
    print("ValueError:", exc)
try:
    [].pop()
except IndexError as exc:
    print("IndexError:", exc)
b = a.copy()
c = a
c.append("tail")
print(a is c, b is a, a == b, a[-1], b[-1])
a.pop()
a.sort()
print(a, sorted(a, reverse=True), sorted(["b", "A", "c", "B"]), sorted(["b", "A", "c", "B"], key=str.lower))
words = ["pear", "fig", "banana", "kiwi", "apple", "date", "plum"]
words.sort(key=len)
print(words)
words.sort(key=lambda w: (len(w), w), reverse=True)
print(words)
words.reverse()
print(words, list(reversed(words))[:2])
print([1, 2] + [3], [0] * 5, [[0] * 2] * 2, 2 * [None], [1, [2, [3, [4]]]][1][1][1][0])

# Aliasing pitfall with multiplied nested lists
grid_bad = [[0] * 3] * 3
grid_bad[0][0] = 1
grid_ok = [[0] * 3 for _ in range(3)]
grid_ok[0][0] = 1
print(grid_bad, grid_ok)

# Comparisons and mixed element types
print([1, 2, 3] < [1, 2, 4], [1, 2] < [1, 2, 0], [] < [0], [1, "a"] == [1, "a"], [[1]] > [[0, 5]])
try:
    sorted([1, "a", 2])
except TypeError as exc:
    print("TypeError:", exc)
print(sorted([3, 1.5, True, -2, 2.0]), max([3, 7, 2], key=lambda v: -v), min([], default="empty"))

# Stack and queue usage in a hot loop
stack = []
maxdepth = 0
for i in range(5000):
    if i % 3 == 2 and stack:
        stack.pop()
    else:
        stack.append(i)
    if len(stack) > maxdepth:
        maxdepth = len(stack)
print("stack", len(stack), maxdepth, stack[:5], stack[-5:])

queue = list(range(10))
order = []
while queue:
    x = queue.pop(0)
    order.append(x)
    if x < 40 and x % 3 == 0:
        queue.append(x * 2 + 1)
print("queue order", order)

# Sort stability with many equal keys
recs = [(i % 5, i) for i in range(30)]
recs.sort(key=lambda r: r[0])
print(recs)

# In-place ops and augmented assignment on lists
acc = []
for i in range(2000):
    acc += [i]
    if i % 500 == 499:
        acc *= 1
        acc[:] = acc[::2]
print(len(acc), acc[:6], acc[-3:], sum(acc))
m = [3, 1, 2]
m2 = m
m += [4]
m2 *= 2
print(m, m2, m is m2)

# list() from various iterables and list methods errors
print(list("abc"), list(range(3)), list({"x": 1, "y": 2}), list((1,)), list(map(abs, [-1, -2])), list(zip("ab", "cd")))
print([i for i in range(3)].__len__(), [].__class__.__name__, list.__name__, [3, 2, 1].index(1))
lst = list(range(10))
lst[3] = "three"
lst[-1] = lst
print(lst[:4], lst[-1] is lst, str(lst)[-12:])
try:
    lst[10] = 0
except IndexError as exc:
    print("IndexError:", exc)
print(sorted([[3, 2], [1, 9], [3, 1], [1]]), [x for x in [[], [0], [None]] if x])
big = list(range(100000))
print(sum(big), big[50000], len(big[::7]), big.index(99999))
