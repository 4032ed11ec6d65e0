# While loops with complex conditions: and/or/not in the test, conditions on list lengths and elements, counters going down through zero and negative, conditions whose operand types change, walrus in the condition.


def gcd_loop(a, b):
    steps = 0
    while b:
        a, b = b, a % b
        steps += 1
    return a, steps


def complex_cond(n):
    i = 0
    j = n
    log = 0
    while i < j and (i % 7 != 6 or j > 50) and not (i == 40):
        i += 2
        j -= 1
        log = log * 3 + (i ^ j)
        log %= 1000000007
    return i, j, log


def down_through_zero(start):
    k = start
    seen_neg = 0
    while k > -5:
        k -= 1
        if k < 0:
            seen_neg += 1
    return k, seen_neg


def drain(items):
    taken = []
    while items and items[-1] != 0:
        taken.append(items.pop())
    return taken, items


def walrus(data):
    pos = 0
    chunks = []
    while (chunk := data[pos:pos + 3]):
        chunks.append(len(chunk))
        pos += 3
    return chunks, pos


def cond_type_change():
    x = 10
    trips = 0
    while x > 0:
        trips += 1
        if trips == 5:
            x = 7.5
        elif trips == 9:
            x = 2**70
        elif trips == 10:
            x = 1
        x -= 1
    return x, trips


def bisect_sqrt(target):
    lo = 0.0
    hi = max(1.0, target)
    it = 0
    while hi - lo > 1e-12 and it < 200:
        mid = (lo + hi) / 2
        if mid * mid < target:
            lo = mid
        else:
            hi = mid
        it += 1
    return round(lo, 9), it


def or_cond(limit):
    a = 0
    b = 100
    n = 0
    while a < limit or b > 90:
        a += 3
        b -= 1
        n += 1
    return a, b, n


def nested_while(n):
    i = 0
    out = 0
    while i < n:
        j = i
        while j > 0 and j % 4 != 0:
            out += j
            j -= 1
        i += 1
    return i, j, out


def while_with_is_none(chain):
    node = chain
    depth = 0
    total = 0
    while node is not None:
        total += node[0]
        node = node[1]
        depth += 1
    return depth, total


def main():
    print("gcd:", gcd_loop(2**64 + 1, 2**32 + 7), gcd_loop(1071, 462), gcd_loop(5, 0), gcd_loop(0, 5))
    print("fib gcd:", gcd_loop(354224848179261915075, 218922995834555169026))
    print("complex_cond:", complex_cond(200), complex_cond(30), complex_cond(0), complex_cond(3))
    print("down:", down_through_zero(10), down_through_zero(-10), down_through_zero(-4))
    print("drain:", drain([0, 1, 2, 3, 0, 4, 5, 6]), drain([1, 2, 3]), drain([]))
    print("walrus:", walrus("abcdefghijklmnopqrstuvw"), walrus(""), walrus(list(range(7))))
    print("cond_type_change:", cond_type_change())
    print("bisect:", bisect_sqrt(2.0), bisect_sqrt(0.25), bisect_sqrt(1e6))
    print("or_cond:", or_cond(50), or_cond(0))
    print("nested_while:", nested_while(40))
    chain = None
    for v in range(30):
        chain = (v, chain)
    print("linked:", while_with_is_none(chain), while_with_is_none(None))

    # module-level while with a compound condition
    n = 27
    steps = 0
    peak = n
    while n != 1 and steps < 1000:
        n = n // 2 if n % 2 == 0 else 3 * n + 1
        peak = n if n > peak else peak
        steps += 1
    print("module collatz:", n, steps, peak)


main()
