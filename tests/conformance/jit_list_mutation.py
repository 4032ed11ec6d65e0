# Lists mutated inside hot loops: append/pop/clear/insert/del while iterating by index (len() re-evaluated) and with for-in over the list itself, slice assignment, a list aliased by two names, and len() of a list that changes.


def append_while_iterating():
    items = [1, 2, 3]
    seen = []
    for x in items:
        seen.append(x)
        if x < 40:
            items.append(x * 2)
    return len(items), seen[-5:], sum(seen)


def pop_while_iterating():
    items = list(range(20))
    seen = []
    for x in items:
        seen.append(x)
        if x % 3 == 0:
            items.pop()
    return items, seen


def remove_front_while_iterating():
    items = list(range(20))
    seen = []
    for x in items:
        seen.append(x)
        del items[0]
    return items, seen


def clear_mid_loop():
    items = list(range(30))
    seen = 0
    for x in items:
        seen += 1
        if x == 10:
            items.clear()
    return items, seen


def index_loop_with_len():
    items = list(range(10))
    i = 0
    steps = 0
    while i < len(items):
        steps += 1
        if items[i] % 2 == 0:
            items.pop(i)
        else:
            items.insert(i, -items[i])
            i += 2
    return items, i, steps


def grow_by_index():
    items = [1]
    i = 0
    while i < len(items) and len(items) < 50:
        items.append(items[i] + i)
        i += 1
    return len(items), items[-3:], i


def stale_index(n):
    # the index tracks the length until an extra pop makes it stale
    items = list(range(n))
    out = []
    k = len(items) - 1
    step = -1
    try:
        for step in range(n):
            out.append(items[k])
            items.pop()
            k -= 1
            if step == n // 2:
                items.pop()
    except IndexError as e:
        out.append(f"IndexError: {e}")
    return out[-4:], len(items), k, step


def aliasing():
    a = [0] * 8
    b = a
    for i in range(40):
        a[i % 8] += 1
        if i == 20:
            b.append(100)
        b[-1] += 1
    return a, a is b


def slice_assign_in_loop():
    buf = list(range(12))
    lens = []
    for i in range(8):
        if i % 2:
            buf[1:3] = [i] * 3
        else:
            buf[-2:] = []
        lens.append(len(buf))
    return buf, lens


def sort_and_reverse_in_loop():
    data = [5, 3, 8, 1]
    log = []
    for i in range(6):
        data.append(i * 7 % 10)
        if i % 2:
            data.sort()
        else:
            data.reverse()
        log.append(data[0] + data[-1])
    return data, log


def extend_self():
    data = [1, 2]
    for i in range(5):
        data.extend(data)
        data[i] = len(data)
    return len(data), data[:8], sum(data)


def list_in_list():
    grid = [[0] * 3 for _ in range(3)]
    for i in range(30):
        row = grid[i % 3]
        row[(i // 3) % 3] += i
        if i == 15:
            grid[1] = [100, 100, 100]
    return grid


def main():
    print("append:", append_while_iterating())
    print("pop:", pop_while_iterating())
    print("remove_front:", remove_front_while_iterating())
    print("clear:", clear_mid_loop())
    print("index_loop:", index_loop_with_len())
    print("grow:", grow_by_index())
    print("stale:", stale_index(10), stale_index(3))
    print("aliasing:", aliasing())
    print("slice_assign:", slice_assign_in_loop())
    print("sort_reverse:", sort_and_reverse_in_loop())
    print("extend_self:", extend_self())
    print("list_in_list:", list_in_list())

    # module level: a list that is iterated and mutated, and its len() recomputed
    queue = [3]
    processed = []
    while len(queue) > 0:
        v = queue.pop(0)
        processed.append(v)
        if v > 0:
            queue.append(v - 1)
            queue.append(v - 2)
    print("queue:", len(processed), processed.count(0), processed.count(-1), queue)


main()
