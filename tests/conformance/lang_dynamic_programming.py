# Exercises dynamic programming: LCS, edit distance with traceback, knapsack, coin change, LIS, matrix-chain order, longest palindromic subsequence, partitions; 2-D tables in hot loops.


def lcs(a, b):
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n - 1, -1, -1):
        for j in range(m - 1, -1, -1):
            if a[i] == b[j]:
                dp[i][j] = dp[i + 1][j + 1] + 1
            else:
                dp[i][j] = max(dp[i + 1][j], dp[i][j + 1])
    out = []
    i = j = 0
    while i < n and j < m:
        if a[i] == b[j]:
            out.append(a[i])
            i += 1
            j += 1
        elif dp[i + 1][j] >= dp[i][j + 1]:
            i += 1
        else:
            j += 1
    return dp[0][0], "".join(out) if isinstance(a, str) else out


def edit_distance(a, b):
    n, m = len(a), len(b)
    dp = [[0] * (m + 1) for _ in range(n + 1)]
    for i in range(n + 1):
        dp[i][0] = i
    for j in range(m + 1):
        dp[0][j] = j
    for i in range(1, n + 1):
        for j in range(1, m + 1):
            cost = 0 if a[i - 1] == b[j - 1] else 1
            dp[i][j] = min(dp[i - 1][j] + 1, dp[i][j - 1] + 1, dp[i - 1][j - 1] + cost)
    ops = []
    i, j = n, m
    while i > 0 or j > 0:
        if i > 0 and j > 0 and dp[i][j] == dp[i - 1][j - 1] + (a[i - 1] != b[j - 1]):
            if a[i - 1] != b[j - 1]:
                ops.append("sub %s->%s" % (a[i - 1], b[j - 1]))
            i -= 1
            j -= 1
        elif i > 0 and dp[i][j] == dp[i - 1][j] + 1:
            ops.append("del %s" % a[i - 1])
            i -= 1
        else:
            ops.append("ins %s" % b[j - 1])
            j -= 1
    return dp[n][m], ops[::-1]


def knapsack(items, cap):
    best = [0] * (cap + 1)
    choice = [[] for _ in range(cap + 1)]
    for w, v, name in items:
        for c in range(cap, w - 1, -1):
            if best[c - w] + v > best[c]:
                best[c] = best[c - w] + v
                choice[c] = choice[c - w] + [name]
    return best[cap], choice[cap]


def coin_change(coins, amount):
    INF = float("inf")
    dp = [0] + [INF] * amount
    ways = [1] + [0] * amount
    for c in coins:
        for a in range(c, amount + 1):
            ways[a] += ways[a - c]
    for a in range(1, amount + 1):
        for c in coins:
            if c <= a and dp[a - c] + 1 < dp[a]:
                dp[a] = dp[a - c] + 1
    return (dp[amount] if dp[amount] != INF else -1), ways[amount]


def lis(seq):
    import bisect
    tails = []
    for x in seq:
        i = bisect.bisect_left(tails, x)
        if i == len(tails):
            tails.append(x)
        else:
            tails[i] = x
    return len(tails)


def matrix_chain(dims):
    n = len(dims) - 1
    cost = [[0] * n for _ in range(n)]
    split = [[0] * n for _ in range(n)]
    for length in range(2, n + 1):
        for i in range(n - length + 1):
            j = i + length - 1
            cost[i][j] = float("inf")
            for k in range(i, j):
                c = cost[i][k] + cost[k + 1][j] + dims[i] * dims[k + 1] * dims[j + 1]
                if c < cost[i][j]:
                    cost[i][j] = c
                    split[i][j] = k

    def paren(i, j):
        if i == j:
            return "M%d" % (i + 1)
        return "(" + paren(i, split[i][j]) + paren(split[i][j] + 1, j) + ")"

    return cost[0][n - 1], paren(0, n - 1)


def lps(s):
    n = len(s)
    dp = [[0] * n for _ in range(n)]
    for i in range(n - 1, -1, -1):
        dp[i][i] = 1
        for j in range(i + 1, n):
            dp[i][j] = dp[i + 1][j - 1] + 2 if s[i] == s[j] else max(dp[i + 1][j], dp[i][j - 1])
    return dp[0][n - 1] if n else 0


print(lcs("AGGTABQWERTY", "GXTXAYBWRTZY"), lcs("the quick brown fox", "a quick brown dog jumps"), lcs([1, 3, 4, 1, 2, 1, 3], [3, 4, 1, 2, 1, 3, 1]))
for a, b in (("kitten", "sitting"), ("flaw", "lawn"), ("intention", "execution"), ("", "abc"), ("same", "same")):
    print(a, b, edit_distance(a, b))
items = [(12, 4, "a"), (2, 2, "b"), (1, 1, "c"), (1, 2, "d"), (4, 10, "e"), (3, 7, "f"), (7, 13, "g"), (5, 8, "h")]
print([knapsack(items, c) for c in (5, 15, 25)])
print(coin_change([1, 5, 10, 25, 50], 300), coin_change([2], 3), coin_change([3, 7, 11], 1000))
seq = [(i * 7919) % 1009 for i in range(2000)]
print("lis", lis(seq), lis(list(range(50))), lis(list(range(50, 0, -1))))
print(matrix_chain([40, 20, 30, 10, 30]), matrix_chain([10, 20, 30, 40, 30, 5, 60, 7]))
print(lps("character"), lps("bbbab"), lps("agbdba" * 20))

# Partition numbers and Catalan numbers computed with DP tables
P = [1] + [0] * 300
for k in range(1, 301):
    for n in range(k, 301):
        P[n] += P[n - k]
print("p(n)", P[10], P[100], P[300])
cat = [1] + [0] * 60
for n in range(1, 61):
    cat[n] = sum(cat[i] * cat[n - 1 - i] for i in range(n))
print("catalan", cat[:10], cat[60])

# Grid path counting with obstacles (int table that overflows into big ints)
R, Cc = 60, 60
grid = [[1 if (r * 31 + c * 17) % 23 == 0 and (r, c) != (0, 0) else 0 for c in range(Cc)] for r in range(R)]
ways = [[0] * Cc for _ in range(R)]
ways[0][0] = 1
for r in range(R):
    for c in range(Cc):
        if grid[r][c]:
            ways[r][c] = 0
            continue
        if r:
            ways[r][c] += ways[r - 1][c]
        if c:
            ways[r][c] += ways[r][c - 1]
print("grid ways", ways[R - 1][Cc - 1], ways[R - 1][Cc - 1].bit_length())
