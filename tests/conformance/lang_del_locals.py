# Exercises `del` of locals (DELETE_FAST) and the resulting UnboundLocalError/NameError, conditional deletion in loops, del of attributes/items/slices.


def basic():
    x = 10
    y = x * 2
    del x
    try:
        return x
    except UnboundLocalError as exc:
        return "UnboundLocalError: %s (y=%d)" % (exc, y)


print(basic())


def conditional(flag):
    v = "value"
    if flag:
        del v
    try:
        return v
    except UnboundLocalError:
        return "deleted"


print([conditional(f) for f in (True, False, 1, 0, "", "x")])


def shadow_global_error():
    # `total` is local because it's assigned below; reading first fails
    try:
        total += 1
    except UnboundLocalError as exc:
        return str(exc)
    return "unreachable"


total = 5
print(shadow_global_error())


def del_in_loop(n):
    kept = 0
    lost = 0
    for i in range(n):
        item = i * 3
        if i % 4 == 0:
            del item
        try:
            kept += item
        except UnboundLocalError:
            lost += 1
    return kept, lost


print(del_in_loop(4000))


def del_loop_var():
    for i in range(3):
        pass
    del i
    try:
        i
    except UnboundLocalError as exc:
        return "loop var gone: " + str(exc)


print(del_loop_var())


def del_twice():
    z = 1
    del z
    try:
        del z
    except UnboundLocalError as exc:
        return "second del: " + str(exc)


print(del_twice())


def del_then_rebind():
    out = []
    a = [1]
    for round_ in range(3):
        out.append(a)
        del a
        a = round_ * 10
    return out, a


print(del_then_rebind())


def except_var_cleared():
    try:
        raise ValueError("boom")
    except ValueError as err:
        msg = str(err)
    try:
        return msg, err
    except UnboundLocalError as exc:
        return msg, "err cleared: " + str(exc)


print(except_var_cleared())


def del_unpacked():
    a, (b, c) = 1, (2, 3)
    del a, c
    names = []
    for name in ("a", "b", "c"):
        try:
            names.append((name, eval(name)))
        except NameError:
            names.append((name, "missing"))
    return names, b


print(del_unpacked())


def del_nonexistent_global():
    global never_defined_anywhere
    try:
        del never_defined_anywhere
    except NameError as exc:
        return "NameError: " + str(exc)


print(del_nonexistent_global())


# del on containers, attributes and slices in a function
class Bag:
    pass


def del_many():
    bag = Bag()
    bag.a = 1
    bag.b = 2
    del bag.a
    d = {"k": 1, "j": 2}
    del d["k"]
    lst = list(range(10))
    del lst[1], lst[2:5], lst[-1]
    try:
        del bag.missing
    except AttributeError as exc:
        err = str(exc)
    return sorted(vars(bag)), d, lst, err


print(del_many())


# Hot loop alternating between defined and undefined local
def toggler(n):
    hits = 0
    misses = 0
    for i in range(n):
        if i % 3 != 2:
            current = i
        try:
            hits += current % 7
            del current
        except UnboundLocalError:
            misses += 1
    return hits, misses


print(toggler(6000))
print(total)
