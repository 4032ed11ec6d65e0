# Generators in hot loops: many resumptions, send-driven accumulators, short-lived generators, generator-based state machines.


def fib():
    a, b = 0, 1
    while True:
        yield a
        a, b = b, a + b


def averager():
    total = 0.0
    count = 0
    avg = None
    while True:
        value = yield avg
        if value is None:
            return (count, total)
        total += value
        count += 1
        avg = total / count


def tokenize(text):
    word = []
    for ch in text:
        if ch.isalnum():
            word.append(ch)
        else:
            if word:
                yield "".join(word)
                word = []
            if not ch.isspace():
                yield ch
    if word:
        yield "".join(word)


def state_machine():
    # counts runs of identical symbols
    current = None
    run = 0
    runs = []
    while True:
        sym = yield
        if sym is None:
            if current is not None:
                runs.append((current, run))
            return runs
        if sym == current:
            run += 1
        else:
            if current is not None:
                runs.append((current, run))
            current, run = sym, 1


def main():
    # 1. many resumptions of one generator
    g = fib()
    checksum = 0
    for i in range(5000):
        checksum = (checksum * 31 + next(g)) % 1_000_000_007
    print("fib checksum over 5000 terms:", checksum)

    # 2. send-driven accumulator
    avg = averager()
    next(avg)
    last = None
    for i in range(1, 10001):
        last = avg.send(i % 97)
    print("running average:", round(last, 6))
    try:
        avg.send(None)
    except StopIteration as stop:
        print("averager returned:", stop.value)

    # 3. thousands of short-lived generators
    def small(n):
        for k in range(n):
            yield k

    acc = 0
    for n in range(3000):
        for v in small(n % 10):
            acc += v
    print("short-lived generators sum:", acc)

    # 4. generator expression inside a hot loop
    acc = 0
    for n in range(2000):
        acc += sum(x * x for x in range(n % 13))
    print("genexpr-in-loop sum:", acc)

    # 5. tokenizer over a long text
    text = "alpha+beta*(gamma-12) / delta7 ; " * 300
    counts = {}
    for tok in tokenize(text):
        counts[tok] = counts.get(tok, 0) + 1
    print("token counts:", sorted(counts.items()))

    # 6. state machine driven by send
    sm = state_machine()
    next(sm)
    pattern = "aaabccddddeaab" * 200
    for ch in pattern:
        sm.send(ch)
    try:
        sm.send(None)
    except StopIteration as stop:
        runs = stop.value
    print("runs:", len(runs), runs[:8], runs[-3:])

    # 7. interleaving many generators round-robin
    gens = [small(k) for k in range(1, 60)]
    order_sum = 0
    step = 0
    while gens:
        alive = []
        for gi in gens:
            try:
                v = next(gi)
            except StopIteration:
                continue
            step += 1
            order_sum = (order_sum + v * step) % 999983
            alive.append(gi)
        gens = alive
    print("round robin steps:", step, "weighted sum:", order_sum)

    # 8. generator with try/except inside the hot path
    def guarded(values):
        for v in values:
            try:
                yield 100 // v
            except ZeroDivisionError:
                yield -1

    print("guarded sum:", sum(guarded(i % 5 for i in range(10000))))


main()
