# locals()/vars()/dir() in functions, closures and class bodies; inspect.signature/Parameter kinds/bind; zero-arg super() and __class__ cells in nested functions.
import inspect


def show_locals(a, b=2, *args, c, d=4, **kw):
    x = a + b
    snapshot = dict(locals())
    return sorted(snapshot.items(), key=lambda kv: kv[0])


def closure_locals():
    outer_var = "outer"
    unused_cell = "cell"

    def inner():
        inner_var = outer_var + "!"
        return sorted(locals())

    def uses_cell():
        return unused_cell

    result = inner()
    return result, sorted(k for k in locals() if not k.startswith("_")), uses_cell()


def locals_is_snapshot():
    a = 1
    snap = locals()
    a = 2
    stale = snap["a"]
    snap2 = locals()
    return stale, snap2["a"], snap is snap2


def del_and_locals():
    a = 1
    b = 2
    del a
    return sorted(locals())


class Recorder:
    cls_attr = 10
    seen_in_body = sorted(k for k in locals() if not k.startswith("__"))
    other = cls_attr * 2
    seen_after = sorted(k for k in locals() if not k.startswith("__"))
    module_name = __module__
    qual = __qualname__

    def method(self):
        return sorted(vars(self))


def demo_locals():
    print("-- locals() in functions")
    print(" ", show_locals(1, 3, 5, 6, c=7, e=8))
    print("  closure:", closure_locals())
    print("  snapshot semantics:", locals_is_snapshot())
    print("  after del:", del_and_locals())
    print("-- class body namespaces")
    print("  seen_in_body:", Recorder.seen_in_body)
    print("  seen_after:", Recorder.seen_after)
    print("  __module__/__qualname__:", Recorder.module_name, Recorder.qual)
    r = Recorder()
    r.x = 1
    r.y = 2
    print("  vars(instance):", vars(r), "| method view:", r.method())
    print("  vars(class) keys:", sorted(k for k in vars(Recorder) if not k.startswith("__")))
    try:
        vars(5)
    except TypeError as e:
        print("  vars(5):", e)
    print("  dir() in function:", (lambda p, q: dir())(1, 2))


def sig_target(pos_only, /, normal, *args, kw_only, kw_default=3, **extra) -> "ret":
    pass


def demo_signature():
    print("-- inspect.signature")
    sig = inspect.signature(sig_target)
    print("  str:", sig)
    for p in sig.parameters.values():
        print(f"    {p.name}: {p.kind.name} default={p.default if p.default is not p.empty else '-'}")
    print("  return annotation:", sig.return_annotation)
    bound = sig.bind(1, 2, 3, 4, kw_only=5, z=6)
    print("  bound:", dict(bound.arguments))
    bound.apply_defaults()
    print("  with defaults:", dict(bound.arguments))
    try:
        sig.bind(1)
    except TypeError as e:
        print("  bind error:", e)
    print("  lambda:", inspect.signature(lambda a, *, b=1: None))
    print("  method (bound):", inspect.signature(Recorder().method))
    print("  builtin:", inspect.signature(divmod))
    print("  class:", inspect.signature(Base))
    new = sig.replace(parameters=list(sig.parameters.values())[:2])
    print("  replaced:", new)
    print("  getfullargspec:", inspect.getfullargspec(show_locals))


class Base:
    def __init__(self, tag="base"):
        self.tag = tag

    def greet(self):
        return f"Base.greet({self.tag})"

    @classmethod
    def make(cls):
        return f"Base.make -> {cls.__name__}"


class Child(Base):
    def greet(self):
        def helper():
            # zero-arg super() needs __class__ and the first argument of the enclosing function;
            # inside a nested function it fails, so the enclosing method captures what it needs
            return super(Child, self).greet()

        def broken():
            return super().greet()

        try:
            broken()
        except RuntimeError as e:
            note = f"nested zero-arg super: {e}"
        return f"Child.greet -> {helper()} | {note}"

    def greet_lambda(self):
        return (lambda: super(Child, self).greet())()

    def uses_class_cell(self):
        return __class__.__name__

    def nested_with_self(self):
        def helper(self):
            # works: __class__ cell from the class body plus a first positional argument
            return super().greet()

        def helper_other(obj):
            return super().greet()

        return helper(self) + " / " + helper_other(GrandChild("other"))

    @classmethod
    def make(cls):
        return "Child.make -> " + super().make()


class GrandChild(Child):
    def greet(self):
        return "GrandChild -> " + super().greet()


def demo_super():
    print("-- super() and __class__")
    print(" ", GrandChild("gc").greet())
    print(" ", Child().greet_lambda())
    print("  nested def with first arg:", Child("nested").nested_with_self())
    print("  __class__ cell:", GrandChild().uses_class_cell())
    print(" ", GrandChild.make())
    print("  __class__ in freevars:", "__class__" in Child.uses_class_cell.__code__.co_freevars)
    try:
        super()
    except RuntimeError as e:
        print("  super() in plain function:", e)

    def build_method():
        class Local(Base):
            def greet(self):
                return "Local -> " + super().greet()
        return Local

    print(" ", build_method()("loc").greet())


demo_locals()
demo_signature()
demo_super()
