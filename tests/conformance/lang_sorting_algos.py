# Exercises classic sorting algorithms (bubble, insertion, selection, merge, quick, heap, counting, radix, shell) on ints/floats/strings, checked against sorted().


def lcg(seed):
    while True:
        seed = (seed * 1103515245 + 12345) % (2 ** 31)
        yield seed


def bubble(a):
    a = list(a)
    n = len(a)
    swapped = True
    while swapped:
        swapped = False
        for i in range(1, n):
            if a[i - 1] > a[i]:
                a[i - 1], a[i] = a[i], a[i - 1]
                swapped = True
        n -= 1
    return a


def insertion(a):
    a = list(a)
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
    return a


def selection(a):
    a = list(a)
    for i in range(len(a)):
        m = min(range(i, len(a)), key=a.__getitem__)
        a[i], a[m] = a[m], a[i]
    return a


def merge_sort(a):
    if len(a) <= 1:
        return list(a)
    mid = len(a) // 2
    left = merge_sort(a[:mid])
    right = merge_sort(a[mid:])
    out = []
    i = j = 0
    while i < len(left) and j < len(right):
        if right[j] < left[i]:
            out.append(right[j])
            j += 1
        else:
            out.append(left[i])
            i += 1
    out.extend(left[i:])
    out.extend(right[j:])
    return out


def quick(a):
    a = list(a)

    def part(lo, hi):
        pivot = a[(lo + hi) // 2]
        i, j = lo, hi
        while i <= j:
            while a[i] < pivot:
                i += 1
            while a[j] > pivot:
                j -= 1
            if i <= j:
                a[i], a[j] = a[j], a[i]
                i += 1
                j -= 1
        return i, j

    stack = [(0, len(a) - 1)]
    while stack:
        lo, hi = stack.pop()
        if lo < hi:
            i, j = part(lo, hi)
            stack.append((lo, j))
            stack.append((i, hi))
    return a


def heap_sort(a):
    a = list(a)
    n = len(a)

    def sift(start, end):
        root = start
        while 2 * root + 1 <= end:
            child = 2 * root + 1
            if child + 1 <= end and a[child] < a[child + 1]:
                child += 1
            if a[root] < a[child]:
                a[root], a[child] = a[child], a[root]
                root = child
            else:
                return

    for start in range(n // 2 - 1, -1, -1):
        sift(start, n - 1)
    for end in range(n - 1, 0, -1):
        a[0], a[end] = a[end], a[0]
        sift(0, end - 1)
    return a


def counting(a):
    if not a:
        return []
    lo, hi = min(a), max(a)
    counts = [0] * (hi - lo + 1)
    for v in a:
        counts[v - lo] += 1
    out = []
    for i, c in enumerate(counts):
        out.extend([i + lo] * c)
    return out


def radix(a):
    a = list(a)
    if not a:
        return a
    exp = 1
    biggest = max(a)
    while biggest // exp > 0:
        buckets = [[] for _ in range(10)]
        for v in a:
            buckets[(v // exp) % 10].append(v)
        a = [v for b in buckets for v in b]
        exp *= 10
    return a


def shell(a):
    a = list(a)
    gap = len(a) // 2
    while gap > 0:
        for i in range(gap, len(a)):
            tmp = a[i]
            j = i
            while j >= gap and a[j - gap] > tmp:
                a[j] = a[j - gap]
                j -= gap
            a[j] = tmp
        gap //= 2
    return a


gen = lcg(42)
ints = [next(gen) % 1000 for _ in range(400)]
floats = [(next(gen) % 100000) / 7.0 - 5000 for _ in range(300)]
words = ["".join(chr(97 + (next(gen) >> 8) % 26) for _ in range(1 + next(gen) % 6)) for _ in range(300)]
neg = [v - 500 for v in ints]
dups = [v % 5 for v in ints]
already = sorted(ints)
backwards = already[::-1]

algos = [("bubble", bubble), ("insertion", insertion), ("selection", selection), ("merge", merge_sort),
         ("quick", quick), ("heap", heap_sort), ("shell", shell)]
for label, data in (("ints", ints), ("floats", floats), ("words", words), ("neg", neg), ("dups", dups), ("sorted", already), ("reversed", backwards), ("empty", []), ("one", [7])):
    expected = sorted(data)
    results = [name for name, fn in algos if fn(data) == expected]
    print("%-8s n=%-3d ok=%s first=%r last=%r" % (label, len(data), ",".join(results), expected[:3], expected[-2:]))
print("counting", counting(neg) == sorted(neg), counting(dups)[:12])
print("radix", radix(ints) == sorted(ints), radix([170, 45, 75, 90, 802, 24, 2, 66]))

# Stability check: merge sort on (key, original index)
pairs = [(v % 10, i) for i, v in enumerate(ints[:60])]
ms = merge_sort(pairs)
print("merge stable", ms == sorted(pairs, key=lambda p: p[0]) or ms == sorted(pairs), ms[:6])

# Sorting with key functions and multi-level keys
people = [("ann", 31, 5.5), ("bob", 25, 6.1), ("cy", 31, 5.9), ("dee", 25, 5.2), ("eve", 40, 5.5)]
print(sorted(people, key=lambda p: (-p[1], p[0])))
print(sorted(people, key=lambda p: p[2], reverse=True))
print([p[0] for p in sorted(sorted(people, key=lambda p: p[0], reverse=True), key=lambda p: p[1])])
print(sorted(words[:12], key=lambda w: (len(w), w)), sorted(words[:12], key=str.upper, reverse=True)[:4])
