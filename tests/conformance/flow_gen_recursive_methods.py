# Generators as methods: __iter__ generators, recursive tree traversals, class/static generator methods, decorated generators, __reversed__.
import functools


class Node:
    def __init__(self, value, *children):
        self.value = value
        self.children = list(children)

    def __iter__(self):
        # pre-order via recursive generators
        yield self.value
        for child in self.children:
            yield from child

    def __reversed__(self):
        for child in reversed(self.children):
            yield from reversed(child)
        yield self.value

    def postorder(self):
        for child in self.children:
            yield from child.postorder()
        yield self.value

    def levels(self):
        frontier = [self]
        depth = 0
        while frontier:
            yield depth, [n.value for n in frontier]
            frontier = [c for n in frontier for c in n.children]
            depth += 1

    def paths(self, prefix=()):
        here = prefix + (self.value,)
        if not self.children:
            yield here
        for child in self.children:
            yield from child.paths(here)

    @classmethod
    def chain(cls, n):
        node = None
        for i in range(n, 0, -1):
            node = cls(i, node) if node else cls(i)
            yield node

    @staticmethod
    def values_of(nodes):
        for n in nodes:
            yield n.value

    @property
    def leaves(self):
        return (v for v in self.postorder() if isinstance(v, str) and v.islower())


def traced(genfunc):
    @functools.wraps(genfunc)
    def wrapper(*args, **kwargs):
        print(f"  [traced] start {genfunc.__name__}{args}")
        gen = genfunc(*args, **kwargs)
        result = yield from gen
        print(f"  [traced] end {genfunc.__name__} -> {result!r}")
        return result
    return wrapper


@traced
def permutations(items):
    if len(items) <= 1:
        yield list(items)
        return 1
    count = 0
    for i, head in enumerate(items):
        rest = items[:i] + items[i + 1:]
        for perm in _perms(rest):
            yield [head] + perm
            count += 1
    return count


def _perms(items):
    if len(items) <= 1:
        yield list(items)
        return
    for i, head in enumerate(items):
        for perm in _perms(items[:i] + items[i + 1:]):
            yield [head] + perm


def hanoi(n, src, dst, via):
    if n == 0:
        return
    yield from hanoi(n - 1, src, via, dst)
    yield (n, src, dst)
    yield from hanoi(n - 1, via, dst, src)


def queens(n, row=0, cols=()):
    if row == n:
        yield cols
        return
    for c in range(n):
        if all(c != pc and abs(c - pc) != row - pr for pr, pc in enumerate(cols)):
            yield from queens(n, row + 1, cols + (c,))


class Countdown:
    def __init__(self, start):
        self.start = start

    def __iter__(self):
        n = self.start
        while n > 0:
            yield n
            n -= 1

    def __contains__(self, item):
        return any(x == item for x in self)


class Subclassed(Countdown):
    def __iter__(self):
        for v in super().__iter__():
            yield v * 10


def main():
    tree = Node("root",
                Node("A", Node("a1"), Node("a2", Node("x"), Node("y"))),
                Node("B"),
                Node("C", Node("c1")))
    print("preorder:", list(tree))
    print("reversed:", list(reversed(tree)))
    print("postorder:", list(tree.postorder()))
    print("levels:", list(tree.levels()))
    print("paths:", list(tree.paths()))
    print("leaves property:", list(tree.leaves))
    nodes = list(Node.chain(4))
    print("chain values:", list(Node.values_of(nodes)), "last tree:", list(nodes[-1]))
    perms = permutations("abc")
    print("perms:", ["".join(p) for p in perms])
    print("wrapped name:", permutations.__name__, permutations.__wrapped__.__name__)
    moves = list(hanoi(10, "L", "R", "M"))
    print("hanoi moves:", len(moves), moves[:4], moves[-2:])
    print("8 queens solutions:", sum(1 for _ in queens(8)), "first:", next(queens(8)))
    cd = Countdown(5)
    print("countdown:", list(cd), "3 in cd:", 3 in cd, "9 in cd:", 9 in cd)
    print("subclass countdown:", list(Subclassed(3)))
    it1, it2 = iter(cd), iter(cd)
    print("independent iterators:", next(it1), next(it1), next(it2))


main()
