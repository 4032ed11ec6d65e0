# Exercises slice assignment and deletion (STORE_SUBSCR/DELETE_SUBSCR with slices, BUILD_SLICE), extended-slice rules, del on dict keys.

base = list(range(10))

def show(label, lst):
    print(label.ljust(28), lst)

a = base[:]
a[2:5] = ["a", "b", "c"]
show("same length", a)
a = base[:]
a[2:5] = []
show("shrink to empty", a)
a = base[:]
a[2:2] = ["ins1", "ins2"]
show("insert", a)
a = base[:]
a[:0] = "xy"
show("prepend from str", a)
a = base[:]
a[len(a):] = range(3)
show("append via slice", a)
a = base[:]
a[::2] = ["E"] * 5
show("extended step 2", a)
a = base[:]
a[::-3] = "WXYZ"
show("extended step -3", a)
a = base[:]
a[1:9:3] = (100, 200, 300)
show("extended 1:9:3", a)
try:
    a[::2] = [1, 2]
except ValueError as exc:
    print("ValueError:", exc)
a = base[:]
a[-3:] = [7]
show("negative start", a)
a = base[:]
a[8:2] = ["odd"]
show("empty range insert", a)
a = base[:]
a[:] = a[::-1]
show("reverse via full slice", a)
a = base[:]
a[2:4] = a
show("self assign", a)

a = base[:]
del a[::3]
show("del ::3", a)
a = base[:]
del a[2:-2]
show("del 2:-2", a)
a = base[:]
del a[-1], a[0]
show("del two indices", a)
a = base[:]
del a[::-2]
show("del ::-2", a)
a = base[:]
del a[5:100]
show("del beyond end", a)
a = base[:]
del a[:]
show("del all", a)

# Slices with variable bounds built in a loop (BUILD_SLICE with 3 args)
data = list(range(40))
for start in range(0, 6):
    for step in (1, 2, 5, -1, -4):
        stop = start + 20 if step > 0 else None
        chunk = data[start:stop:step]
        data[start:stop:step] = [v + 1000 if isinstance(v, int) and v < 1000 else v for v in chunk]
print(data)

# bytearray and dict deletions
ba = bytearray(b"0123456789")
ba[1:9:2] = b"abcd"
del ba[::4]
ba[0:0] = b"<<"
print(ba)
d = {i: i * i for i in range(10)}
for k in list(d):
    if k % 3 == 0:
        del d[k]
print(d)
try:
    del d[99]
except KeyError as exc:
    print("KeyError:", exc)

# Custom class receiving slice objects in set/del
class Log:
    def __init__(self):
        self.events = []

    def __setitem__(self, key, value):
        self.events.append(("set", key, value))

    def __delitem__(self, key):
        self.events.append(("del", key))

    def __getitem__(self, key):
        self.events.append(("get", key))
        return 0

L = Log()
lo, hi, st = 1, 8, 2
L[lo:hi] = "v1"
L[lo:hi:st] = "v2"
L[::] = "v3"
L[lo:, :hi] = "v4"
del L[hi:lo:-st]
del L[:]
L[3] += 5
L[lo:hi] += 1
for e in L.events:
    print(e)

# Sieve that uses slice assignment in a hot loop
N = 20000
sieve = bytearray([1]) * (N + 1)
sieve[0:2] = b"\x00\x00"
i = 2
while i * i <= N:
    if sieve[i]:
        sieve[i * i::i] = bytes(len(range(i * i, N + 1, i)))
    i += 1
primes = [k for k in range(N + 1) if sieve[k]]
print(len(primes), primes[:10], primes[-5:])

# Rotating a list in place with slice assignment, repeatedly
ring = list(range(12))
for r in range(1000):
    k = r % 5
    ring[:] = ring[k:] + ring[:k]
print(ring)
m = [[r * 4 + c for c in range(4)] for r in range(4)]
for row in m:
    row[1:3] = row[2:0:-1]
del m[1::2]
print(m)
