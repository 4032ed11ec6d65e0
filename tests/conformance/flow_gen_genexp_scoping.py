# Generator expressions and comprehensions: eager first iterable, late binding, closures, class-body scoping, nested and conditional forms.
import inspect


def log_iter(tag, items):
    print(f"  iter({tag}) evaluated")
    for x in items:
        print(f"  {tag} -> {x}")
        yield x


def demo_eager_first_iterable():
    print("-- first iterable evaluated at creation, the rest lazily")
    ge = (a + b for a in log_iter("outer", [1, 2]) for b in log_iter("inner", [10, 20]))
    print("  genexpr created; state", inspect.getgeneratorstate(ge))
    print("  first:", next(ge))
    print("  rest:", list(ge))

    print("-- errors in the first iterable surface at creation")
    try:
        (x for x in 5)
    except TypeError as exc:
        print("  TypeError at creation:", exc)

    def gen_second():
        return (x for x in [1] for y in 5)

    g = gen_second()
    print("  created with bad inner iterable; now iterating")
    try:
        next(g)
    except TypeError as exc:
        print("  TypeError at iteration:", exc)


def demo_late_binding():
    print("-- late binding of free variables")
    factor = 2
    ge = (x * factor for x in range(3))
    factor = 100
    print("  uses factor at iteration time:", list(ge))

    funcs = [lambda: i for i in range(3)]
    print("  lambdas in listcomp share i:", [f() for f in funcs])
    funcs = [lambda i=i: i for i in range(3)]
    print("  default-arg capture:", [f() for f in funcs])

    gens = [(i * j for j in range(3)) for i in range(3)]
    print("  genexprs capturing loop var i:", [list(g) for g in gens])

    def make_counter():
        count = 0

        def bump():
            nonlocal count
            count += 1
            return count

        return bump, (count for _ in range(2))

    bump, ge = make_counter()
    bump()
    bump()
    print("  genexpr reads cell after bumps:", list(ge))


class Config:
    base = 10
    values = [1, 2, 3]
    # the first iterable is evaluated in class scope, so this works
    doubled = [v * 2 for v in values]
    try:
        shifted = [v + base for v in values]
    except NameError as exc:
        shifted = f"NameError: {exc}"
    pairs = list((v, w) for v in values for w in (v,))


def demo_class_scope():
    print("-- comprehension scopes in class bodies")
    print("  doubled:", Config.doubled)
    print("  shifted:", Config.shifted)
    print("  pairs:", Config.pairs)


def demo_forms():
    print("-- nested, conditional and walrus forms")
    matrix = [[r * 3 + c for c in range(3)] for r in range(3)]
    print("  matrix:", matrix)
    print("  transpose:", [[row[i] for row in matrix] for i in range(3)])
    print("  flatten filtered:", [v for row in matrix for v in row if v % 2 if v > 1])
    print("  set comp:", sorted({v % 4 for row in matrix for v in row}))
    print("  dict comp:", {k: v for k, v in zip("abc", matrix)})
    print("  conditional expr:", ["even" if v % 2 == 0 else "odd" for v in range(4)])
    total = 0
    partial = [total := total + v for v in range(6)]
    print("  walrus running totals:", partial, "final total:", total)
    if any((hit := v) > 3 for v in range(10)):
        print("  walrus captured first hit:", hit)
    print("  nested genexpr sum:", sum(sum(x for x in range(n)) for n in range(50)))
    gen_of_gens = ((y for y in range(x)) for x in range(4))
    print("  generator of generators:", [list(g) for g in gen_of_gens])
    print("  genexpr as only argument:", max(len(w) for w in "a bb ccc".split()))
    print("  genexpr with tuple unpack:", list(k + v for k, v in {"a": "1", "b": "2"}.items()))
    print("  dict comp with duplicates:", {k % 3: k for k in range(10)})
    keys = ["x", "y"]
    print("  nested dict comp:", {k: {k2: k + k2 for k2 in keys} for k in keys})


def demo_genexpr_attributes():
    print("-- genexpr introspection")
    ge = (x for x in range(3))
    print("  name:", ge.__name__, "qualname endswith genexpr:", ge.__qualname__.endswith("<genexpr>"))
    print("  code name:", ge.gi_code.co_name, "argcount:", ge.gi_code.co_argcount,
          "varnames:", ge.gi_code.co_varnames)
    print("  locals before:", sorted(ge.gi_frame.f_locals))
    next(ge)
    print("  locals after:", sorted(ge.gi_frame.f_locals))
    print("  send into genexpr:", ge.send("ignored"))
    try:
        ge.throw(ValueError("into genexpr"))
    except ValueError as exc:
        print("  throw propagates:", exc)
    print("  state:", inspect.getgeneratorstate(ge))
    lc_name = [sys_frame_name() for _ in range(1)][0]
    print("  list comprehension frame name:", lc_name)


def sys_frame_name():
    return inspect.currentframe().f_back.f_code.co_name


def demo_exception_var_leak():
    print("-- comprehension variables do not leak")
    x = "outer-x"
    _ = [x for x in range(3)]
    print("  x after listcomp:", x)
    _ = list(x for x in range(3))
    print("  x after genexpr:", x)


demo_eager_first_iterable()
demo_late_binding()
demo_class_scope()
demo_forms()
demo_genexpr_attributes()
demo_exception_var_leak()
