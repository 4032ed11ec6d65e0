# conformance: repl
# Exercises interactive mode: expression echo via PRINT_EXPR/sys.displayhook, `_`, None not echoed, compound statements, errors that do not stop the session.
1 + 2
_ * 10
"a string"
'quote\'s'
None
[1, 2, 3][::-1]
{"k": (1, 2.5, None)}
x = 42
x
x == 42 and "yes" or "no"
-0.0, 1e300 * 10, 2 ** 100
def square(n):
    return n * n

square(12)
[square(i) for i in range(8)]
total = 0
for i in range(5000):
    total += square(i) % 7

total
if total > 100:
    "big"
else:
    "small"

1 / 0
"still running after ZeroDivisionError"
undefined_name
_
import math
math.pi
math.sqrt(2), math.floor(-2.5)
print("print output goes to stdout, returns None")
s = {3, 1, 2}
sorted(s)
b"bytes", bytearray(b"ba"), 3 + 4j, True
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return "Point(%d, %d)" % (self.x, self.y)

Point(1, 2)
[Point(i, -i) for i in range(3)]
p = Point(5, 6)
p.x + p.y
del p
p
"done"
