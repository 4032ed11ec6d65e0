# Exercises abc: ABCMeta/ABC, abstractmethod/abstract properties, instantiation errors, register() virtual subclasses, __subclasshook__, collections.abc mixins.
from abc import ABC, ABCMeta, abstractmethod
import collections.abc as cabc


class Shape(ABC):
    @abstractmethod
    def area(self):
        ...

    @property
    @abstractmethod
    def name(self):
        ...

    def describe(self):
        return "%s with area %.2f" % (self.name, self.area())


try:
    Shape()
except TypeError as exc:
    print("TypeError:", exc)


class Circle(Shape):
    def __init__(self, r):
        self.r = r

    def area(self):
        return 3.14159 * self.r ** 2

    @property
    def name(self):
        return "circle"


class HalfDone(Shape):
    def area(self):
        return 0


try:
    HalfDone()
except TypeError as exc:
    print("TypeError:", exc)
print(Circle(2).describe(), sorted(Shape.__abstractmethods__), Circle.__abstractmethods__ == frozenset())


# Virtual subclass registration
class Drawable(metaclass=ABCMeta):
    @abstractmethod
    def draw(self):
        ...


class Sprite:
    def draw(self):
        return "sprite drawn"


Drawable.register(Sprite)
print(issubclass(Sprite, Drawable), isinstance(Sprite(), Drawable), Sprite.__mro__ == (Sprite, object))


@Drawable.register
class Text:
    pass


print(isinstance(Text(), Drawable), issubclass(int, Drawable))


# __subclasshook__ structural check
class Closeable(ABC):
    @classmethod
    def __subclasshook__(cls, C):
        if cls is Closeable:
            return any("close" in B.__dict__ for B in C.__mro__) or NotImplemented
        return NotImplemented


class FileLike:
    def close(self):
        pass


class NotFile:
    pass


print(issubclass(FileLike, Closeable), issubclass(NotFile, Closeable), isinstance(FileLike(), Closeable))


# collections.abc mixins: implement a few methods and get the rest
class Bag(cabc.MutableSet):
    def __init__(self, items=()):
        self._d = {}
        for it in items:
            self.add(it)

    def __contains__(self, x):
        return x in self._d

    def __iter__(self):
        return iter(sorted(self._d))

    def __len__(self):
        return len(self._d)

    def add(self, x):
        self._d[x] = True

    def discard(self, x):
        self._d.pop(x, None)

    def __repr__(self):
        return "Bag(%r)" % list(self)


b1 = Bag([3, 1, 2])
b2 = Bag([2, 3, 4])
print(b1 | b2, b1 & b2, b1 - b2, b1 ^ b2, b1 <= Bag([1, 2, 3, 9]), b1.isdisjoint([7]))
b1 |= [10]
b1 -= [1]
print(b1, b1.pop(), b1)


class Squares(cabc.Sequence):
    def __init__(self, n):
        self.n = n

    def __len__(self):
        return self.n

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(self.n))]
        if i < 0:
            i += self.n
        if not 0 <= i < self.n:
            raise IndexError(i)
        return i * i


sq = Squares(10)
print(list(sq), sq[-1], sq[2:8:2], 49 in sq, sq.index(36), sq.count(4), list(reversed(sq))[:3], isinstance(sq, cabc.Iterable))


class Registry(cabc.MutableMapping):
    def __init__(self):
        self._store = {}

    def __getitem__(self, k):
        return self._store[k.lower()]

    def __setitem__(self, k, v):
        self._store[k.lower()] = v

    def __delitem__(self, k):
        del self._store[k.lower()]

    def __iter__(self):
        return iter(self._store)

    def __len__(self):
        return len(self._store)


reg = Registry()
reg["Alpha"] = 1
reg.update(BETA=2, gamma=3)
print(dict(reg), reg.get("ALPHA"), reg.pop("Beta"), reg.setdefault("delta", 4), "GAMMA" in reg, list(reg.items()), reg == {"alpha": 1, "gamma": 3, "delta": 4})

# Abstract method dispatch in a hot loop over several concrete subclasses
class Op(ABC):
    @abstractmethod
    def apply(self, x):
        ...


class Inc(Op):
    def apply(self, x):
        return x + 1


class Dbl(Op):
    def apply(self, x):
        return x * 2


class Mod(Op):
    def apply(self, x):
        return x % 1000003


ops = [Inc(), Dbl(), Inc(), Mod()]
v = 1
for i in range(4000):
    v = ops[i % 4].apply(v)
print(v, [isinstance(o, Op) for o in ops], [type(o).__name__ for o in ops])
print(isinstance([], cabc.MutableSequence), isinstance((), cabc.MutableSequence), isinstance({}.keys(), cabc.Set), isinstance(iter([]), cabc.Iterator), isinstance(len, cabc.Callable), issubclass(str, cabc.Hashable))
