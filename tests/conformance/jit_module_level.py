# Hot loops at module level and in class bodies, where every variable is a global/name (dict stores): type changes, overflow, deletion of the loop variable, globals rebound by functions called from the loop, exec() of a loop with its own namespace.

total = 0
count = 0
for i in range(200):
    total += i * i
    count += 1
print("squares:", total, count, i)

acc = 1
for k in range(70):
    acc = acc * 2
    if k == 40:
        acc = acc + 0.5
print("acc:", acc, k)

x = 0
for item in [1, 2, 3, 4, 5, 0.5, True, 2**64, -(2**64), "end"]:
    if isinstance(item, str):
        x = str(x) + item
    else:
        x = x + item
print("x:", repr(x), repr(item))


def rebind(v):
    global total
    total = v


total = 0
for j in range(50):
    total += 1
    if j == 25:
        rebind(1000)
print("rebound total:", total, j)

del i
missing = 0
for n in range(5):
    try:
        i
    except NameError as e:
        missing += 1
        err = str(e)
    if n == 2:
        i = "back"
print("missing:", missing, err, i)

w = 10
while w > -5:
    w -= 3
    if w == 1:
        w = 1.0
print("while w:", w)


class Table:
    rows = []
    for r in range(5):
        rows.append(r * r)
    size = len(rows)
    total = 0
    for r in rows:
        total += r
    del r


print("class body:", Table.rows, Table.size, Table.total, hasattr(Table, "r"))

ns = {}
exec(
    "s = 0\n"
    "for q in range(100):\n"
    "    s += q\n"
    "    if q == 60:\n"
    "        s = s * 2**60\n",
    ns,
)
print("exec:", ns["s"], ns["q"])

loc = {}
exec("t = 0\nfor q in range(10):\n    t = t * 10 + q\n", {}, loc)
print("exec locals:", loc)

names = sorted(n for n in globals() if not n.startswith("__"))
print("globals:", names)
