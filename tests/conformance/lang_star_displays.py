# Exercises star-unpacking in displays and calls: LIST_EXTEND, SET_UPDATE, LIST_TO_TUPLE, DICT_MERGE, DICT_UPDATE, BUILD_CONST_KEY_MAP, CALL_FUNCTION_EX.

def show(*args, **kwargs):
    return "args=%r kwargs=%r" % (args, kwargs)


nums = [1, 2, 3]
more = (4, 5)
text = "ab"
rng = range(6, 9)
gen = (i * 10 for i in range(3))

lst = [0, *nums, *more, *text, *rng, *gen, 99]
print(lst)
tup = (*nums, *more)
tup2 = (-1, *nums, *text, -2)
print(tup, tup2, (*(),), (*"",) == ())
st = {*nums, *more, *nums}
print(sorted(st), sorted({*text, "c"}), {*[]} == set())
cfg = {"a": 1, "b": 2}
over = {"b": 20, "c": 30}
merged = {**cfg, **over}
merged2 = {"z": 0, **cfg, "b": -2, **over, "d": 4}
print(merged, merged2, {**{}}, {**dict(x=1), **{"y": 2}})
const_map = {"red": 1, "green": 2, "blue": 3}
vals_map = {"sum": sum(nums), "len": len(nums), "max": max(nums)}
print(const_map, vals_map)

# Calls with * and ** (CALL_FUNCTION_EX), including DICT_MERGE for multiple **
print(show(*nums))
print(show(0, *nums, *more, 9))
print(show(**cfg))
print(show(*nums, **cfg, **{"c": 30, "d": 40}))
print(show(1, *text, key="v", **cfg))
print(show(*[], **{}))
try:
    show(**cfg, **{"a": 5})
except TypeError as exc:
    print("TypeError:", exc)
try:
    show(*5)
except TypeError as exc:
    print("TypeError:", exc)
try:
    show(**[1, 2])
except TypeError as exc:
    print("TypeError:", exc)
try:
    {**[1, 2]}
except TypeError as exc:
    print("TypeError:", exc)


def point(x, y, z=0, *, scale=1):
    return (x * scale, y * scale, z * scale)


coords = [(1, 2), (3, 4, 5), [6, 7]]
opts = [{}, {"scale": 2}, {"scale": -1, "z": 100}]
for c in coords:
    for o in opts:
        try:
            print(c, o, point(*c, **o))
        except TypeError as exc:
            print(c, o, "TypeError:", exc)

# Hot loop building displays repeatedly with changing inputs
acc_len = 0
acc_keys = 0
for i in range(2000):
    base = list(range(i % 7))
    extra = (i, -i) if i % 2 else ()
    combined = [*base, *extra]
    as_tuple = (*combined, i % 3)
    uniq = {*combined, *as_tuple}
    dd = {**{"i": i}, **({"odd": True} if i % 2 else {}), "n": len(combined)}
    acc_len += len(combined) + len(as_tuple) + len(uniq)
    acc_keys += len(dd) + dd["n"]
print("accumulated", acc_len, acc_keys)

# Forwarding wrappers
def forward(fn, *args, **kwargs):
    return fn(*args, **kwargs)


print(forward(max, 3, 9, 2), forward(sorted, [3, 1, 2], reverse=True), forward(dict, [("a", 1)], b=2))
print(forward(show, *range(3), **{"k%d" % i: i for i in range(3)}))
print(forward(point, *(1, 1), **{"scale": 5}))
print([*map(str, nums), *filter(None, [0, 1, "", "x"])], (*zip("ab", "cd"),), {*map(abs, [-1, 1, -2])})
