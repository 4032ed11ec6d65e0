# Global and builtin loads in hot loops: a global reassigned by a called function mid-loop, builtins (len, abs, min, max, isinstance) shadowed mid-loop by a global via globals() and then deleted again, builtins module patched, NameError raised mid-loop.
import builtins

SCALE = 2
COUNTER = 0
LIMIT = 10


def bump_scale():
    global SCALE
    SCALE += 1


def scaled_sum(n, bump_at):
    total = 0
    for i in range(n):
        if i == bump_at:
            bump_scale()
        total += i * SCALE
    return total


def global_store_loop(n):
    global COUNTER
    for i in range(n):
        COUNTER += i
        if COUNTER > 1000:
            COUNTER -= 1000
    return COUNTER


def builtin_calls(items):
    acc = 0
    for x in items:
        acc += len(x) + abs(-len(x)) + min(len(x), 3) + max(len(x), 1)
        if isinstance(x, str):
            acc += 1000
    return acc


def shadow_len(items, at, undo_at):
    out = []
    for i in range(len(items)):
        if i == at:
            globals()["len"] = lambda x: 42
        if i == undo_at:
            del globals()["len"]
        out.append(len(items[i]))
    return out


def shadow_abs(n):
    out = 0
    for i in range(n):
        if i == 30:
            globals()["abs"] = lambda v: -1000
        out += abs(-i)
    del globals()["abs"]
    return out


def patch_builtins_module(n):
    original = builtins.max
    out = []
    try:
        for i in range(n):
            if i == 5:
                builtins.max = lambda *a: "patched"
            if i == 8:
                builtins.max = original
            out.append(max(i, 3))
    finally:
        builtins.max = original
    return out


def name_error_mid_loop(n):
    got = []
    for i in range(n):
        try:
            if i == 7:
                del globals()["LIMIT"]
            if i == 9:
                globals()["LIMIT"] = 99
            got.append(LIMIT)
        except NameError as e:
            got.append(str(e))
    return got


def name_error_escapes(n):
    total = 0
    i = -1
    try:
        for i in range(n):
            total += i
            if i == 12:
                total += UNDEFINED_THING  # noqa: F821
    except NameError as e:
        return "NameError", str(e), i, total
    return "ok", total


def global_defined_late(n):
    vals = []
    for i in range(n):
        if i == 4:
            globals()["LATE"] = "arrived"
        try:
            vals.append(LATE)  # noqa: F821
        except NameError:
            vals.append("missing")
    return vals


def replace_function_global(n):
    out = []
    for i in range(n):
        out.append(helper(i))
        if i == 3:
            globals()["helper"] = lambda v: -v
    globals()["helper"] = original_helper
    return out


def helper(v):
    return v * 10


original_helper = helper


def main():
    print("scaled_sum:", scaled_sum(50, 25), SCALE)
    print("scaled_sum no bump:", scaled_sum(50, -1), SCALE)
    print("global_store:", global_store_loop(100), global_store_loop(3), COUNTER)
    print("builtin_calls:", builtin_calls([[1, 2], "abc", (), [0] * 10, "", (1,)] * 5))
    print("shadow_len:", shadow_len(["a", "bb", "ccc", "dddd", "e", "ff", "ggg"], 3, 5))
    print("len restored:", len("abc"), "len" in globals())
    print("shadow_abs:", shadow_abs(40), abs(-3))
    print("patch_builtins:", patch_builtins_module(10), max(1, 2))
    print("name_error:", name_error_mid_loop(12), LIMIT)
    print("name_error_escapes:", name_error_escapes(20), name_error_escapes(5))
    print("global_defined_late:", global_defined_late(7))
    print("replace_function_global:", replace_function_global(8), helper(2))

    # module-level loop where the loop variables are globals
    total_g = 0
    for gi in range(30):
        total_g += gi * SCALE
        if gi == 15:
            bump_scale()
    print("module:", total_g, gi, SCALE)

    # a builtin used in the loop is deleted from builtins (NameError) and put back
    saved = builtins.len
    res = []
    for k in range(6):
        if k == 3:
            del builtins.len
        try:
            res.append(len("xy"))
        except NameError as e:
            res.append(str(e))
        if k == 4:
            builtins.len = saved
    print("deleted builtin:", res)

    # print called inside a hot loop, then shadowed by a global that prefixes its output
    real_print = builtins.print
    for k in range(8):
        if k == 4:
            globals()["print"] = lambda *a: real_print("shadowed:", *a)
        if k == 6:
            del globals()["print"]
        print("tick", k, abs(-k), min(k, 5), max(k, 2))


main()
