# Deep recursion (100000 frames) through calls with keyword arguments, and argument-binding errors.
import sys
sys.setrecursionlimit(200000)
def down(n, *, step=1, acc=0):
    if n == 0:
        return acc
    return down(n - step, step=step, acc=acc + n)
print(down(100000))
def kw(a, b=2, *args, c, d=4, **kw):
    return (a, b, args, c, d, sorted(kw.items()))
print(kw(1, c=3), kw(1, 2, 3, 4, c=5, d=6, e=7), kw(a=9, c=1, z=0))
for bad in ["kw()", "kw(1)", "kw(1, 2, c=3, a=4)", "kw(1, c=1, **{'b': 2})", "down()", "down(1, 2)"]:
    try:
        eval(bad)
    except TypeError as e:
        print(bad, "->", e)
def pos(a, b, /, c):
    return a, b, c
print(pos(1, 2, c=3))
try:
    pos(1, b=2, c=3)
except TypeError as e:
    print(e)
