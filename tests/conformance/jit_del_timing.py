# Object lifetimes in hot loops: __del__ and weakref callbacks run exactly when the last reference goes away (a local rebound each iteration, a list slot overwritten, a temporary in an expression), interleaved with prints from the loop body.
import weakref

EVENTS = []


class Tracked:
    def __init__(self, tag):
        self.tag = tag

    def __del__(self):
        EVENTS.append(f"del {self.tag}")

    def __add__(self, other):
        return Tracked(f"{self.tag}+{other}")


def rebind_local(n):
    obj = None
    for i in range(n):
        obj = Tracked(i)
        EVENTS.append(f"made {i}")
    EVENTS.append("loop done")
    del obj
    EVENTS.append("after del")


def overwrite_slot(n):
    slots = [None, None]
    for i in range(n):
        slots[i % 2] = Tracked(f"s{i}")
        EVENTS.append(f"stored {i}")
    slots.clear()
    EVENTS.append("cleared")


def temporaries(n):
    base = Tracked("base")
    total = 0
    for i in range(n):
        total += len((base + i).tag)
        EVENTS.append(f"used {i}")
    EVENTS.append(f"total {total}")


def weakref_callbacks(n):
    refs = []
    for i in range(n):
        o = Tracked(f"w{i}")
        refs.append(weakref.ref(o, lambda r, i=i: EVENTS.append(f"callback {i}")))
        if i % 2:
            o = None
        EVENTS.append(f"alive {sum(1 for r in refs if r() is not None)}")
    return sum(1 for r in refs if r() is not None)


def del_with_print(n):
    x = None
    for i in range(n):
        print("  iteration", i)
        x = Tracked(f"p{i}")
        print("  flushed", EVENTS)
        EVENTS.clear()
    x = None
    print("  end", EVENTS)
    EVENTS.clear()


def report(label, result=None):
    print(f"== {label}: {result!r}")
    for e in EVENTS:
        print("   ", e)
    EVENTS.clear()


def main():
    rebind_local(5)
    report("rebind_local")
    overwrite_slot(6)
    report("overwrite_slot")
    temporaries(4)
    report("temporaries")
    r = weakref_callbacks(6)
    report("weakref_callbacks", r)
    print("== del_with_print")
    del_with_print(4)


main()
