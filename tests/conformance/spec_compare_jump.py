# COMPARE_OP fused with the conditional jump after it: ints (small and big), floats (nan,
# -0.0), strs (== and != only), and a site whose operand types change.

def count_less(items, limit):
    n = 0
    for x in items:
        if x < limit:
            n += 1
    return n

print(count_less(list(range(1000)), 500))
print(count_less([2**40 + i for i in range(100)], 2**40 + 50))
print(count_less([i / 7 for i in range(100)], 5.0))
print(count_less([float("nan")] * 10 + [1.0, -0.0, 0.0], 0.5))
print(count_less(list(range(50)) + [1.5, 2.5, 100.0] + [True, False], 10))
try:
    print(count_less([1, 2, "three"], 2))
except TypeError as e:
    print("TypeError", e)

def equal_words(words, target):
    hits = []
    for w in words:
        if w == target:
            hits.append(w)
        if w != target:
            continue
    return len(hits)

print(equal_words(["a", "b", "a", "ab"] * 100, "a"))
print(equal_words(["a", 1, None, "a", b"a"] * 10, "a"))

class Weird:
    def __eq__(self, other):
        return "truthy"
    def __lt__(self, other):
        return 0

def compare_all(items):
    out = []
    for a, b in items:
        if a == b:
            out.append("eq")
        elif a < b:
            out.append("lt")
        else:
            out.append("ge")
    return out

print(compare_all([(1, 2), (2, 2), (3, 2)] * 20 + [(Weird(), 1), (1.0, 1), (2**70, 2**70), ("x", "y")]))

def while_loop(n):
    i = 0
    total = 0
    while i < n:
        total += i
        i += 1
    return total

print(while_loop(10000), while_loop(0), while_loop(-5))
