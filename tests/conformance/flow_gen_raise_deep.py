# Uncaught exception raised deep inside nested generators (yield from + plain iteration); traceback with carets on stderr, exit 1.


def parse_record(line):
    fields = line.split(",")
    return {"name": fields[0], "qty": int(fields[1]), "price": float(fields[2])}


def records(lines):
    for lineno, line in enumerate(lines, 1):
        rec = parse_record(line)
        rec["lineno"] = lineno
        yield rec


def totals(lines):
    running = 0.0
    for rec in records(lines):
        running += rec["qty"] * rec["price"]
        yield rec["name"], round(running, 2)


def report(lines):
    yield "header"
    result = yield from totals(lines)
    yield f"done {result}"


DATA = [
    "apple,3,0.5",
    "pear,2,0.75",
    "plum,10,0.2",
    "melon,1,3.0",
    "grape,a dozen,2.0",
    "kiwi,4,0.3",
]

gen = report(DATA)
for item in gen:
    print(item)
print("not reached")
