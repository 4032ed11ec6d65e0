# Exercises closures: cells (MAKE_CELL/LOAD_CLOSURE/LOAD_DEREF/STORE_DEREF/COPY_FREE_VARS), nonlocal, del of a closed-over variable (DELETE_DEREF), late binding.


def make_counter(start=0):
    count = start

    def inc(step=1):
        nonlocal count
        count += step
        return count

    def get():
        return count

    return inc, get


inc, get = make_counter(10)
for i in range(1000):
    inc(i % 3)
print("counter", get(), inc(0), inc.__code__.co_freevars, make_counter.__code__.co_cellvars)

inc2, get2 = make_counter()
inc2(5)
print("independent", get(), get2())


def accumulator():
    total = 0
    history = []

    def add(x):
        nonlocal total
        total = total + x
        history.append(total)
        return total

    return add, history


add, hist = accumulator()
for v in (1, 2.5, 10 ** 20, -3):
    add(v)
print(hist, [type(h).__name__ for h in hist])


# Late binding vs default capture
def late():
    fns = []
    for i in range(4):
        fns.append(lambda: i * 10)
    return [f() for f in fns]


def early():
    fns = []
    for i in range(4):
        fns.append(lambda i=i: i * 10)
    return [f() for f in fns]


print(late(), early())


# Three levels of nesting; the middle function only passes the cell through (COPY_FREE_VARS)
def outer(a):
    b = a * 2

    def middle(c):
        def inner(d):
            return a + b + c + d

        return inner

    return middle


print(outer(1)(10)(100), outer(5)(0)(0))


# DELETE_DEREF: deleting a closed-over variable then observing NameError in the closure
def deleter():
    secret = "value"

    def peek():
        return secret

    before = peek()
    del secret
    try:
        peek()
    except NameError as exc:
        after = "NameError: " + str(exc)
    secret = "rebound"
    return before, after, peek()


print(deleter())


def del_then_read():
    x = 1

    def show():
        return x

    del x
    try:
        return x
    except NameError as exc:
        return type(exc).__name__ + ": " + str(exc)


print(del_then_read())


# Cell variable that is also a parameter
def param_cell(n):
    def get():
        return n

    n += 1
    return get


print(param_cell(41)())


# Closure rebinding the enclosing variable across many calls in a hot loop
def make_fib():
    a, b = 0, 1

    def step():
        nonlocal a, b
        a, b = b, a + b
        return a

    return step


step = make_fib()
vals = [step() for _ in range(300)]
print(vals[:10], vals[-1] % 10 ** 12, len(str(vals[-1])))


# Memoizing closure with a dict cell
def memoize(fn):
    cache = {}
    hits = [0]

    def wrapper(n):
        if n in cache:
            hits[0] += 1
            return cache[n]
        r = fn(n)
        cache[n] = r
        return r

    wrapper.stats = lambda: (len(cache), hits[0])
    return wrapper


@memoize
def ways(n):
    if n < 0:
        return 0
    if n == 0:
        return 1
    return ways(n - 1) + ways(n - 3) + ways(n - 4)


print([ways(n) for n in range(15)], ways(400) % 10 ** 9, ways.stats())

# Closures over loop-modified variables: the cell sees the latest value
def snapshotter():
    state = []
    current = None

    def snap():
        state.append(current)

    for current in ("a", 1, 2.0, None, [3]):
        snap()
    return state


print(snapshotter())


# nonlocal in nested loops with the closure called in the loop body
def grid_walker(w, h):
    visited = 0
    last = None

    def visit(x, y):
        nonlocal visited, last
        visited += 1
        last = (x, y)

    for y in range(h):
        for x in range(w):
            if (x ^ y) & 1:
                visit(x, y)
    return visited, last


print(grid_walker(70, 40))
print([c.cell_contents for c in make_counter(7)[1].__closure__])
