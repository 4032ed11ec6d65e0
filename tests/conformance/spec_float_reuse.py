# Float arithmetic forms that write their result into an operand nothing else holds: values
# held by locals, containers, closures, defaults and other results must never change, and
# chains of temporaries must compute exactly what CPython computes.
import math


def chains(n):
    total = 0.0
    for i in range(n):
        x = i * 0.5
        total += (x * 1.25 + 0.75) * (x - 3.5) - x * x
    return total


print("chains:", chains(2000))

base = 1.5
keep = [base, base * 2.0, 0.25]
held = {"a": 3.25}


def uses_held(n):
    acc = 0.0
    for _ in range(n):
        acc = acc + keep[0] * keep[1] - keep[2]
        acc = acc * 0.5 + held["a"]
        scratch = base + 1.0
        acc += scratch - base
    return acc


print("uses held:", uses_held(500))
print("held unchanged:", base, keep, held)


def aliasing(n):
    values = []
    for i in range(n):
        x = float(i) + 0.5
        y = x  # two references: neither may be reused
        z = x * 2.0
        values.append((x, y, z, x is y))
        w = values[-1][0] - 1.0  # a tuple item
        values.append(w)
    return values[-4:], values[0]


print("aliasing:", aliasing(300))


def same_operand(n):
    out = []
    for i in range(n):
        x = i + 0.25
        out.append(x * x - x + x / 2)
    return out[-3:]


print("same operand:", same_operand(200))


def popped(n):
    data = [float(i) for i in range(n)]
    acc = 0.0
    while data:
        acc = data.pop() * 1.5 + acc  # pop hands over the list's only reference
    return acc


print("popped:", popped(400))


def closure_and_default(scale=2.5):
    offset = 0.125

    def inner(v):
        return v * scale + offset

    results = [inner(i * 1.0) for i in range(100)]
    return results[-1], scale, offset


print("closure/default:", closure_and_default())


def specials(n):
    out = []
    big = 1e308
    for i in range(n):
        out.append((big * 10.0, -big * 10.0, (big * 10.0) - (big * 10.0), 0.1 + 0.2, -0.0 * 1.0))
    nan = out[-1][2]
    return out[-1], math.isnan(nan), math.copysign(1.0, out[-1][4])


print("specials:", specials(50))


def mixed_types(n):
    # The same instruction meets floats, ints and a float subclass.
    class F(float):
        pass

    acc = []
    for v in [1.5, 2.5, 3, F(0.5), 4.0, True, 2.0 ** 0.5]:
        for _ in range(n):
            r = v * 2.0 - 0.5
        acc.append((r, type(r).__name__))
    return acc


print("mixed types:", mixed_types(30))


def inplace(n):
    a = 0.0
    b = 1.0
    for i in range(n):
        a += b
        b *= 1.0001
        a -= 0.25
    return a, b


print("in place:", inplace(1000))
