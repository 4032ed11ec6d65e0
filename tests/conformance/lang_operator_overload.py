# Exercises operator overloading: all binary arithmetic dunders, reflected (__radd__ etc.), in-place (__iadd__ etc.), unary ops, comparisons, NotImplemented fallbacks, on a Vector and a Poly class.
import operator


class Vec:
    __slots__ = ("x", "y")

    def __init__(self, x, y):
        self.x = x
        self.y = y

    def __repr__(self):
        return "Vec(%r, %r)" % (self.x, self.y)

    def _coerce(self, other):
        if isinstance(other, Vec):
            return other.x, other.y
        if isinstance(other, (int, float)):
            return other, other
        return None

    def _binop(self, other, fn):
        c = self._coerce(other)
        if c is None:
            return NotImplemented
        return Vec(fn(self.x, c[0]), fn(self.y, c[1]))

    def _rbinop(self, other, fn):
        c = self._coerce(other)
        if c is None:
            return NotImplemented
        return Vec(fn(c[0], self.x), fn(c[1], self.y))

    def __add__(self, o): return self._binop(o, operator.add)
    def __sub__(self, o): return self._binop(o, operator.sub)
    def __mul__(self, o): return self._binop(o, operator.mul)
    def __truediv__(self, o): return self._binop(o, operator.truediv)
    def __floordiv__(self, o): return self._binop(o, operator.floordiv)
    def __mod__(self, o): return self._binop(o, operator.mod)
    def __pow__(self, o, mod=None):
        if mod is not None:
            return Vec(pow(self.x, o, mod), pow(self.y, o, mod))
        return self._binop(o, operator.pow)
    def __lshift__(self, o): return self._binop(o, operator.lshift)
    def __rshift__(self, o): return self._binop(o, operator.rshift)
    def __and__(self, o): return self._binop(o, operator.and_)
    def __or__(self, o): return self._binop(o, operator.or_)
    def __xor__(self, o): return self._binop(o, operator.xor)
    def __matmul__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return self.x * o.x + self.y * o.y
    def __divmod__(self, o): return (self // o, self % o)

    def __radd__(self, o): return self._rbinop(o, operator.add)
    def __rsub__(self, o): return self._rbinop(o, operator.sub)
    def __rmul__(self, o): return self._rbinop(o, operator.mul)
    def __rtruediv__(self, o): return self._rbinop(o, operator.truediv)
    def __rfloordiv__(self, o): return self._rbinop(o, operator.floordiv)
    def __rmod__(self, o): return self._rbinop(o, operator.mod)
    def __rpow__(self, o): return self._rbinop(o, operator.pow)
    def __rlshift__(self, o): return self._rbinop(o, operator.lshift)
    def __rrshift__(self, o): return self._rbinop(o, operator.rshift)
    def __rand__(self, o): return self._rbinop(o, operator.and_)
    def __ror__(self, o): return self._rbinop(o, operator.or_)
    def __rxor__(self, o): return self._rbinop(o, operator.xor)
    def __rdivmod__(self, o): return (o // self, o % self)

    def __neg__(self): return Vec(-self.x, -self.y)
    def __pos__(self): return Vec(+self.x, +self.y)
    def __abs__(self): return (self.x ** 2 + self.y ** 2) ** 0.5
    def __invert__(self): return Vec(~self.x, ~self.y)
    def __round__(self, n=None): return Vec(round(self.x, n), round(self.y, n))

    def __eq__(self, o):
        return isinstance(o, Vec) and (self.x, self.y) == (o.x, o.y)

    def __lt__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return abs(self) < abs(o)

    def __le__(self, o):
        if not isinstance(o, Vec):
            return NotImplemented
        return abs(self) <= abs(o)

    __hash__ = None


a = Vec(6, 9)
b = Vec(2, 4)
print(a + b, a - b, a * b, a / b, a // b, a % b, a ** 2, pow(a, 2, 5), a << 1, a >> 1, a & b, a | b, a ^ b, a @ b, divmod(a, b))
print(10 + a, 10 - a, 2 * a, 36 / a, 100 // a, 100 % a, 2 ** b, 1 << b, 256 >> b, 15 & a, 16 | b, 3 ^ a, divmod(50, a))
print(-a, +a, abs(Vec(3, 4)), ~b, round(Vec(1.26, 2.71), 1), a == Vec(6, 9), a != b, a < b, a > b, a <= a, a >= b)
try:
    a + "s"
except TypeError as exc:
    print("TypeError:", exc)
try:
    "s" @ a
except TypeError as exc:
    print("TypeError:", exc)
try:
    hash(a)
except TypeError as exc:
    print("TypeError:", exc)

# In-place: falls back to binary op creating new objects when __iadd__ is missing
v = Vec(1, 1)
orig = v
v += 1
v *= Vec(2, 3)
v -= 1
v **= 2
v //= 2
v %= 7
v <<= 1
v >>= 1
v |= 8
v &= 15
v ^= 1
print("before dot", v)
v @= v  # dot product: v becomes a plain int from here on
v /= 4
v -= 0.5
print(v, v is orig, orig)


class Acc:
    def __init__(self):
        self.items = []

    def __iadd__(self, other):
        self.items.append(other)
        return self

    def __isub__(self, other):
        if other in self.items:
            self.items.remove(other)
        return self

    def __imul__(self, n):
        self.items = self.items * n
        return self

    def __imatmul__(self, other):
        self.items = [(i, other) for i in self.items]
        return self

    def __itruediv__(self, other):
        return "replaced by __itruediv__"


acc = Acc()
same = acc
for i in range(1000):
    acc += i % 5
    if i % 100 == 0:
        acc -= 0
print(len(acc.items), acc is same, acc.items[:8])
acc *= 2
acc @= "t"
print(len(acc.items), acc.items[:2])
acc /= 3
print(acc)

# Vector math in a hot loop: sum via __radd__ (sum starts from int 0)
vecs = [Vec(i % 17, i % 13) for i in range(3000)]
total = sum(vecs)
scaled = sum((v * 0.5 for v in vecs), Vec(0, 0))
print(total, scaled, max(vecs[:50]), min(vecs[:50]), sorted(vecs[:6]))


class Poly:
    def __init__(self, coeffs):
        c = list(coeffs)
        while len(c) > 1 and c[-1] == 0:
            c.pop()
        self.c = c

    def __add__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        n = max(len(self.c), len(o.c))
        return Poly([(self.c[i] if i < len(self.c) else 0) + (o.c[i] if i < len(o.c) else 0) for i in range(n)])

    __radd__ = __add__

    def __mul__(self, o):
        o = o if isinstance(o, Poly) else Poly([o])
        out = [0] * (len(self.c) + len(o.c) - 1)
        for i, x in enumerate(self.c):
            for j, y in enumerate(o.c):
                out[i + j] += x * y
        return Poly(out)

    __rmul__ = __mul__

    def __pow__(self, n):
        r = Poly([1])
        for _ in range(n):
            r = r * self
        return r

    def __call__(self, x):
        acc = 0
        for coef in reversed(self.c):
            acc = acc * x + coef
        return acc

    def __eq__(self, o):
        return isinstance(o, Poly) and self.c == o.c

    def __repr__(self):
        return "Poly(%s)" % self.c


x = Poly([0, 1])
p = (x + 1) ** 10
print(p, p(1), p(-1), p(2), (x * x + 3 * x + 2) == (x + 1) * (x + 2), 2 + x, x * 3)
print(operator.add(a, 1), operator.iadd(Vec(1, 1), 1), operator.neg(b), operator.matmul(a, b), operator.truth(a))
