# conformance: repl
# Interactive mode (python3 -i): expression echo via displayhook, tracebacks that do not stop the session, generators/exceptions/async at top level.
def gen(n):
    for i in range(n):
        yield i * i
    return "done"

g = gen(3)
next(g)
next(g)
list(g)
_
None
x = [k for k in gen(5) if k % 2 == 0]
x
{k: v for k, v in zip("abc", gen(3))}
1 / 0
print("session continues after an error")
try:
    raise KeyError("inside try")
except KeyError as e:
    e

def fails():
    raise ValueError("from a function defined interactively")

fails()
import sys
sys.displayhook.__name__
sys.last_type.__name__ if hasattr(sys, "last_type") else "no last_type"
str(sys.last_value)
class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y
    def __repr__(self):
        return f"Point({self.x}, {self.y})"

Point(1, 2)
[Point(i, -i) for i in range(3)]
for i in range(3):
    i * 10

def ctx_demo():
    import contextlib
    with contextlib.suppress(ZeroDivisionError):
        1 / 0
    return "suppressed"

ctx_demo()
import asyncio
async def agen():
    for i in range(3):
        await asyncio.sleep(0)
        yield i

async def collect():
    return [v async for v in agen()]

asyncio.run(collect())
try:
    raise ExceptionGroup("eg", [TypeError("t"), ValueError("v")])
except* TypeError as eg:
    eg.exceptions

raise ExceptionGroup("uncaught in repl", [OSError("o")])
undefined_name_in_repl
"last expression"
