# List and tuple indexing in hot loops: positive and negative indices, IndexError mid-loop caught inside and outside, len() of lists, a list replaced by a tuple (and a str, a dict, a custom sequence) mid-loop, indices that are bools or big ints.


class Seq:
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError("Seq index out of range")
        return i * 11


def sum_by_index(seq):
    s = 0
    for i in range(len(seq)):
        s += seq[i]
    return s


def sum_negative(seq):
    s = 0
    for i in range(1, len(seq) + 1):
        s = s * 3 + seq[-i]
    return s


def pairwise_diff(seq):
    out = []
    for i in range(1, len(seq)):
        out.append(seq[i] - seq[i - 1])
    return out


def out_of_range_outside(seq, n):
    total = 0
    i = -1
    try:
        for i in range(n):
            total += seq[i]
    except IndexError as e:
        return "IndexError", str(e), i, total
    return "ok", i, total


def out_of_range_inside(seq, idxs):
    total = 0
    misses = []
    for i in idxs:
        try:
            total += seq[i]
        except IndexError as e:
            misses.append((i, str(e)))
    return total, misses


def container_swap():
    data = [1, 2, 3, 4, 5, 6, 7, 8]
    out = []
    for rnd in range(6):
        if rnd == 2:
            data = tuple(data)
        elif rnd == 3:
            data = "abcdefgh"
        elif rnd == 4:
            data = {i: i * i for i in range(8)}
        elif rnd == 5:
            data = Seq(8)
        acc = data[0]
        for i in range(1, len(data)):
            acc = acc + data[i]
        out.append((type(data).__name__, acc, data[-1] if not isinstance(data, dict) else data[7]))
    return out


def index_types(seq):
    out = []
    for i in [0, 1, True, False, -1, -len(seq), 2**70, -(2**70), 3]:
        try:
            out.append(seq[i])
        except IndexError as e:
            out.append(f"IndexError: {e}")
    return out


def tuple_unpack_index(points):
    sx = 0
    sy = 0
    for p in points:
        sx += p[0]
        sy += p[-1]
    return sx, sy


def len_in_loop(lists):
    lens = 0
    longest = None
    for lst in lists:
        n = len(lst)
        lens += n
        if longest is None or n > len(longest):
            longest = lst
    return lens, longest


def store_index(n):
    buf = [0] * 10
    for i in range(n):
        buf[i % 10] += i
        buf[-(i % 10) - 1] -= 1
    return buf


def store_out_of_range(n):
    buf = [0] * 5
    errors = 0
    for i in range(n):
        try:
            buf[i - 3] = i
        except IndexError:
            errors += 1
    return buf, errors


def main():
    ints = list(range(50))
    print("sum_by_index:", sum_by_index(ints), sum_by_index(tuple(ints)), sum_by_index([]), sum_by_index([7]))
    print("sum_by_index floats:", sum_by_index([0.5] * 10 + [1] * 10))
    print("sum_by_index Seq:", sum_by_index(Seq(20)))
    print("sum_negative:", sum_negative(list(range(45))), sum_negative((1, 2, 3)))
    print("pairwise:", pairwise_diff([1, 4, 9, 16, 25, 36.5, 49, -1]))
    print(out_of_range_outside(ints[:10], 20))
    print(out_of_range_outside(tuple(ints[:10]), 20))
    print(out_of_range_outside(ints[:10], 10))
    print(out_of_range_outside([1, 2, 3], 5))
    print(out_of_range_outside(range(6), 9))
    print("inside:", out_of_range_inside([10, 20, 30], [0, 1, 2, -1, -2, -3, 3, -4, 0, 1, 100, -100]))
    print("inside tuple:", out_of_range_inside((10, 20, 30), [0, 1, 2, 5, 2]))
    for row in container_swap():
        print("container_swap:", row)
    print("index_types list:", index_types([5, 6, 7, 8]))
    print("index_types tuple:", index_types((5, 6, 7, 8)))
    print("tuple_unpack_index:", tuple_unpack_index([(i, i * 2) for i in range(30)] + [[1, 2, 3], (4,)]))
    print("len_in_loop:", len_in_loop([[1], [1, 2], (), "abcd", [1, 2, 3], range(10), {1: 2}]))
    print("store_index:", store_index(95))
    print("store_out_of_range:", store_out_of_range(12))
    try:
        tuple_unpack_index([(1, 2), (3, 4), (5, 6), 7])
    except TypeError as e:
        print("TypeError:", e)
    try:
        sum_by_index([1, 2, 3, None])
    except TypeError as e:
        print("TypeError:", e)


main()
