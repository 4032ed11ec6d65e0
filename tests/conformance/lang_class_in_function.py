# Exercises class bodies inside functions reading free variables (LOAD_CLASSDEREF), class-level names shadowing, and classes created in loops.


def make_class(tag, base_value):
    multiplier = base_value * 2

    class Made:
        label = tag                  # LOAD_CLASSDEREF for tag
        doubled = multiplier         # LOAD_CLASSDEREF for multiplier
        items = [tag] * 2

        def describe(self):
            return "%s:%d:%d" % (self.label, self.doubled, multiplier)

    return Made


classes = [make_class("c%d" % i, i) for i in range(5)]
print([c.label for c in classes], [c.doubled for c in classes], [c().describe() for c in classes])
print(classes[3].__name__, classes[3].__qualname__, classes[3].items)


value = "global value"


def shadowing():
    value = "from function"

    class C:
        # `value` is assigned in this class body, so reads use LOAD_NAME (class dict, then globals), not the cell
        first = value
        value = "class level"
        second = value

        def method(self):
            return value  # skips class scope: sees the function's cell

    return C


C = shadowing()
print(C.first, C.second, C().method(), C.value)


def counter_classes():
    count = 0
    made = []
    for i in range(4):
        count += 10

        class K:
            snapshot = count
            idx = i

            def live(self):
                return count

        made.append(K)
    count = -1
    return [(k.snapshot, k.idx, k().live()) for k in made]


print(counter_classes())


def nested_class_chain(n):
    depth = n

    class Outer:
        d = depth

        class Inner:
            dd = depth * 10

            def get(self):
                return depth * 100

    return Outer.d, Outer.Inner.dd, Outer.Inner().get()


print([nested_class_chain(i) for i in range(3)])


# Class body reading a free variable that is rebound later via nonlocal
def rebinder():
    state = "initial"

    def change(v):
        nonlocal state
        state = v

    class Before:
        s = state

    change("changed")

    class After:
        s = state

    return Before.s, After.s


print(rebinder())


# Hot loop that builds records from a locally-defined class
def make_records(n, unit):
    scale = 3

    class Rec:
        __slots__ = ("v",)
        UNIT = unit
        SCALE = scale

        def __init__(self, v):
            self.v = v

        def total(self):
            return self.v * self.SCALE

    total = 0
    for i in range(n):
        total += Rec(i).total()
    return total, Rec.UNIT


print(make_records(5000, "kg"))


# A class body that deletes a name it defined, then falls back to the global


def with_global_fallback():
    value_local = "enclosing"

    class G:
        value = "temp"
        del value
        seen = value          # global lookup after deletion (LOAD_NAME falls through)
        enclosing = value_local

    return G.seen, G.enclosing


print(with_global_fallback())
