# Values live across trace exits: several locals (ints, floats, bools, lists) modified in the loop before a guard fails (type change, overflow, branch flip, exception), and every local printed after the loop to check the rebuilt frame.


def show(tag, **kw):
    print(tag, " ".join(f"{k}={v!r}" for k, v in kw.items()))


def type_change_late(n, change_at):
    x = 0
    y = 1
    z = 2.5
    w = True
    s = 0
    v = 0
    for i in range(n):
        x += i
        y = y * 3 % 1000003
        z = z * 0.5 + i
        w = not w
        v = i if i != change_at else float(i)
        s += v
    show("type_change_late", n=n, change_at=change_at, x=x, y=y, z=z, w=w, s=s, v=v, i=i)


def overflow_late(n):
    a = 1
    b = 0
    c = -1
    d = 0.0
    for i in range(n):
        b += 1
        c -= 2
        d += 0.25
        a = a * 5
    show("overflow_late", n=n, a=a, b=b, c=c, d=d, i=i)


def exception_late(n, bad_at):
    p = 0
    q = 100
    r = 0.0
    seq = [1] * n
    seq[bad_at] = 0
    i = -1
    try:
        for i in range(n):
            p += 3
            q -= 1
            r += 0.5
            p = p // seq[i]
    except ZeroDivisionError:
        pass
    show("exception_late", n=n, bad_at=bad_at, p=p, q=q, r=r, i=i)


def branch_flip_locals(n):
    lo = 0
    hi = 0
    flag = False
    last = None
    k = 0
    for k in range(n):
        if k * k > 500:
            hi += k
            flag = True
            last = "hi"
        else:
            lo -= k
            last = "lo"
    show("branch_flip", lo=lo, hi=hi, flag=flag, last=last, k=k)


def swap_types(n):
    a = 1
    b = 2.0
    for i in range(n):
        a, b = b, a
        a = a + 1
    show("swap_types", n=n, a=a, b=b)


def list_length_exit(n):
    items = list(range(10))
    taken = 0
    acc = 0
    j = 0
    try:
        while True:
            acc += items[j]
            taken += 1
            j += 1
            if j == n:
                break
    except IndexError:
        pass
    show("list_length_exit", n=n, taken=taken, acc=acc, j=j)


def float_ops_exit(n):
    f = 1.0
    g = 0.0
    h = -1.0
    m = 0
    for i in range(n):
        f *= 1.5
        g -= 0.125
        h = -h
        m += 1
        if i == 7:
            f = int(f)
    show("float_ops_exit", n=n, f=f, g=g, h=h, m=m)


def unbound_after(n):
    # a local first assigned inside the loop: unbound if the loop body never runs
    for i in range(n):
        fresh = i * 2
    try:
        show("unbound_after", n=n, fresh=fresh, i=i)
    except UnboundLocalError as e:
        show("unbound_after", n=n, error=str(e))


def delete_in_loop(n):
    keep = 0
    gone = "here"
    for i in range(n):
        keep += i
        if i == 5:
            del gone
    try:
        gone
        state = "bound"
    except UnboundLocalError:
        state = "deleted"
    show("delete_in_loop", n=n, keep=keep, state=state)


def main():
    type_change_late(10, -1)
    type_change_late(10, 8)
    type_change_late(40, 20)
    type_change_late(3, 2)
    for n in (0, 1, 2, 26, 27, 28, 40):
        overflow_late(n) if n else print("overflow_late n=0 skipped")
    exception_late(20, 0)
    exception_late(20, 1)
    exception_late(20, 2)
    exception_late(20, 19)
    branch_flip_locals(10)
    branch_flip_locals(40)
    for n in (0, 1, 2, 3, 4, 11):
        swap_types(n)
    list_length_exit(5)
    list_length_exit(10)
    list_length_exit(50)
    float_ops_exit(5)
    float_ops_exit(20)
    unbound_after(0)
    unbound_after(1)
    unbound_after(5)
    delete_in_loop(3)
    delete_in_loop(10)


main()
