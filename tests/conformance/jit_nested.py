# Nested loops where the inner loop, the outer loop, or both get hot: matrix products, triangular loops, inner loops whose trip count changes, inner loops exiting via break/continue/exception, three levels deep.


def matmul(a, b):
    n = len(a)
    m = len(b[0])
    k = len(b)
    c = []
    for i in range(n):
        row = []
        for j in range(m):
            s = 0
            for t in range(k):
                s += a[i][t] * b[t][j]
            row.append(s)
        c.append(row)
    return c


def triangle(n):
    total = 0
    inner_runs = 0
    for i in range(n):
        for j in range(i):
            total += i * j
            inner_runs += 1
    return total, inner_runs


def outer_hot_inner_cold(n):
    # inner loop runs 0 or 1 time; outer is hot
    s = 0
    for i in range(n):
        for j in range(i % 2):
            s += i
        s += 1
    return s


def inner_changes_type(n):
    out = []
    for i in range(n):
        acc = 0 if i < n - 2 else 0.0
        for j in range(5):
            acc += j
        out.append(acc)
    return out[-4:]


def inner_break_continue(n):
    found = []
    for i in range(2, n):
        for d in range(2, i):
            if d * d > i:
                found.append(i)
                break
            if i % d == 0:
                break
        else:
            found.append(i)
    return found


def inner_exception(rows):
    sums = []
    for row in rows:
        s = 0
        try:
            for j in range(len(row) + 1):
                s += 100 // row[j]
        except ZeroDivisionError:
            s = -s
        except IndexError:
            pass
        sums.append(s)
    return sums


def three_deep(n):
    count = 0
    checksum = 0
    for a in range(n):
        for b in range(a, n):
            for c in range(b, n):
                if a + b > c:
                    count += 1
                    checksum = (checksum * 31 + a * 100 + b * 10 + c) % 1000003
    return count, checksum


def while_in_for(values):
    steps = []
    for v in values:
        n = v
        k = 0
        while n != 1:
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            k += 1
        steps.append(k)
    return steps


def for_in_while(limit):
    level = 0
    total = 0
    while total < limit:
        level += 1
        for i in range(level):
            total += i
    return level, total


def break_outer_via_flag(grid, target):
    pos = None
    done = False
    for r in range(len(grid)):
        for c in range(len(grid[r])):
            if grid[r][c] == target:
                pos = (r, c)
                done = True
                break
        if done:
            break
    return pos, r, c


def main():
    a = [[i + j for j in range(6)] for i in range(5)]
    b = [[i * j - 3 for j in range(4)] for i in range(6)]
    print("matmul:", matmul(a, b))
    print("matmul float:", matmul([[0.5, 1], [2, 3]], [[1, 2], [3, 4.25]]))
    print("triangle:", triangle(60))
    print("outer_hot_inner_cold:", outer_hot_inner_cold(101))
    print("inner_changes_type:", inner_changes_type(10))
    print("primes:", inner_break_continue(80))
    print("inner_exception:", inner_exception([[1, 2, 3], [4, 5, 0, 6], [7], [], [50, 25, 10, 5, 2, 1, 0]]))
    print("three_deep:", three_deep(14))
    print("collatz:", while_in_for([1, 2, 3, 6, 7, 27, 97]))
    print("for_in_while:", for_in_while(500))
    grid = [[r * 10 + c for c in range(10)] for r in range(10)]
    print("break_outer:", break_outer_via_flag(grid, 57), break_outer_via_flag(grid, 3), break_outer_via_flag(grid, 1000))


main()
