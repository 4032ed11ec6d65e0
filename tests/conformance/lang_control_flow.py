# Exercises control flow: while/else, for/else, break/continue in nested loops, loops over many iterable kinds, early returns, pass/ellipsis bodies.

def find_first(seq, pred):
    for idx, v in enumerate(seq):
        if pred(v):
            break
    else:
        return None
    return idx, v

print(find_first([1, 3, 5, 6, 7], lambda v: v % 2 == 0), find_first([1, 3], lambda v: v > 5), find_first([], bool))

# while/else with and without break
n = 10
while n > 0:
    n -= 3
    if n == 2:
        print("break at", n)
        break
else:
    print("while finished without break", n)
n = 9
while n > 0:
    n -= 3
else:
    print("while else ran, n =", n)

# Nested loops with labeled-break emulation via flags and for/else
target = 391
for a in range(2, 100):
    for b in range(a, 400):
        if a * b == target:
            print("factors", a, b)
            break
        if a * b > target:
            break
    else:
        continue
    if a * b == target:
        break
else:
    print("no factorization")

# continue-heavy hot loop
count = 0
skipped = 0
total = 0
for i in range(20000):
    if i % 3 == 0:
        skipped += 1
        continue
    if i % 5 == 0:
        continue
    if i > 15000:
        break
    count += 1
    total += i
print("count", count, "skipped", skipped, "total", total, "stopped at", i)

# Loop over many iterables
for it in ([1, 2], (3,), "xy", b"z", {"k": 0}, {7}, range(2), enumerate("ab"), zip([1], [2]), reversed([1, 2]), iter([9]), map(str, [1]), filter(None, [0, 5])):
    print(type(it).__name__, [v for v in it])

# Loop variable rebinding inside the loop body does not affect iteration
for i in range(5):
    i = i * 100
print("after loop i =", i)
seq = [1, 2, 3]
out = []
for v in seq:
    if v == 2:
        seq.append(99)
    if len(seq) < 6:
        seq.append(v * 10)
    out.append(v)
print(out, seq)

# Early return from nested loops in a function, and multiple returns
def search(matrix, value):
    for r, row in enumerate(matrix):
        for c, v in enumerate(row):
            if v == value:
                return (r, c)
            if v > value:
                break
    return None

mat = [[i * 10 + j for j in range(0, 10, 2)] for i in range(10)]
print([search(mat, v) for v in (0, 34, 35, 98, 99, 200)])

# Loop with else after exhaustion of an empty iterable
for _ in []:
    print("never")
else:
    print("empty for-else ran")

# try/finally interplay with break/continue/return
def loop_finally():
    log = []
    for i in range(5):
        try:
            if i == 1:
                continue
            if i == 3:
                break
            log.append(("body", i))
        finally:
            log.append(("finally", i))
    return log

def return_in_finally():
    try:
        return "try"
    finally:
        pass

def finally_overrides():
    for _ in range(3):
        try:
            return "from try"
        finally:
            break
    return "after loop"

print(loop_finally(), return_in_finally(), finally_overrides())

# State machine driven by a while True loop
def run_machine(inp):
    state = "start"
    pos = 0
    trace = []
    while True:
        ch = inp[pos] if pos < len(inp) else None
        trace.append(state)
        if state == "start":
            state = "num" if ch is not None and ch.isdigit() else "err"
        elif state == "num":
            if ch is None:
                state = "done"
                continue
            if ch == ".":
                state = "frac"
            elif not ch.isdigit():
                state = "err"
                continue
            pos += 1
        elif state == "frac":
            if ch is None:
                state = "done"
            elif ch.isdigit():
                pos += 1
            else:
                state = "err"
        elif state in ("done", "err"):
            break
    return state, pos, len(trace)

for s in ("123", "12.5", "1.2.3", "abc", "", "7."):
    print(repr(s), run_machine(s))

def noop():
    ...

def noop2():
    pass

print(noop(), noop2(), [x for x in range(3) if x] or "empty")
