# Exercises f-strings: conversions !r !s !a, format specs, nested replacement fields, = specifier, expressions, in hot loops.
import math

name = "Wörld"
n = 42
x = 3.14159265
items = [1, 2, 3]
d = {"k": "v", "n": 5}

print(f"hello {name}!", f"{name!r}", f"{name!s}", f"{name!a}", f"{n!r:>6}", f"{name!a:^16}|")
print(f"{n:08b} {n:#x} {n:o} {n:+d} {n:,} {n * 1000000:_} {-n:=6}")
print(f"{x:.2f} {x:10.4f}| {x:<10.1e}| {x:%} {x:g} {x * 1e10:g} {x:.0f} {-x:+.3f}")
print(f"{items} {items[1]} {items[-1] * 2} {d['k']} {d['n'] + 1} {len(items)=}")
print(f"{n=} {x=:.3f} {name=!s} {name = } {n * 2 = :>5} {items[0]=!r}")
print(f"{'nested ' + f'{n:>4}' + ' inner'}", f"""{f'{f"{n}":>5}'}""", f"{'a' + f'{x:.{n // 20}f}'}")
width, prec = 12, 3
print(f"[{x:{width}.{prec}f}] [{x:<{width}}] [{name:{'^'}{width}}] [{n:{'0'}{width // 2}d}]")
print(f"{'plain'}", f'{"double"}', f"""{'triple'}""", f"{{braces}} {{{n}}}")
print(f"{n if n > 40 else -n} {(lambda v: v * 2)(n)} {[i * i for i in range(4)]} {sum(i for i in range(10))}")
print(f"{math.pi:.{n // 10}f} {math.e!r} {math.inf} {-math.inf:>8} {math.nan}")
print(f"{'abc'[::-1]} {'x' * 3} {name.upper()} {name.encode('utf-8')!r} {name.encode()!s}")
print(f"{3 + 4j} {(3 + 4j).real:.1f} {True} {None!r} {...} {b'bytes'} {1_000:,} {0.1 + 0.2!r}")

class Point:
    def __init__(self, x, y):
        self.x, self.y = x, y

    def __repr__(self):
        return f"Point({self.x!r}, {self.y!r})"

    def __str__(self):
        return f"({self.x}, {self.y})"

    def __format__(self, spec):
        if spec.endswith("p"):
            digits = spec[:-1] or "1"
            return f"<{self.x:.{digits}f}; {self.y:.{digits}f}>"
        return format(str(self), spec)

p = Point(1.25, -3.5)
print(f"{p} {p!r} {p!s} {p:3p} {p:p} {p:>20} {p=} {p=:2p}")

# f-strings inside a hot loop with changing value types
kinds = []
v = 0
for i in range(3000):
    if i == 1000:
        v = 0.5
    elif i == 2000:
        v = 2 ** 80
    elif i == 2500:
        v = "s"
    if isinstance(v, str):
        v = v + "x" if len(v) < 5 else "s"
    else:
        v = v + 1
    text = f"{i:05d}:{v!r:>30}"
    if i % 250 == 0 or i in (999, 1000, 1999, 2000, 2499, 2500):
        kinds.append(text)
for k in kinds:
    print(k)

# Table via f-strings
rows = [("alpha", 1, 0.5), ("beta", 22, 12.25), ("gamma", 333, -7.125)]
w = max(len(r[0]) for r in rows)
for label, count, val in rows:
    print(f"|{label:<{w}}|{count:>5}|{val:>+9.3f}|{val:^9.1%}|{count:#06x}|")

# Multi-line f-string and string concatenation of f-strings
summary = (
    f"count={len(rows)} "
    f"total={sum(r[1] for r in rows)} "
    "plain-part "
    f"mean={sum(r[2] for r in rows) / len(rows):.4f}"
)
print(summary)
try:
    f"{n:q}"
except ValueError as exc:
    print("ValueError:", exc)
try:
    f"{name:d}"
except ValueError as exc:
    print("ValueError:", exc)
print(f"{'%s' % 'pct'} {'{}'.format('fmt')} {f'{n:{chr(120)}}'}")
