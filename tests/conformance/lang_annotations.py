# Exercises annotations: module-level annotated assignments (SETUP_ANNOTATIONS) and __annotations__, class and function annotations, annotation-only names, typing.get_type_hints.
from typing import Optional, List, Dict, ClassVar, get_type_hints
import typing

count: int = 0
name: str
ratio: float = 0.5
items: List[int] = []
lookup: Dict[str, "Widget"] = {}
(parenthesized): int = 3
target = {}
target["key"]: str = "subscript targets are not recorded"

print(sorted(__annotations__), __annotations__["count"], __annotations__["lookup"], __annotations__["parenthesized"] if "parenthesized" in __annotations__ else "-")
print(count, ratio, items, target, "name" in globals())
try:
    name
except NameError as exc:
    print("NameError:", exc)

for i in range(3):
    loop_var: int = i * 2
print(loop_var, "loop_var" in __annotations__)

if True:
    nested_ann: bool = True
print("nested_ann" in __annotations__)


class Widget:
    kind: ClassVar[str] = "widget"
    width: int
    height: int = 10
    label: Optional[str] = None

    def area(self) -> int:
        return self.width * self.height


print(Widget.__annotations__, Widget.height, hasattr(Widget, "width"))
w = Widget()
w.width = 7
print(w.area(), Widget.kind)


def typed(a: int, b: "str" = "x", *args: float, c: List[int], **kw: Dict[str, int]) -> Optional[bool]:
    local_ann: int = 5  # local annotations are not stored
    return None


print(typed.__annotations__)
print(get_type_hints(typed))
print(get_type_hints(Widget, globalns=globals()))


def no_annotations(x, y):
    return x + y


print(no_annotations.__annotations__, typed.__code__.co_nlocals)


# Annotations are evaluated at definition time (no `from __future__ import annotations` here)
evaluated = []


def ann(label):
    evaluated.append(label)
    return label


def f(x: ann("param x")) -> ann("return"):
    pass


class K:
    attr: ann("class attr") = 1


module_level: ann("module var") = 2
print(evaluated)

# __annotations__ is a plain dict at module level: it can be mutated
__annotations__["dynamic"] = "added at runtime"
print(list(__annotations__)[-3:])


# typing constructs at runtime
T = typing.TypeVar("T")


class Box(typing.Generic[T]):
    def __init__(self, item: T):
        self.item = item

    def get(self) -> T:
        return self.item


b = Box[int](5)
print(b.get(), Box[int].__origin__ is Box, typing.get_origin(List[int]), typing.get_args(Dict[str, int]), repr(Optional[int]))


class Pt(typing.NamedTuple):
    x: int
    y: int = 0


class Movie(typing.TypedDict):
    title: str
    year: int


print(Pt(1), Pt._field_defaults, Movie(title="x", year=1999), Movie.__annotations__ if hasattr(Movie, "__annotations__") else "")

# Annotated assignment in a hot loop at module level
acc: int = 0
for i in range(3000):
    acc_step: int = i % 17
    acc += acc_step
print(acc, __annotations__["acc_step"])
