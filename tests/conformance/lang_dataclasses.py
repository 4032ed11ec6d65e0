# Exercises dataclasses: defaults, field(default_factory), order=True sorting, frozen instances, __post_init__, InitVar, asdict/astuple/replace, inheritance, slots=True, kw_only.
from dataclasses import dataclass, field, asdict, astuple, replace, fields, FrozenInstanceError, InitVar, KW_ONLY
import dataclasses


@dataclass
class Item:
    name: str
    price: float = 0.0
    tags: list = field(default_factory=list)
    qty: int = field(default=1, repr=False, compare=False)

    def total(self):
        return self.price * self.qty


a = Item("apple", 0.5)
b = Item("apple", 0.5, qty=10)
c = Item("pear", 1.25, ["fruit"])
a.tags.append("red")
print(a, b, c, a == b, a.tags is b.tags, b.total(), [f.name for f in fields(Item)])
print(asdict(c), astuple(c), replace(c, name="quince"), Item.__dataclass_params__.order if hasattr(Item, "__dataclass_params__") else "")
try:
    a < b
except TypeError as exc:
    print("TypeError:", exc)


@dataclass(order=True)
class Version:
    major: int
    minor: int = 0
    patch: int = 0
    label: str = field(default="", compare=False)

    @classmethod
    def parse(cls, s):
        parts, _, label = s.partition("-")
        nums = [int(x) for x in parts.split(".")]
        return cls(*nums, label=label)


vs = [Version.parse(s) for s in ("1.2.3", "1.10", "0.9.9-beta", "1.2", "2", "1.2.3-rc1")]
print(sorted(vs))
print(max(vs), min(vs), Version(1, 2, 3) == Version(1, 2, 3, "x"), Version(1) < Version(1, 0, 1) <= Version(1, 0, 1))


@dataclass(frozen=True)
class Point:
    x: float
    y: float

    def moved(self, dx, dy):
        return replace(self, x=self.x + dx, y=self.y + dy)


p = Point(1, 2)
try:
    p.x = 5
except FrozenInstanceError as exc:
    print("FrozenInstanceError:", exc)
try:
    del p.y
except FrozenInstanceError as exc:
    print("FrozenInstanceError:", exc)
print(p, p.moved(3, 4), hash(p) == hash(Point(1, 2)), {p: "point"}[Point(1.0, 2.0)])

# Hot loop: move a frozen point many times
q = Point(0, 0)
for i in range(3000):
    q = q.moved(1 if i % 2 else -0.5, (i % 3) - 1)
print(q)


@dataclass
class Account:
    owner: str
    opening: InitVar[float] = 0.0
    balance: float = field(init=False)
    history: list = field(default_factory=list, init=False, repr=False)

    def __post_init__(self, opening):
        if opening < 0:
            raise ValueError("negative opening")
        self.balance = opening
        self.history.append(("open", opening))


acct = Account("ann", 100)
print(acct, acct.history, [f.name for f in fields(acct)])
try:
    Account("bob", -1)
except ValueError as exc:
    print("ValueError:", exc)


@dataclass
class Base:
    id: int
    kind: str = "base"


@dataclass
class Derived(Base):
    extra: list = field(default_factory=lambda: [0])
    kind: str = "derived"


print(Derived(1), Derived(2, "custom", [9]), [f.name for f in fields(Derived)])

try:
    @dataclass
    class BadDefault:
        items: list = []
except ValueError as exc:
    print("ValueError:", exc)

try:
    @dataclass
    class BadOrder:
        a: int = 1
        b: int
except TypeError as exc:
    print("TypeError:", exc)


@dataclass(slots=True)
class Slotted:
    a: int
    b: int = 2


sl = Slotted(1)
try:
    sl.c = 3
except AttributeError as exc:
    print("AttributeError:", exc)
print(sl, Slotted.__slots__, hasattr(sl, "__dict__"))


@dataclass(kw_only=True)
class Opts:
    verbose: bool = False
    level: int = 1


@dataclass
class Mixed:
    pos: int
    _: KW_ONLY
    flag: bool = True


print(Opts(level=3), Mixed(5, flag=False))
try:
    Opts(True)
except TypeError as exc:
    print("TypeError:", exc)

# Dynamic dataclass creation and eq in a hot loop
Pair = dataclasses.make_dataclass("Pair", [("l", int), ("r", int, field(default=0))])
pairs = [Pair(i % 10, i % 7) for i in range(2000)]
uniq = []
for pr in pairs:
    if pr not in uniq:
        uniq.append(pr)
print(len(uniq), uniq[:3], Pair(1) == Pair(1, 0), dataclasses.is_dataclass(Pair), dataclasses.is_dataclass(pairs[0]))


@dataclass(eq=False)
class Identity:
    v: int


print(Identity(1) == Identity(1), Identity(1).__eq__(Identity(1)))
print(repr(Item("x")), str(Version(3, 1)))
