# Comprehension and generator-expression loops (their own code objects in 3.11) running hot: element types changing part-way, exceptions escaping a comprehension, nested comprehensions, conditions flipping, and closures capturing the loop variable.


def squares(values):
    return [v * v for v in values]


def filtered(values, lo):
    return [v for v in values if v > lo if v % 3]


def dict_comp(n):
    return {i: i * i for i in range(n) if i % 4 != 1}


def set_comp(n):
    return sorted({(i * 7) % 11 for i in range(n)})


def nested(n):
    return [[i * j for j in range(i)] for i in range(n)]


def flat(n):
    return [i + j for i in range(n) for j in range(i, n) if (i + j) % 2]


def escapes(values):
    try:
        return [100 // v for v in values]
    except ZeroDivisionError as e:
        return f"ZeroDivisionError: {e}"


def genexp_sum(n):
    return sum(i * i for i in range(n)), sum(i / 2 for i in range(n)), max(i % 17 for i in range(n))


def closures(n):
    fs = [lambda k=i: k * 2 for i in range(n)]
    late = [lambda: i for i in range(n)]
    return [f() for f in fs][-3:], [f() for f in late][-3:]


def walrus_in_comp(values):
    total = 0
    out = [total := total + v for v in values]
    return out[-3:], total


def main():
    print("squares:", squares(list(range(20)) + [0.5, 2**40, True, -(2**63)])[-6:])
    print("squares bigs:", squares([2**31, 2**32, 2**62, 3037000500]))
    print("filtered:", filtered(list(range(60)) + [70.5, 71.0, 72], 40))
    print("dict_comp:", dict_comp(20))
    print("set_comp:", set_comp(50))
    print("nested:", nested(6))
    print("flat:", len(flat(30)), sum(flat(30)), flat(5))
    print("escapes:", escapes([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 0, 11]), escapes(list(range(1, 15))))
    print("genexp_sum:", genexp_sum(500))
    print("closures:", closures(30))
    print("walrus:", walrus_in_comp(list(range(40)) + [0.25]))
    try:
        print([v + 1 for v in [1, 2, 3, 4, 5, "six", 7]])
    except TypeError as e:
        print("TypeError:", e)
    matrix = [[r * 5 + c for c in range(5)] for r in range(5)]
    print("transpose:", [[row[c] for row in matrix] for c in range(5)])
    print("diag:", [matrix[i][i] for i in range(5)], [matrix[i][-i - 1] for i in range(5)])


main()
