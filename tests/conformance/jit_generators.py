# Generators and hot loops: a hot loop inside a generator that yields every iteration, generators closed early (close() while suspended in a hot loop, break out of a for over a generator, GC of a half-consumed generator with finally), send/throw into a hot loop, loops consuming generators.


def counter(n):
    i = 0
    total = 0
    try:
        while i < n:
            total += i
            yield i, total
            i += 1
    finally:
        print("  counter finally: i =", i, "total =", total)


def squares(n):
    for i in range(n):
        yield i * i


def accumulate():
    total = 0
    count = 0
    while True:
        v = yield total
        if v is None:
            break
        total += v
        count += 1
    return total, count


def resilient(n):
    errors = 0
    i = 0
    for i in range(n):
        try:
            yield i
        except ValueError:
            errors += 1
            yield -i
    return errors, i


def pipeline(n):
    evens = (x for x in squares(n) if x % 2 == 0)
    scaled = (x // 2 for x in evens)
    s = 0
    for v in scaled:
        s += v
    return s


def consume_all():
    s = 0
    last = None
    for i, t in counter(30):
        s += i
        last = t
    return s, last


def break_out():
    got = []
    gen = counter(100)
    for i, t in gen:
        got.append(i)
        if i == 40:
            break
    print("  broke out at", got[-1], "suspended:", gen.gi_suspended)
    gen.close()
    print("  closed:", gen.gi_frame is None)
    return len(got)


def close_while_suspended():
    gen = counter(1000)
    vals = [next(gen) for _ in range(50)]
    print("  last value:", vals[-1])
    gen.close()
    try:
        next(gen)
    except StopIteration:
        print("  StopIteration after close")


def send_loop():
    acc = accumulate()
    next(acc)
    outs = []
    for v in range(25):
        outs.append(acc.send(v))
    try:
        acc.send(None)
    except StopIteration as e:
        return outs[-3:], e.value


def throw_loop():
    gen = resilient(50)
    seen = []
    for k in range(30):
        v = next(gen)
        if k % 7 == 6:
            v = gen.throw(ValueError("x"))
        seen.append(v)
    rest = list(gen)
    return seen[-5:], len(rest)


def yield_from_loop(n):
    def inner(k):
        for j in range(k):
            yield j
        return k * 100

    results = []
    for k in range(n):
        r = yield from inner(k)
        results.append(r)
    return results


def drive_yield_from():
    gen = yield_from_loop(6)
    values = []
    while True:
        try:
            values.append(next(gen))
        except StopIteration as e:
            return values, e.value


def generator_gc():
    gen = counter(200)
    for _ in range(60):
        next(gen)
    del gen  # finally runs when the suspended generator is collected
    print("  after del")


def genexpr_in_loop(n):
    out = 0
    for i in range(n):
        out += sum(j for j in range(i) if j % 3)
    return out


def main():
    print("consume_all:", consume_all())
    print("break_out:", break_out())
    print("close_while_suspended:")
    close_while_suspended()
    print("send_loop:", send_loop())
    print("throw_loop:", throw_loop())
    print("pipeline:", pipeline(100))
    print("yield_from:", drive_yield_from())
    print("generator_gc:")
    generator_gc()
    print("genexpr_in_loop:", genexpr_in_loop(60))
    print("zip/enumerate:", sum(i * v for i, v in enumerate(squares(40))), list(zip(squares(5), counter(3))))


main()
