# Exercises collections (Counter, defaultdict, deque, OrderedDict, ChainMap, namedtuple) and itertools (product, permutations, combinations, groupby, accumulate, chain, islice, cycle, tee, zip_longest, starmap, pairwise).
from collections import Counter, defaultdict, deque, OrderedDict, ChainMap, namedtuple
import itertools as it
import operator

text = "the rain in spain falls mainly on the plain and the rain stays"
c = Counter(text.split())
cl = Counter(ch for ch in text if ch.isalpha())
print(c.most_common(3), cl.most_common(5), c["the"], c["missing"], sum(cl.values()), len(cl))
c2 = Counter(rain=5, snow=2)
print(c + c2 == Counter(c) + c2, (c - c2)["rain"], (c & c2), (c | c2)["rain"], sorted((c2 - Counter(rain=10)).items()))
c2.update({"snow": 3})
c2.subtract(rain=7)
print(sorted(c2.items()), sorted(+c2), sorted((-c2).items()), c2.total() if hasattr(c2, "total") else sum(c2.values()))
print(sorted(Counter("abracadabra").elements()), Counter("abc") == Counter("cba"))

dd = defaultdict(list)
for word in text.split():
    dd[word[0]].append(word)
print(sorted((k, v) for k, v in dd.items()), dd["zzz"], "zzz" in dd)
nested = defaultdict(lambda: defaultdict(int))
for i in range(1000):
    nested[i % 3][i % 5] += i
print({k: dict(v) for k, v in sorted(nested.items())})

dq = deque(range(5), maxlen=7)
dq.appendleft(-1)
dq.extend([5, 6, 7])
print(dq, dq.maxlen, dq[0], dq[-1])
dq.rotate(2)
print(dq)
dq.rotate(-3)
print(dq, dq.popleft(), dq.pop(), dq.count(3), dq.index(4))
window = deque(maxlen=5)
maxavg = 0
for i in range(3000):
    window.append((i * 37) % 101)
    if len(window) == 5:
        maxavg = max(maxavg, sum(window) / 5)
print("max moving avg", maxavg)

od = OrderedDict.fromkeys("abcde", 0)
od.move_to_end("b")
od.move_to_end("e", last=False)
print(list(od), od.popitem(), od.popitem(last=False), od == OrderedDict([("a", 0), ("c", 0), ("d", 0)]), od == {"d": 0, "c": 0, "a": 0})

defaults = {"color": "red", "user": "guest", "debug": False}
env = {"user": "root"}
cli = {"debug": True}
cm = ChainMap(cli, env, defaults)
print(cm["color"], cm["user"], cm["debug"], len(cm), sorted(cm), cm.maps[1])
cm["new"] = 1
child = cm.new_child({"user": "child"})
print(cli, child["user"], child.parents["user"], dict(sorted(child.items())))

Card = namedtuple("Card", "rank suit")
deck = [Card(r, s) for s in "SHDC" for r in "23456789TJQKA"]
print(len(deck), deck[0], deck[-1], Card._make(["Q", "H"])._replace(suit="S"))

# itertools
print(list(it.product("ab", range(2))), len(list(it.product(range(3), repeat=4))))
print(list(it.permutations("abc", 2)), list(it.combinations(range(5), 3))[:4], list(it.combinations_with_replacement("ab", 3)))
print(list(it.accumulate([1, 2, 3, 4, 5])), list(it.accumulate([3, 1, 4, 1, 5], max)), list(it.accumulate(range(1, 6), operator.mul, initial=10)))
print(list(it.chain("ab", [1, 2], (None,))), list(it.chain.from_iterable(["xy", "z"])), list(it.islice(it.count(10, 5), 3, 8)))
print(list(it.islice(it.cycle("abc"), 7)), list(it.repeat("r", 3)), list(it.compress("abcdef", [1, 0, 1, 0, 1, 1])))
print(list(it.takewhile(lambda x: x < 5, [1, 3, 5, 2])), list(it.dropwhile(lambda x: x < 5, [1, 3, 5, 2])), list(it.filterfalse(None, [0, 1, "", "a"])))
print(list(it.starmap(pow, [(2, 5), (3, 2)])), list(it.zip_longest("abc", [1], fillvalue="-")), list(it.pairwise(range(5))))
a, b = it.tee(iter(range(5)))
print(list(a), list(b), next(it.tee([9])[0]))
data = sorted(text.split(), key=len)
print([(k, list(g)) for k, g in it.groupby(data, key=len)])
print(["%s%d" % (k, len(list(g))) for k, g in it.groupby("aaabccddddde")])

# Hot loop mixing itertools pipelines
total = 0
for combo in it.combinations(range(18), 4):
    if sum(combo) % 7 == 0:
        total += combo[0] * combo[3]
print("combo total", total)
running = list(it.accumulate(it.islice(it.cycle([3, -1, 4, -1, 5, -9]), 5000)))
print(running[-5:], max(running), min(running))
pairs = Counter((x % 4, y % 3) for x, y in it.product(range(60), range(45)))
print(sorted(pairs.items())[:5], len(pairs))
