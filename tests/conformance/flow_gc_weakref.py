# weakref: ref callbacks on refcount drop, WeakValueDictionary/WeakKeyDictionary/WeakSet, finalize (atexit flag, detach), WeakMethod, proxies, callback errors.
import gc
import weakref


class Node:
    def __init__(self, name):
        self.name = name

    def __repr__(self):
        return f"Node({self.name})"

    def method(self):
        return f"method of {self.name}"


class Reporter:
    """Callable with a stable repr, used as a weakref callback that fails."""

    def __call__(self, ref):
        raise ZeroDivisionError("callback failure is reported, not raised")

    def __repr__(self):
        return "Reporter()"


def ref_callbacks():
    print("-- ref callbacks fire when the last strong reference goes")
    log = []
    n = Node("a")
    r = weakref.ref(n, lambda ref: log.append(f"callback; ref() is {ref()}"))
    print("  alive:", r() is n, "| getweakrefcount:", weakref.getweakrefcount(n))
    alias = n
    del n
    print("  after del n (alias remains):", log)
    del alias
    print("  after del alias:", log, "| r():", r())

    print("-- multiple refs: callbacks in reverse registration order")
    log = []
    n = Node("b")
    refs = [weakref.ref(n, lambda ref, i=i: log.append(i)) for i in range(4)]
    plain = weakref.ref(n)
    print("  plain ref is shared:", plain is weakref.ref(n))
    del n
    print("  order:", log, "| all dead:", all(r() is None for r in refs))

    print("-- callback failure goes to stderr via unraisable hook")
    n = Node("c")
    keep = weakref.ref(n, Reporter())
    del n
    print("  program continues; ref dead:", keep() is None)


def containers():
    print("-- WeakValueDictionary")
    cache = weakref.WeakValueDictionary()
    nodes = [Node(i) for i in range(5)]
    for nd in nodes:
        cache[nd.name] = nd
    print("  size:", len(cache))
    del nodes[1:3]
    print("  after dropping two:", sorted(cache.keys()))
    nodes.clear()
    print("  after clearing list (loop variable still holds one):", sorted(cache.keys()))
    del nd
    print("  after del of loop variable:", len(cache))
    try:
        cache["missing"]
    except KeyError as e:
        print("  KeyError:", e)

    print("-- WeakKeyDictionary")
    meta = weakref.WeakKeyDictionary()
    k1, k2 = Node("k1"), Node("k2")
    meta[k1] = "first"
    meta[k2] = "second"
    print("  items:", sorted((k.name, v) for k, v in meta.items()))
    del k1
    print("  after del k1:", [k.name for k in meta.keys()])

    print("-- WeakSet")
    ws = weakref.WeakSet()
    a, b = Node("x"), Node("y")
    ws.add(a)
    ws.add(b)
    ws.add(a)
    print("  len:", len(ws), "| contains a:", a in ws)
    del a
    print("  after del:", sorted(n.name for n in ws))

    print("-- non-weakrefable objects")
    for obj in (1, "s", [], (), {}):
        try:
            weakref.ref(obj)
        except TypeError as e:
            print(f"  {type(obj).__name__}: {e}")

    class Slotted:
        __slots__ = ("v",)

    class SlottedWeak:
        __slots__ = ("v", "__weakref__")

    for cls in (Slotted, SlottedWeak):
        try:
            weakref.ref(cls())
            print(f"  {cls.__name__}: weakrefable")
        except TypeError as e:
            print(f"  {cls.__name__}: {e}")


def finalizers():
    print("-- weakref.finalize")
    log = []
    n = Node("f1")
    f = weakref.finalize(n, log.append, "finalized f1")
    print("  alive:", f.alive, "| atexit:", f.atexit)
    del n
    print("  after del:", log, "| alive:", f.alive)

    n = Node("f2")
    f = weakref.finalize(n, log.append, "should not run")
    info = f.detach()
    print("  detach returned obj is n:", info[0] is n, "| args:", info[2], "| second detach:", f.detach())
    del n
    print("  after detach + del:", log)

    n = Node("f3")
    f = weakref.finalize(n, lambda *a, **k: log.append((a, k)), 1, 2, key="v")
    print("  call explicitly ->", f(), "| alive:", f.alive, "| second call:", f())
    print("  log:", log)
    del n

    n = Node("f4")
    f = weakref.finalize(n, print, "  [atexit] finalizer for f4 runs at interpreter exit")
    f.atexit = True
    global KEEP_ALIVE
    KEEP_ALIVE = n


def methods_and_proxies():
    print("-- WeakMethod")
    n = Node("m")
    wm = weakref.WeakMethod(n.method)
    print("  call:", wm()())
    plain = weakref.ref(n.method)
    print("  plain ref to bound method is dead immediately:", plain() is None)
    del n
    print("  WeakMethod after owner dies:", wm())

    print("-- proxy")
    n = Node("p")
    p = weakref.proxy(n)
    print("  proxy attr:", p.name, "| method:", p.method())
    del n
    try:
        p.name
    except ReferenceError as e:
        print("  ReferenceError:", e)


def cycles():
    print("-- cycles need the collector; callbacks fire during collection")
    gc.collect()
    log = []
    a, b = Node("cyc-a"), Node("cyc-b")
    a.other, b.other = b, a
    ra = weakref.ref(a, lambda r: log.append("a collected"))
    del a, b
    print("  before collect:", log, "| still alive:", ra() is not None)
    gc.collect()
    print("  after collect:", log, "| ra():", ra())


ref_callbacks()
containers()
finalizers()
methods_and_proxies()
cycles()
print("end of main module code")
