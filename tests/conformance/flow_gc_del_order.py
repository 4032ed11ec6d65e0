# __del__ ordering on refcount drops (scope exit, reassignment, containers), gc.collect() of cycles with __del__, resurrection, gc callbacks, errors in __del__.
import gc
import sys

LOG = []


class Tracked:
    def __init__(self, name, log=LOG):
        self.name = name
        self.log = log
        log.append(f"init {name}")

    def __del__(self):
        self.log.append(f"del {self.name}")


class Failing:
    def __init__(self, name):
        self.name = name

    def __del__(self):
        raise ValueError(f"__del__ of {self.name} failed")


class ExplodingFinalizer:
    """Used as a __del__ attribute: a callable with a stable repr (no descriptor __get__)."""

    def __init__(self, label):
        self.label = label

    def __call__(self):
        LOG.append(f"finalizer {self.label} raising")
        raise ValueError(f"finalizer {self.label} failed")

    def __repr__(self):
        return f"ExplodingFinalizer({self.label!r})"


class LoudFailure:
    __del__ = ExplodingFinalizer("loud")


class Phoenix:
    saved = []

    def __init__(self, name):
        self.name = name
        self.deaths = 0

    def __del__(self):
        self.deaths += 1
        LOG.append(f"phoenix {self.name} __del__ call {self.deaths}")
        if self.deaths == 1:
            Phoenix.saved.append(self)  # resurrect once


def flush(label):
    print(f"{label}: {LOG}")
    LOG.clear()


def scope_exit():
    a = Tracked("local-a")
    b = Tracked("local-b")
    LOG.append("function returning")


def main():
    gc.collect()
    gc.disable()  # make every collection explicit
    try:
        scope_exit()
        flush("scope exit (locals die in order)")

        x = Tracked("x1")
        x = Tracked("x2")
        flush("rebinding drops the old object after the new one is built")
        del x

        items = [Tracked(f"item{i}") for i in range(3)]
        LOG.clear()
        del items
        flush("list freed: elements die last to first")

        d = {"k": Tracked("dict-value")}
        d["k"] = None
        flush("dict value replaced")

        t = (Tracked("t0"), Tracked("t1"))
        LOG.clear()
        t = None
        flush("tuple freed")

        def make_chain(n):
            head = None
            for i in range(n):
                node = Tracked(f"chain{i}")
                node.next = head
                head = node
            return head

        head = make_chain(4)
        LOG.clear()
        head = None
        flush("linked chain freed from the head")

        print("-- cycles with __del__ are collected by gc.collect()")
        a = Tracked("cyc-a")
        b = Tracked("cyc-b")
        a.partner, b.partner = b, a
        LOG.clear()
        del a, b
        flush("after del (cycle keeps them alive)")
        found = gc.collect()
        print("collected objects > 0:", found > 0)
        print("both finalized:", sorted(LOG))
        LOG.clear()
        print("gc.garbage:", gc.garbage)

        print("-- self-referencing object")
        s = Tracked("self-ref")
        s.me = s
        LOG.clear()
        del s
        flush("before collect")
        gc.collect()
        flush("after collect")

        print("-- resurrection: __del__ runs once per object (PEP 442)")
        p = Phoenix("p")
        del p
        print("saved:", [ph.name for ph in Phoenix.saved], LOG)
        LOG.clear()
        Phoenix.saved.clear()
        flush("dropped again (no second __del__)")

        print("-- gc callbacks and stats")
        phases = []

        def cb(phase, info):
            phases.append((phase, info["generation"]))

        gc.callbacks.append(cb)
        gc.collect(0)
        gc.collect(2)
        gc.callbacks.remove(cb)
        print("callback phases:", phases)
        print("isenabled:", gc.isenabled(), "| thresholds are 3 ints:", len(gc.get_threshold()))
        holder = [1, 2]
        print("is_tracked list:", gc.is_tracked(holder), "| is_tracked int:", gc.is_tracked(5))
        print("get_referents:", gc.get_referents([holder])[0] is holder)

        print("-- exception in __del__ is reported through sys.unraisablehook")
        seen = []
        old = sys.unraisablehook
        sys.unraisablehook = lambda u: seen.append((u.exc_type.__name__, str(u.exc_value),
                                                   getattr(u.object, "__qualname__", None)))
        try:
            f = Failing("f1")
            del f
            print("program continues after failing __del__")
        finally:
            sys.unraisablehook = old
        print("unraisable:", seen)

        print("-- the same kind of failure with the default hook: 'Exception ignored in' on stderr")
        lf = LoudFailure()
        del lf
        flush("after failing finalizer")

        print("-- __del__ during exception unwinding")
        def raiser():
            local = Tracked("unwound-local")
            raise KeyError("unwinding")

        try:
            raiser()
        except KeyError as e:
            # the traceback keeps the frame (and the local) alive until the handler ends
            LOG.append(f"in handler: {e}")
        flush("after handler")
    finally:
        gc.enable()


main()
