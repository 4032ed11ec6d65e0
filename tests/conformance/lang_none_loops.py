# Exercises loops the 3.11 compiler closes with POP_JUMP_BACKWARD_IF_NONE / _NOT_NONE / _TRUE / _FALSE: `while x is None`, `while x is not None`, `while cond`, `while not cond`.


class Node:
    def __init__(self, value, nxt=None):
        self.value = value
        self.next = nxt


def build(n):
    head = None
    for i in range(n, 0, -1):
        head = Node(i, head)
    return head


def linked_sum(head):
    total = 0
    node = head
    while node is not None:
        total += node.value
        node = node.next
    return total


def linked_reverse(head):
    prev = None
    cur = head
    while cur is not None:
        nxt = cur.next
        cur.next = prev
        prev = cur
        cur = nxt
    return prev


def first_values(head, k):
    out = []
    while head is not None and len(out) < k:
        out.append(head.value)
        head = head.next
    return out


lst = build(3000)
print("sum", linked_sum(lst))
rev = linked_reverse(lst)
print("reversed head", first_values(rev, 6))


# `while x is None`: retry until a result appears
def attempt(i):
    # deterministic pseudo-failure: succeed when i hits certain values
    return None if (i * 7) % 11 != 3 else i * 100


def retry_until_found(start):
    result = None
    i = start
    while result is None:
        result = attempt(i)
        i += 1
    return result, i - start


for s in range(0, 12):
    print("retry", s, retry_until_found(s))

# Hot loop of retries: many iterations of `while ... is None`
total_tries = 0
for s in range(2000):
    r, tries = retry_until_found(s)
    total_tries += tries
print("total tries", total_tries)


# `while cond:` closes with POP_JUMP_BACKWARD_IF_TRUE (condition duplicated at bottom)
def count_down(n):
    steps = []
    while n:
        steps.append(n)
        n //= 2
    return steps


print(count_down(1000), count_down(0))


# `while not cond:` closes with POP_JUMP_BACKWARD_IF_FALSE
def fill_until_full(cap):
    bucket = []
    full = False
    while not full:
        bucket.append(len(bucket) ** 2)
        full = sum(bucket) >= cap
    return bucket


print(fill_until_full(100), len(fill_until_full(10 ** 9)))


# Tree walk with parent pointers using `is not None`
class T:
    def __init__(self, key, parent=None):
        self.key = key
        self.parent = parent
        self.left = None
        self.right = None


def insert(root, key):
    node = root
    while True:
        if key < node.key:
            if node.left is None:
                node.left = T(key, node)
                return node.left
            node = node.left
        else:
            if node.right is None:
                node.right = T(key, node)
                return node.right
            node = node.right


def depth(node):
    d = 0
    while node.parent is not None:
        node = node.parent
        d += 1
    return d


def leftmost(node):
    while node.left is not None:
        node = node.left
    return node.key


root = T(500)
deepest = 0
nodes = []
for i in range(1, 1500):
    key = (i * 7919) % 1000
    nd = insert(root, key)
    nodes.append(nd)
    deepest = max(deepest, depth(nd))
print("tree deepest", deepest, "leftmost", leftmost(root), "sum depths", sum(depth(n) for n in nodes))

# dict.get-driven chain following with `is not None`
chain = {i: (i * 3 + 1) % 997 for i in range(997)}
chain[0] = None
pos = 5
hops = 0
seen = set()
while pos is not None and pos not in seen:
    seen.add(pos)
    pos = chain.get(pos)
    hops += 1
print("hops", hops, "ended at", pos)

# `while x is None` in a loop where x changes type once found
val = None
spins = 0
while val is None:
    spins += 1
    if spins == 50:
        val = 0
print("spins", spins, repr(val))
while val is not None:
    val = None if val >= 5 else val + 1.5 if isinstance(val, float) else float(val) + 1
    spins += 1
print("spins", spins, val)
