# Exercises string/list/tuple/range indexing and slicing with positive/negative/omitted bounds and steps, slice objects, indices().

s = "0123456789abcdef"
specs = [(None, None, None), (2, None, None), (None, 5, None), (-3, None, None), (None, -3, None),
         (2, 10, 2), (None, None, -1), (10, 2, -1), (-1, -8, -2), (100, None, None), (None, 100, None),
         (-100, 3, None), (3, 3, None), (5, 2, None), (None, None, 3), (None, None, -4), (1, -1, 5)]
for a, b, c in specs:
    sl = slice(a, b, c)
    print(sl, repr(s[a:b:c]), s[sl] == s[a:b:c], sl.indices(len(s)), list(range(16))[sl] == list(range(16)[sl]))

# Variable slice bounds computed in a hot loop
acc = 0
chars = []
for i in range(-20, 20):
    for j in range(-20, 20, 3):
        piece = s[i:j]
        acc += len(piece)
        if i % 7 == 0 and j % 5 == 0:
            chars.append(piece[::2])
print("total slice lengths", acc)
print(chars)

t = tuple(range(20))
r = range(3, 60, 4)
print(t[::3], t[-5:], t[15:3:-4], r[2:9:2], r[::-1], r[-1], r[5], len(r[1:100]), r.index(23), r.count(7))
try:
    s[::0]
except ValueError as exc:
    print("ValueError:", exc)
try:
    s[16]
except IndexError as exc:
    print("IndexError:", exc)
try:
    t[-21]
except IndexError as exc:
    print("IndexError:", exc)
try:
    s["1"]
except TypeError as exc:
    print("TypeError:", exc)
print(s[-16], s[15], s[True], t[False])

# Slicing with objects that implement __index__
class Idx:
    def __init__(self, v):
        self.v = v

    def __index__(self):
        return self.v

print(s[Idx(3):Idx(9):Idx(2)], t[Idx(-1)], "abc" * Idx(2), r[Idx(1)])

# Custom __getitem__ receiving slice objects
class Recorder:
    def __getitem__(self, key):
        return key

rec = Recorder()
print(rec[1], rec[1:2], rec[::], rec[:, 1], rec[1:2, ::3, ...], rec["k"], rec[-1:])

# Palindromic substrings via slicing in a nested loop
text = "abacdfgdcabaxyzzyxracecarlevel"
found = set()
for i in range(len(text)):
    for j in range(i + 3, len(text) + 1):
        sub = text[i:j]
        if sub == sub[::-1]:
            found.add(sub)
print(sorted(found, key=lambda w: (-len(w), w)))

# Rotations
word = "rotation"
print([word[k:] + word[:k] for k in range(len(word))])
print(min(word[k:] + word[:k] for k in range(len(word))))
print("".join(s[k::4] for k in range(4)), s[1::2] + s[::2])
