# sys.setprofile turned on in the middle of a hot loop by a called function: call/return events of the program's functions and c_call/c_return of builtins called from the loop for the remaining iterations, profiling turned off mid-loop, results unchanged.
import sys

EVENTS = []
MINE = {"work", "step", "enable", "disable", "loop_profiled", "loop_off", "gen_loop", "produce"}


def profiler(frame, event, arg):
    name = frame.f_code.co_name
    if name not in MINE:
        return
    if event in ("c_call", "c_return", "c_exception"):
        cname = getattr(arg, "__name__", "?")
        if cname in ("setprofile", "getprofile"):
            return
        EVENTS.append(f"{event} {cname} in {name}")
    elif event == "return":
        EVENTS.append(f"return {name} {arg!r}")
    else:
        EVENTS.append(f"{event} {name}")


def step(x):
    return x * 3 % 7


def enable():
    sys.setprofile(profiler)


def disable():
    sys.setprofile(None)


def loop_profiled(n, on_at):
    total = 0
    for i in range(n):
        if i == on_at:
            enable()
        total += step(i) + abs(-i) + len("ab")
    return total


def loop_off(n, off_at):
    total = 0
    for i in range(n):
        total += step(i)
        if i == off_at:
            disable()
        total += max(i, 5)
    return total


def produce(n):
    for i in range(n):
        yield i * i


def gen_loop(n, on_at):
    total = 0
    for v in produce(n):
        if v == on_at * on_at:
            enable()
        total += v
    return total


def c_exception_loop(n):
    errors = 0
    for i in range(n):
        try:
            divmod(i, i % 5)
        except ZeroDivisionError:
            errors += 1
    return errors


def report(label, result):
    print(f"== {label}: {result!r} ({len(EVENTS)} events)")
    for ev in EVENTS:
        print("   ", ev)
    EVENTS.clear()


def main():
    r = loop_profiled(50, 47)
    disable()
    report("loop_profiled", r)
    enable()
    r = loop_off(40, 2)
    report("loop_off", r)
    r = gen_loop(30, 27)
    disable()
    report("gen_loop", r)
    MINE.add("c_exception_loop")
    errors = 0
    for rnd in range(3):
        if rnd == 2:
            enable()
        errors += c_exception_loop(10)
    disable()
    report("c_exception_loop", errors)
    print("getprofile:", sys.getprofile())


main()
