# conformance: repl
# Exercises interactive mode with hot loops defined at the prompt, closures, a class patched between statements, sys.displayhook replacement and an explicit exit code at the end.
import sys
def fib(n):
    a, b = 0, 1
    for _ in range(n):
        a, b = b, a + b
    return a

fib(10)
fib(300) % 10 ** 12
[fib(i) for i in range(15)]
counts = {}
for i in range(20000):
    counts[i % 7] = counts.get(i % 7, 0) + i

counts
def make_adder(k):
    def add(v):
        return v + k
    return add

add5 = make_adder(5)
add5(10), make_adder(-1)(1)
class Shape:
    def area(self):
        return 1

sh = Shape()
sum(sh.area() for _ in range(3000))
Shape.area = lambda self: 2
sum(sh.area() for _ in range(3000))
def show(value):
    if value is not None:
        sys.stdout.write("<<%r>>\n" % (value,))

sys.displayhook = show
1 + 1
"custom display"
None
sys.displayhook = sys.__displayhook__
[x * x for x in range(5)]
match fib(7):
    case 13:
        "thirteen"
    case _:
        "other"

while fib(3) is None:
    pass

[1, 2] + [3]
raise ValueError("error at the prompt")
"continues after ValueError"
sys.exit(4)
"never reached"
