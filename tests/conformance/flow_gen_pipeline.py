# Generator pipelines and itertools over generators: chained stages, tee, groupby, islice on infinite sources, hot loops.
import itertools
import functools
import operator


def source(n):
    for i in range(n):
        yield i


def numbers():
    n = 1
    while True:
        yield n
        n += 1


def evens(it):
    for x in it:
        if x % 2 == 0:
            yield x


def squares(it):
    for x in it:
        yield x * x


def running_total(it):
    total = 0
    for x in it:
        total += x
        yield total


def batched(it, size):
    batch = []
    for x in it:
        batch.append(x)
        if len(batch) == size:
            yield tuple(batch)
            batch = []
    if batch:
        yield tuple(batch)


def primes():
    yield 2
    found = [2]
    for cand in itertools.count(3, 2):
        limit = int(cand ** 0.5)
        for p in found:
            if p > limit:
                found.append(cand)
                yield cand
                break
            if cand % p == 0:
                break


def collatz(n):
    while n != 1:
        yield n
        n = 3 * n + 1 if n % 2 else n // 2
    yield 1


def main():
    pipe = running_total(squares(evens(source(20))))
    print("pipeline:", list(pipe))
    print("batched:", list(batched(source(11), 4)))
    print("first primes:", list(itertools.islice(primes(), 25)))
    print("100th prime:", next(itertools.islice(primes(), 99, None)))

    # hot loop: thousands of iterations through a 4-stage pipeline
    total = 0
    for v in running_total(squares(evens(source(20000)))):
        total ^= v
    print("xor of running totals:", total)
    print("sum of squares of evens < 20000:", sum(squares(evens(source(20000)))))

    # longest collatz chain under 3000 via generator lengths
    best = max(range(1, 3000), key=lambda n: sum(1 for _ in collatz(n)))
    print("longest collatz start < 3000:", best, "length", sum(1 for _ in collatz(best)))

    # itertools on generators
    print("chain:", list(itertools.chain(source(3), (c for c in "ab"), squares(source(3)))))
    print("chain.from_iterable:", list(itertools.chain.from_iterable(source(k) for k in range(4))))
    a, b, c = itertools.tee(squares(source(6)), 3)
    print("tee a:", next(a), next(a), "| b:", list(b), "| a rest:", list(a), "| c:", list(c))
    words = (w for w in "apple avocado banana blueberry cherry cranberry date".split())
    for key, grp in itertools.groupby(words, key=operator.itemgetter(0)):
        print("group", key, list(grp))
    print("accumulate mul:", list(itertools.accumulate(numbers_upto(8), operator.mul)))
    print("accumulate initial:", list(itertools.accumulate(source(5), initial=100)))
    print("takewhile:", list(itertools.takewhile(lambda x: x < 30, squares(numbers()))))
    print("dropwhile:", list(itertools.islice(itertools.dropwhile(lambda x: x < 30, squares(numbers())), 4)))
    print("compress:", list(itertools.compress(source(10), (x % 3 == 0 for x in source(10)))))
    print("starmap:", list(itertools.starmap(pow, ((b, e) for b in range(2, 4) for e in range(3)))))
    print("zip_longest:", list(itertools.zip_longest(source(3), "abcde", fillvalue="-")))
    print("pairwise:", list(itertools.pairwise(collatz(6))))
    print("product:", list(itertools.product((x for x in "ab"), source(2))))
    print("permutations:", list(itertools.permutations(source(3), 2)))
    print("combinations:", list(itertools.combinations(source(5), 3))[:5])
    print("cycle+islice:", list(itertools.islice(itertools.cycle(source(3)), 8)))
    print("repeat:", list(itertools.repeat("r", 3)))
    print("filterfalse:", list(itertools.filterfalse(lambda x: x % 4, source(17))))
    print("reduce over generator:", functools.reduce(operator.add, (str(x) for x in source(6)), ">"))
    print("zip of generators:", list(zip(source(4), squares(source(10)), numbers())))
    print("enumerate generator:", list(enumerate(evens(source(7)), start=1)))
    print("sorted generator:", sorted((x * 7) % 11 for x in source(11)))
    print("min/max/any/all:", min(squares(source(5))), max(squares(source(5))),
          any(x > 10 for x in source(5)), all(x < 10 for x in source(5)))
    print("dict from generator:", dict((k, k * k) for k in source(5)))
    print("str.join generator:", "-".join(str(x) for x in evens(source(10))))

    # a tee of an infinite generator, advanced unevenly
    t1, t2 = itertools.tee(primes())
    ahead = [next(t1) for _ in range(10)]
    behind = [next(t2) for _ in range(3)]
    print("tee uneven:", ahead, behind, next(t1), next(t2))

    # pipeline built dynamically with reduce over stage functions
    stages = [evens, squares, running_total]
    pipe = functools.reduce(lambda it, stage: stage(it), stages, source(12))
    print("dynamic pipeline:", list(pipe))

    # send-based pipeline (push style coroutines made of generators)
    def printer(prefix):
        try:
            while True:
                item = yield
                print(prefix, item)
        except GeneratorExit:
            print(prefix, "closed")

    def filt(pred, target):
        try:
            while True:
                item = yield
                if pred(item):
                    target.send(item)
        finally:
            target.close()

    def mapper(fn, target):
        try:
            while True:
                target.send(fn((yield)))
        finally:
            target.close()

    sink = printer("  push:")
    next(sink)
    f = filt(lambda x: x % 3 == 0, sink)
    next(f)
    m = mapper(lambda x: x * 10 + 1, f)
    next(m)
    for i in range(12):
        m.send(i)
    m.close()


def numbers_upto(n):
    yield from itertools.islice(numbers(), n)


main()
