# Exercises enum: Enum, IntEnum, Flag/IntFlag with auto, StrEnum, unique, aliases, iteration, lookup by value/name, members in match and dict keys.
import enum
from enum import Enum, IntEnum, Flag, IntFlag, auto, unique


class Color(Enum):
    RED = 1
    GREEN = 2
    BLUE = 3
    CRIMSON = 1  # alias of RED

    def describe(self):
        return "%s(%d)" % (self.name.lower(), self.value)

    @classmethod
    def default(cls):
        return cls.GREEN


print(Color.RED, repr(Color.GREEN), Color(2), Color["BLUE"], Color.CRIMSON is Color.RED, Color.CRIMSON.name)
print(list(Color), len(Color), [m.describe() for m in Color], Color.default(), list(Color.__members__))
print(Color.RED == 1, Color.RED == Color.RED, Color.RED in Color, isinstance(Color.RED, Color), type(Color.RED).__name__)
try:
    Color(7)
except ValueError as exc:
    print("ValueError:", exc)
try:
    Color["PURPLE"]
except KeyError as exc:
    print("KeyError:", exc)
try:
    Color.RED = 5
except AttributeError as exc:
    print("AttributeError:", exc)


class Priority(IntEnum):
    LOW = 1
    MEDIUM = 5
    HIGH = 10


print(Priority.HIGH > Priority.LOW, Priority.MEDIUM + 1, sorted([Priority.HIGH, 3, Priority.LOW]), int(Priority.MEDIUM), Priority(10).name, Priority.LOW == 1)
print(format(Priority.HIGH), f"{Priority.LOW}", str(Priority.MEDIUM), repr(Priority.MEDIUM), ["x", "y", "z", "w", "v", "u"][Priority.MEDIUM])


class Perm(Flag):
    R = auto()
    W = auto()
    X = auto()
    RW = R | W
    ALL = R | W | X


rw = Perm.R | Perm.W
print(rw, Perm.R.value, Perm.W.value, Perm.X.value, rw is Perm.RW, Perm.R in rw, Perm.X in rw, bool(Perm(0)), list(Perm.ALL) if hasattr(Perm.ALL, "__iter__") else "")
print(Perm.ALL & ~Perm.W, Perm.ALL ^ Perm.R, repr(Perm(0)), Perm(5))


class Net(IntFlag):
    READ = 4
    WRITE = 2
    EXEC = 1


print(Net.READ | Net.WRITE, Net(7), Net.READ | 8, int(Net.READ | Net.EXEC), Net.READ & 6, Net(0))


class Planet(Enum):
    MERCURY = (3.303e23, 2.4397e6)
    EARTH = (5.976e24, 6.37814e6)

    def __init__(self, mass, radius):
        self.mass = mass
        self.radius = radius

    @property
    def gravity(self):
        return 6.673e-11 * self.mass / (self.radius * self.radius)


print([(p.name, round(p.gravity, 3)) for p in Planet], Planet((5.976e24, 6.37814e6)))


class Auto(Enum):
    A = auto()
    B = auto()
    C = 10
    D = auto()


class Named(Enum):
    def _generate_next_value_(name, start, count, last_values):  # noqa: N805
        return name.lower()

    ALPHA = auto()
    BETA = auto()


print([m.value for m in Auto], [m.value for m in Named])

try:
    @unique
    class Dup(Enum):
        A = 1
        B = 1
except ValueError as exc:
    print("ValueError:", exc)

if hasattr(enum, "StrEnum"):
    class Mode(enum.StrEnum):
        FAST = auto()
        SLOW = auto()

    print(Mode.FAST, Mode.FAST == "fast", Mode("slow"), "mode=" + Mode.SLOW, Mode.FAST.upper())

# Enum members as dict keys and in a hot state machine loop
class State(Enum):
    IDLE = "idle"
    RUN = "run"
    WAIT = "wait"
    DONE = "done"


transitions = {
    State.IDLE: lambda i: State.RUN,
    State.RUN: lambda i: State.WAIT if i % 7 == 0 else State.RUN,
    State.WAIT: lambda i: State.RUN if i % 3 else State.IDLE,
    State.DONE: lambda i: State.DONE,
}
s = State.IDLE
visits = {st: 0 for st in State}
for i in range(5000):
    s = transitions[s](i)
    visits[s] += 1
    if i == 4990:
        s = State.DONE
print(s, {k.name: v for k, v in visits.items()})


def classify(st):
    match st:
        case State.IDLE | State.DONE:
            return "stopped"
        case State.RUN:
            return "running"
        case _:
            return "other"


print([classify(st) for st in State], State("wait"), State.RUN.value)
Animal = Enum("Animal", "ANT BEE CAT")
print(list(Animal), Animal.BEE.value, Animal(3))
print(sorted(Priority), max(Priority), sum(Priority), Color.RED.__class__.__mro__[-2].__name__)
