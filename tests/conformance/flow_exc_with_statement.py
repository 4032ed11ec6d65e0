# with-statement semantics: __exit__ arguments, suppression by truthy return, exceptions in __enter__/__exit__, nesting, return/break through with.


class Tracker:
    def __init__(self, name, log, suppress=False, fail_enter=False, fail_exit=False, ret=None):
        self.name = name
        self.log = log
        self.suppress = suppress
        self.fail_enter = fail_enter
        self.fail_exit = fail_exit
        self.ret = ret

    def __enter__(self):
        self.log.append(f"enter {self.name}")
        if self.fail_enter:
            raise RuntimeError(f"enter failed in {self.name}")
        return self.ret if self.ret is not None else self

    def __exit__(self, exc_type, exc, tb):
        desc = "None" if exc_type is None else f"{exc_type.__name__}({exc}) tb={'yes' if tb else 'no'}"
        self.log.append(f"exit {self.name}: {desc}")
        if self.fail_exit:
            raise KeyError(f"exit failed in {self.name}")
        return self.suppress


def run(label, body):
    log = []
    try:
        result = body(log)
        log.append(f"result {result!r}")
    except Exception as e:
        ctx = e.__context__
        log.append(f"raised {type(e).__name__}({e})" + (f" ctx={type(ctx).__name__}({ctx})" if ctx else ""))
    print(f"{label}:")
    for line in log:
        print("   ", line)


def clean_body(log):
    with Tracker("A", log) as a:
        log.append(f"body has {a.name}")
    return "clean"


def suppressed(log):
    with Tracker("S", log, suppress=True):
        raise ValueError("hidden")
    return "after suppressed block"


def truthy_non_bool(log):
    with Tracker("T", log, suppress="yes"):
        raise ValueError("hidden by truthy string")
    return "suppressed by truthy value"


def not_suppressed(log):
    with Tracker("N", log, suppress=0):
        raise ValueError("visible")


def enter_fails(log):
    with Tracker("outer", log):
        with Tracker("bad-enter", log, fail_enter=True):
            log.append("never")
    return "unreachable"


def exit_fails(log):
    with Tracker("bad-exit", log, fail_exit=True):
        raise ValueError("body error")


def exit_fails_clean(log):
    with Tracker("bad-exit-clean", log, fail_exit=True):
        log.append("body fine")


def nested_multi(log):
    with Tracker("one", log), Tracker("two", log, suppress=True), Tracker("three", log):
        raise IndexError("inner")
    return "two suppressed it"


def return_inside(log):
    for i in range(3):
        with Tracker(f"loop{i}", log):
            if i == 1:
                return f"returned in loop {i}"
            continue


def as_targets(log):
    with Tracker("tuple", log, ret=(1, (2, 3))) as (x, (y, z)):
        log.append(f"unpacked {x} {y} {z}")
    d = {}
    with Tracker("subscript", log, ret="stored") as d["key"]:
        pass
    return d


def exit_receives_exact(log):
    class Inspect:
        def __enter__(self):
            return self

        def __exit__(self, *args):
            log.append(f"__exit__ got {len(args)} args; type is {args[0].__name__}; same object: {args[1] is err}")
            return True

    err = ZeroDivisionError("exact")
    with Inspect():
        raise err
    return "ok"


def missing_protocol(log):
    class OnlyEnter:
        def __enter__(self):
            return self

    with OnlyEnter():
        pass


def generator_in_with(log):
    def gen():
        with Tracker("gen-ctx", log):
            yield 1
            yield 2

    g = gen()
    log.append(f"got {next(g)}")
    g.close()
    return "closed generator exited its with block"


def hot_with(log):
    class Count:
        n = 0

        def __enter__(self):
            Count.n += 1

        def __exit__(self, et, ev, tb):
            return et is KeyError

    for i in range(5000):
        with Count():
            if i % 2:
                raise KeyError(i)
    return Count.n


for fn in (clean_body, suppressed, truthy_non_bool, not_suppressed, enter_fails, exit_fails,
           exit_fails_clean, nested_multi, return_inside, as_targets, exit_receives_exact,
           missing_protocol, generator_in_with, hot_with):
    run(fn.__name__, fn)
