# Call sites that see a new function object each time: closures, lambdas and generator
# expressions made in a loop share their code's version, so the site stays specialized; a
# sibling whose defaults or code changed, or one made by types.FunctionType with other
# defaults, must still be called with its own.
import types


def make_adder(k):
    def add(x, step=1):
        return x + k * step
    return add


def run_adders(n):
    total = 0
    for i in range(n):
        f = make_adder(i)
        total += f(1) + f(1, 2)
    return total


print("adders", run_adders(300))


def lambdas(n):
    out = 0
    for i in range(n):
        out += (lambda a, b=i: a * b)(3)
    return out


print("lambdas", lambdas(300))


def genexprs(n):
    total = 0
    for i in range(n):
        total += sum(x * i for x in range(4))
        total += len(set(v - i for v in range(i % 5)))
    return total


print("genexprs", genexprs(300))


def make_negator(k):
    def neg(x, step=1):
        return -x - k
    return neg


# One sibling's defaults replaced or removed mid-loop; another's code replaced.
def changed_siblings(n):
    out = []
    for i in range(n):
        f = make_adder(i)
        if i == 100:
            f.__defaults__ = (10,)
        if i == 150:
            f.__defaults__ = None
            try:
                f(1)
            except TypeError as e:
                out.append(str(e))
            continue
        if i == 200:
            f.__code__ = make_negator(i).__code__
        out.append(f(1))
    return out


res = changed_siblings(260)
print("siblings", res[99], res[100], res[101], res[150], res[199], res[200], sum(x for x in res if isinstance(x, int)))

# Functions from the same code with other defaults (types.FunctionType) at the same site.
proto = make_adder(5)


def call_all(fs):
    return [f(2) for f in fs]


fs = []
for i in range(200):
    if i % 3 == 0:
        fs.append(types.FunctionType(proto.__code__, proto.__globals__, "made", (i,), proto.__closure__))
    elif i % 3 == 1:
        fs.append(types.FunctionType(proto.__code__, proto.__globals__, "made", None, proto.__closure__))
    else:
        fs.append(make_adder(i))
out = []
for f in fs:
    try:
        out.append(f(2))
    except TypeError as e:
        out.append(type(e).__name__)
print("made", out[:6], len(out), sum(x for x in out if isinstance(x, int)))


# Closures over loop variables, called where they were made and later.
def later(n):
    fs = [lambda: i for i in range(n)]
    gs = [lambda i=i: i for i in range(n)]
    return sum(f() for f in fs), sum(g() for g in gs)


print("later", later(200))
