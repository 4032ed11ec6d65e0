# Operations a hot loop hands to generic helpers mixed with fast int paths: str concatenation and indexing, dict get/set/in, slicing, tuple building and unpacking, f-strings, `in`/`not in`, string and tuple comparisons, subscript stores, del, set operations.


def str_build(n):
    s = ""
    for i in range(n):
        s += str(i % 10)
        if i % 7 == 0:
            s += "-"
    return len(s), s[:20], s[-10:], s[::-7][:5]


def char_counts(text):
    counts = {}
    for i in range(len(text)):
        ch = text[i]
        counts[ch] = counts.get(ch, 0) + 1
    return sorted(counts.items())


def dict_loop(n):
    d = {}
    for i in range(n):
        key = (i % 5, i % 3)
        if key in d:
            d[key] += i
        else:
            d[key] = i
        if i == 40:
            del d[(0, 1)]
    return sorted(d.items())


def slicing(n):
    data = list(range(n))
    acc = 0
    for i in range(n):
        part = data[i:i + 3]
        acc += sum(part) + len(data[-i:]) + len(data[:-i])
    return acc


def tuples(n):
    a, b, c = 0, 1, 2
    hist = []
    for i in range(n):
        a, b, c = b, c, a + b + c
        t = (a, b, c)
        if t > (100, 0, 0):
            hist.append(t[0] % 97)
    return a, b, c, hist[:6]


def fstrings(n):
    parts = []
    for i in range(n):
        parts.append(f"{i:03d}|{i / 3:.2f}|{i!r:>4}|{hex(i)}")
    return parts[0], parts[-1], len("".join(parts))


def membership(n):
    primes = {2, 3, 5, 7, 11, 13}
    vowels = "aeiou"
    hits = 0
    for i in range(n):
        if i % 20 in primes:
            hits += 1
        if chr(97 + i % 26) not in vowels:
            hits += 10
        if i in (3, 30, 300):
            hits += 1000
    return hits


def str_compare(words):
    smallest = words[0]
    longest = words[0]
    for w in words:
        if w < smallest:
            smallest = w
        if len(w) > len(longest) or (len(w) == len(longest) and w > longest):
            longest = w
    return smallest, longest


def set_ops(n):
    seen = set()
    dup = 0
    for i in range(n):
        v = (i * i) % 37
        if v in seen:
            dup += 1
        seen |= {v}
        seen -= {(v + 1) % 37} if i % 5 == 0 else set()
    return dup, len(seen)


def subscript_store(n):
    grid = [[0] * 4 for _ in range(4)]
    d = {}
    for i in range(n):
        grid[i % 4][(i // 4) % 4] += i
        d[str(i % 6)] = d.get(str(i % 6), "") + chr(65 + i % 26)
    return grid, sorted((k, v[:5]) for k, v in d.items())


def main():
    print("str_build:", str_build(100))
    print("char_counts:", char_counts("the quick brown fox jumps over the lazy dog " * 3))
    print("dict_loop:", dict_loop(60))
    print("slicing:", slicing(40))
    print("tuples:", tuples(80))
    print("fstrings:", fstrings(50))
    print("membership:", membership(400))
    words = "delta alpha charlie bravo echo foxtrot golf hotel india juliet kilo lima mike".split()
    print("str_compare:", str_compare(words), str_compare(sorted(words, reverse=True)))
    print("set_ops:", set_ops(200))
    print("subscript_store:", subscript_store(50))


main()
