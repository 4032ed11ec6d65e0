# Exercises backtracking search: N-queens (sets, bitmasks, and generator-free recursion), sudoku solver, subset-sum and permutations with pruning.


def queens_sets(n):
    cols, d1, d2 = set(), set(), set()
    board = []
    solutions = []

    def place(r):
        if r == n:
            solutions.append(tuple(board))
            return
        for c in range(n):
            if c in cols or (r - c) in d1 or (r + c) in d2:
                continue
            cols.add(c)
            d1.add(r - c)
            d2.add(r + c)
            board.append(c)
            place(r + 1)
            board.pop()
            cols.remove(c)
            d1.remove(r - c)
            d2.remove(r + c)

    place(0)
    return solutions


def queens_bits(n):
    full = (1 << n) - 1
    count = 0
    stack = [(0, 0, 0)]
    while stack:
        cols, ld, rd = stack.pop()
        if cols == full:
            count += 1
            continue
        avail = full & ~(cols | ld | rd)
        while avail:
            bit = avail & -avail
            avail ^= bit
            stack.append((cols | bit, ((ld | bit) << 1) & full, (rd | bit) >> 1))
    return count


for n in range(1, 9):
    sols = queens_sets(n)
    print(n, len(sols), queens_bits(n), sols[0] if sols else None)
print("10-queens", queens_bits(10))
s8 = queens_sets(8)
print("\n".join("".join("Q" if c == col else "." for c in range(8)) for col in s8[0]))

# Sudoku solver with constraint sets
puzzle = (
    "53..7...."
    "6..195..."
    ".98....6."
    "8...6...3"
    "4..8.3..1"
    "7...2...6"
    ".6....28."
    "...419..5"
    "....8..79"
)
grid = [0 if ch == "." else int(ch) for ch in puzzle]
rows = [set() for _ in range(9)]
colsets = [set() for _ in range(9)]
boxes = [set() for _ in range(9)]
for i, v in enumerate(grid):
    if v:
        r, c = divmod(i, 9)
        rows[r].add(v)
        colsets[c].add(v)
        boxes[(r // 3) * 3 + c // 3].add(v)
steps = [0]


def solve():
    best = None
    best_opts = None
    for i in range(81):
        if grid[i] == 0:
            r, c = divmod(i, 9)
            opts = {1, 2, 3, 4, 5, 6, 7, 8, 9} - rows[r] - colsets[c] - boxes[(r // 3) * 3 + c // 3]
            if best_opts is None or len(opts) < len(best_opts):
                best, best_opts = i, opts
                if not opts:
                    return False
    if best is None:
        return True
    r, c = divmod(best, 9)
    b = (r // 3) * 3 + c // 3
    for v in sorted(best_opts):
        steps[0] += 1
        grid[best] = v
        rows[r].add(v)
        colsets[c].add(v)
        boxes[b].add(v)
        if solve():
            return True
        rows[r].remove(v)
        colsets[c].remove(v)
        boxes[b].remove(v)
        grid[best] = 0
    return False


print("sudoku solved:", solve(), "steps", steps[0])
for r in range(9):
    print(" ".join(str(v) for v in grid[r * 9:(r + 1) * 9]))


# Subset sum with pruning
def subset_sums(nums, target):
    nums = sorted(nums, reverse=True)
    found = []
    chosen = []

    def go(i, remaining):
        if remaining == 0:
            found.append(tuple(chosen))
            return
        if i == len(nums) or remaining < 0:
            return
        if sum(nums[i:]) < remaining:
            return
        chosen.append(nums[i])
        go(i + 1, remaining - nums[i])
        chosen.pop()
        go(i + 1, remaining)

    go(0, target)
    return found


res = subset_sums([3, 34, 4, 12, 5, 2, 7, 19, 23, 8, 11], 50)
print(len(res), res[:5])


# Knight's tour (Warnsdorff heuristic) on 6x6 and 8x8
def knights_tour(n, start=(0, 0)):
    moves = [(2, 1), (1, 2), (-1, 2), (-2, 1), (-2, -1), (-1, -2), (1, -2), (2, -1)]
    board = [[0] * n for _ in range(n)]
    x, y = start
    board[y][x] = 1
    for step in range(2, n * n + 1):
        cands = []
        for dx, dy in moves:
            nx, ny = x + dx, y + dy
            if 0 <= nx < n and 0 <= ny < n and board[ny][nx] == 0:
                deg = sum(1 for ex, ey in moves if 0 <= nx + ex < n and 0 <= ny + ey < n and board[ny + ey][nx + ex] == 0)
                cands.append((deg, nx, ny))
        if not cands:
            return step - 1, board
        _, x, y = min(cands)
        board[y][x] = step
    return n * n, board


for n in (5, 6, 8):
    visited, board = knights_tour(n)
    print("knight", n, visited, board[0])
