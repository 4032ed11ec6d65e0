# Branches that change direction after a loop is hot: if i > N switches, if/elif/else chains, and/or/not short-circuits, `is None` tests, chained comparisons, conditional expressions, branches on values loaded from lists.


def switch_late(n, at):
    low = 0
    high = 0
    for i in range(n):
        if i > at:
            high += i
        else:
            low += i
    return low, high


def switch_back(n):
    # taken, not taken, taken again
    a = b = 0
    for i in range(n):
        if 20 <= i < 40:
            a += 1
        else:
            b += 1
    return a, b


def chain(n):
    counts = [0, 0, 0, 0, 0]
    for i in range(n):
        r = i % 17
        if r == 0:
            counts[0] += 1
        elif r < 5:
            counts[1] += 1
        elif r < 9 and i > 50:
            counts[2] += 1
        elif r == 9 or r == 13:
            counts[3] += 1
        else:
            counts[4] += 1
    return counts


def shortcircuit(values):
    calls = []

    def probe(tag, v):
        calls.append(tag)
        return v

    hits = 0
    for v in values:
        if probe("a", v > 2) and probe("b", v % 2 == 0):
            hits += 1
        if probe("c", v < 0) or probe("d", v == 7):
            hits += 10
        if not probe("e", v):
            hits += 100
    return hits, "".join(calls)


def and_or_values(values):
    out = []
    for v in values:
        out.append(v and v * 2)
        out.append(v or -1)
        out.append(not v)
        out.append(v is None)
        out.append(v is not None and v > 1)
    return out


def is_none_switch(n, none_from):
    s = 0
    nones = 0
    for i in range(n):
        v = None if i >= none_from else i
        if v is None:
            nones += 1
        else:
            s += v
    return s, nones


def chained_compare(n):
    inside = 0
    outside = 0
    for i in range(-n, n):
        if -10 < i <= 10 != i:
            inside += 1
        elif i < -10 or i > 10:
            outside += 1
    return inside, outside


def ternary(n):
    acc = 0
    for i in range(n):
        acc += i if i % 3 else -i
        acc = acc * 2 if acc < 100 else acc - 50
    return acc


def branch_on_list(flags):
    taken = []
    for i in range(len(flags)):
        if flags[i]:
            taken.append(i)
        elif flags[i - 1]:
            taken.append(-i)
    return taken


def early_return(n, stop):
    acc = 0
    for i in range(n):
        acc += i
        if acc > stop:
            return "early", i, acc
    return "full", n, acc


def sign_changes(values):
    prev = None
    changes = 0
    for v in values:
        if prev is not None and (prev < 0) != (v < 0):
            changes += 1
        prev = v
    return changes, prev


def main():
    print("switch_late:", switch_late(200, 100), switch_late(200, 2), switch_late(200, 199), switch_late(3, 1))
    print("switch_back:", switch_back(100))
    print("chain:", chain(300))
    print("shortcircuit:", shortcircuit([1, 2, 3, 4, 7, -1, 0, 8, 9, 0]))
    print("and_or_values:", and_or_values([0, 1, 2, None, 3]))
    print("is_none_switch:", is_none_switch(100, 60), is_none_switch(5, 0), is_none_switch(5, 5))
    print("chained_compare:", chained_compare(30))
    print("ternary:", ternary(100))
    print("branch_on_list:", branch_on_list([1, 0, 0, 1, 1, 0, 0, 0, 1, 0, 0] * 3))
    for stop in (-1, 0, 10, 1000, 10**9):
        print("early_return", stop, early_return(100, stop))
    print("sign_changes:", sign_changes([1, 2, -1, -2, 3, 0, -0.5, 4, 5, 6, -7]))

    # Module-level variables controlling a branch that flips after the loop is hot
    state = "low"
    transitions = []
    for i in range(120):
        if state == "low" and i > 30:
            state = "mid"
            transitions.append(i)
        elif state == "mid" and i * i > 4000:
            state = "high"
            transitions.append(i)
        elif state == "high" and i % 50 == 0:
            state = "low?"
            transitions.append(i)
    print("states:", state, transitions)


main()
