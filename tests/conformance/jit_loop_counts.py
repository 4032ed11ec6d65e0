# Loops run 0, 1, 2, 3, 4 and many times (around a tiny hotness threshold), with break, continue, return from the middle, and for/while else clauses; every variable printed after each loop.


def for_range(n):
    total = 0
    i = "unset"
    for i in range(n):
        total += i * 3
    return total, i


def for_list(items):
    total = 0
    x = "unset"
    for x in items:
        total = total * 2 + x
    return total, x


def while_count(n):
    i = 0
    acc = 1
    while i < n:
        acc = acc * 2 + i
        i += 1
    return i, acc


def for_else(n, brk):
    log = []
    i = None
    for i in range(n):
        if i == brk:
            log.append("break")
            break
        log.append(i)
    else:
        log.append("else")
    return log, i


def while_else(n, brk):
    i = 0
    hit = None
    while i < n:
        if i == brk:
            hit = i
            break
        i += 1
    else:
        hit = "else"
    return i, hit


def continue_pattern(n):
    kept = []
    skipped = 0
    for i in range(n):
        if i % 3 == 1:
            skipped += 1
            continue
        if i % 5 == 4:
            continue
        kept.append(i)
    return kept, skipped


def return_middle(items, target):
    count = 0
    for idx in range(len(items)):
        count += 1
        if items[idx] == target:
            return "found", idx, count
        count += 1
    return "missing", count


def while_true_break(limit):
    n = 0
    s = 0
    while True:
        n += 1
        if n > limit:
            break
        s += n
    return n, s


def nested_break(n, m):
    pairs = 0
    i = j = -1
    for i in range(n):
        for j in range(m):
            if j > i:
                break
            pairs += 1
        else:
            pairs += 100
    return pairs, i, j


def reuse_loop(counts):
    # the same loop is entered again and again with different trip counts
    out = []
    for c in counts:
        s = 0
        k = -1
        for k in range(c):
            s += k + 1
        out.append((c, s, k))
    return out


def main():
    for n in range(6):
        print("for_range", n, for_range(n))
    print("for_range 100", for_range(100))
    for items in ([], [5], [5, 6], [5, 6, 7], [1, 2, 3, 4], list(range(40))):
        print("for_list", len(items), for_list(items))
    for n in range(5):
        print("while_count", n, while_count(n))
    print("while_count 70", while_count(70))
    for n, b in ((0, 0), (1, 0), (1, 5), (2, 1), (3, 2), (3, 5), (4, 3), (50, 40), (50, 99)):
        print("for_else", n, b, for_else(n, b))
    for n, b in ((0, 0), (1, 0), (2, 5), (3, 2), (4, 3), (50, 49), (50, 99)):
        print("while_else", n, b, while_else(n, b))
    for n in (0, 1, 2, 3, 4, 5, 30):
        print("continue", n, continue_pattern(n))
    items = [9, 8, 7, 6, 5, 4, 3, 2, 1, 0]
    for t in (9, 8, 7, 6, 0, -1):
        print("return_middle", t, return_middle(items, t))
    for lim in (0, 1, 2, 3, 100):
        print("while_true_break", lim, while_true_break(lim))
    for n, m in ((0, 0), (1, 1), (2, 2), (3, 3), (6, 4)):
        print("nested_break", n, m, nested_break(n, m))
    print("reuse_loop", reuse_loop([0, 1, 2, 3, 2, 1, 0, 10, 0, 3]))

    # module-level loops with small counts
    for n in range(4):
        acc = 0
        for q in range(n):
            acc += q
        print("module", n, acc)
    print("q after:", q)


main()
