# Messages of common built-in exceptions raised by operations: KeyError/IndexError/AttributeError/TypeError/ZeroDivisionError/ValueError/NameError/etc.


class Slots:
    __slots__ = ("a",)


class Plain:
    def method(self, x):
        return x


class Prop:
    @property
    def ro(self):
        return 1


def kw_only(*, flag):
    return flag


def pos_only(a, b, /):
    return a + b


def two(a, b):
    return a


def call_it(obj):
    return obj()


def first_item(obj):
    return obj[0]


def unbound_local():
    print(undefined_later)  # noqa: F821
    undefined_later = 1


def free_var_before_assignment():
    def inner():
        return captured
    result = inner()
    captured = 1
    return result


CASES = [
    ("dict missing key", lambda: {"a": 1}["b"]),
    ("dict tuple key", lambda: {}[(1, 2)]),
    ("list index", lambda: [1, 2, 3][5]),
    ("list negative index", lambda: [1][-2]),
    ("tuple index", lambda: (1,)[1]),
    ("str index", lambda: "abc"[10]),
    ("list assignment index", lambda: exec("x = []\nx[0] = 1")),
    ("pop empty list", lambda: [].pop()),
    ("pop empty dict", lambda: {}.popitem()),
    ("remove missing", lambda: [1].remove(2)),
    ("list.index missing", lambda: [1, 2].index(3)),
    ("str.index missing", lambda: "abc".index("z")),
    ("int / 0", lambda: 1 / 0),
    ("int // 0", lambda: 1 // 0),
    ("int % 0", lambda: 1 % 0),
    ("float / 0", lambda: 1.0 / 0),
    ("divmod 0", lambda: divmod(1, 0)),
    ("0 ** -1", lambda: 0 ** -1),
    ("int + str", lambda: 1 + "a"),
    ("str + int", lambda: "a" + 1),
    ("list + tuple", lambda: [1] + (2,)),
    ("str * float", lambda: "a" * 2.5),
    ("unary minus str", lambda: -"a"),
    ("invert float", lambda: ~1.5),
    ("compare int < str", lambda: 1 < "a"),
    ("compare None >= None", lambda: None >= None),
    ("call int", lambda: call_it(5)),
    ("call None", lambda: call_it(None)),
    ("subscript int", lambda: first_item(5)),
    ("subscript function", lambda: first_item(len)),
    ("item assignment tuple", lambda: exec("t = (1,)\nt[0] = 2")),
    ("item assignment str", lambda: exec("s = 'x'\ns[0] = 'y'")),
    ("delete from tuple", lambda: exec("t = (1,)\ndel t[0]")),
    ("iterate int", lambda: iter(5)),
    ("unpack too many", lambda: exec("a, b = [1, 2, 3]")),
    ("unpack too few", lambda: exec("a, b, c = [1, 2]")),
    ("unpack non-iterable", lambda: exec("a, b = 5")),
    ("star unpack too few", lambda: exec("a, b, *c = [1]")),
    ("len of int", lambda: len(5)),
    ("hash list", lambda: hash([])),
    ("set of lists", lambda: {[1]}),
    ("dict key list", lambda: {[1]: 2}),
    ("missing positional", lambda: two(1)),
    ("too many positional", lambda: two(1, 2, 3)),
    ("unexpected keyword", lambda: two(1, 2, c=3)),
    ("multiple values", lambda: two(1, a=2)),
    ("kw-only passed positionally", lambda: kw_only(True)),
    ("missing kw-only", lambda: kw_only()),
    ("pos-only passed as keyword", lambda: pos_only(1, b=2)),
    ("method missing arg", lambda: Plain().method()),
    ("builtin wrong arg count", lambda: len(1, 2)),
    ("builtin keyword not accepted", lambda: len(obj=1)),
    ("int() bad literal", lambda: int("12a")),
    ("int() bad base", lambda: int("z", 50)),
    ("float() bad", lambda: float("1.2.3")),
    ("int of None", lambda: int(None)),
    ("chr out of range", lambda: chr(-1)),
    ("math domain", lambda: __import__("math").sqrt(-1)),
    ("unicode encode", lambda: "é".encode("ascii")),
    ("unicode decode", lambda: b"\xff".decode("utf-8")),
    ("attribute on instance", lambda: Plain().nope),
    ("attribute on class", lambda: Plain.nope),
    ("attribute on module", lambda: __import__("math").nope),
    ("set attribute on slots", lambda: setattr(Slots(), "b", 1)),
    ("read unset slot", lambda: Slots().a),
    ("set read-only property", lambda: setattr(Prop(), "ro", 2)),
    ("set attribute on int", lambda: setattr(1, "x", 2)),
    ("set attribute on object()", lambda: setattr(object(), "x", 2)),
    ("delete missing attribute", lambda: delattr(Plain(), "zzz")),
    ("global name", lambda: undefined_global_name),  # noqa: F821
    ("unbound local", unbound_local),
    ("free var before assignment", free_var_before_assignment),
    ("import missing module", lambda: __import__("no_such_module_xyz")),
    ("from-import missing name", lambda: exec("from sys import nothing_here")),
    ("assert with message", lambda: exec("assert 1 == 2, 'values differ'")),
    ("assert without message", lambda: exec("assert False")),
    ("next on list", lambda: next([1])),
    ("format spec", lambda: format(1, "q")),
    ("str % args", lambda: "%d" % "x"),
    ("not all args converted", lambda: "%s" % (1, 2)),
    ("join non-str", lambda: ",".join([1, 2])),
    ("sorted mixed", lambda: sorted([1, "a"])),
    ("max empty", lambda: max([])),
    ("range step zero", lambda: range(1, 2, 0)),
    ("overflow float", lambda: 10.0 ** 400),
    ("int too large for float", lambda: float(10 ** 400)),
    ("str to int huge digits", lambda: int("1" * 5000)),
    ("isinstance bad arg", lambda: isinstance(1, 2)),
    ("super outside class", lambda: super()),
    ("dict update bad", lambda: {}.update([1])),
    ("getattr non-str", lambda: getattr(1, 2)),
    ("bytes + str", lambda: b"a" + "b"),
    ("frozenset add", lambda: frozenset().add(1)),
    ("call with ** non-mapping", lambda: two(**[1])),
    ("call with * non-iterable", lambda: two(*5)),
    ("duplicate ** keyword", lambda: two(**{"a": 1}, **{"a": 2})),
    ("keyword must be string", lambda: two(**{1: 2})),
]


def main():
    for label, fn in CASES:
        try:
            fn()
        except BaseException as exc:
            print(f"{label:<30} {type(exc).__name__}: {exc}")
        else:
            print(f"{label:<30} no exception")

    print("-- KeyError str vs repr")
    try:
        {}["x"]
    except KeyError as e:
        print(str(e), repr(e), e.args)
    try:
        {}[""]
    except KeyError as e:
        print(str(e), repr(e))

    print("-- AttributeError name/obj attributes")
    p = Plain()
    try:
        p.attr_missing
    except AttributeError as e:
        print("name:", e.name, "| obj is p:", e.obj is p)
    try:
        undefined_xyz  # noqa: F821
    except NameError as e:
        print("NameError.name:", e.name)
    try:
        import no_such_module_abc  # noqa: F401
    except ModuleNotFoundError as e:
        print("ModuleNotFoundError.name:", e.name, "| msg:", e.msg)


main()
