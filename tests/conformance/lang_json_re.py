# Exercises json (dumps options, loads, custom encoders/decoders, errors) and re (groups, named groups, findall/finditer/sub with callables, flags, split) on realistic log/config data.
import json
import re

doc = {
    "name": "conformance",
    "version": [1, 2, 3],
    "ratio": 0.1,
    "big": 2 ** 70,
    "nested": {"b": None, "a": True, "list": [{"k": "v"}, [], {}]},
    "unicode": "naïve ☃ 😀",
    "escapes": "quote\" backslash\\ newline\n tab\t",
}
print(json.dumps(doc))
print(json.dumps(doc, sort_keys=True, indent=2, ensure_ascii=False))
print(json.dumps(doc["nested"], separators=(",", ":"), sort_keys=True))
print(json.dumps([float("inf"), float("-inf"), float("nan")]), json.dumps({1: "int key", True: "bool key", None: "none key", 2.5: "float"}))
try:
    json.dumps([float("nan")], allow_nan=False)
except ValueError as exc:
    print("ValueError:", exc)
try:
    json.dumps({(1, 2): "tuple key"})
except TypeError as exc:
    print("TypeError:", exc)
try:
    json.dumps({"s": {1, 2}})
except TypeError as exc:
    print("TypeError:", exc)
round_trip = json.loads(json.dumps(doc))
print(round_trip == doc, round_trip["big"], type(round_trip["version"]).__name__)
print(json.loads('{"a": 1.0, "b": 1e400, "c": -0.0, "d": [true, false, null], "e": "\\u00e9\\ud83d\\ude00"}'))
print(json.loads("[1, 2.5]", parse_float=lambda s: "F" + s, parse_int=lambda s: int(s) * 100))
print(json.loads('{"x": 1, "x": 2}'), json.loads('"just a string"'), json.loads(" 42 "))

for bad in ('{"a": 1,}', "[1, 2", "{'single': 1}", "", "[1] extra", '{"a" 1}', "NaNx"):
    try:
        json.loads(bad)
    except json.JSONDecodeError as exc:
        print("JSONDecodeError:", exc.msg, exc.pos, exc.lineno, exc.colno)


class Money:
    def __init__(self, cents):
        self.cents = cents


class Encoder(json.JSONEncoder):
    def default(self, o):
        if isinstance(o, Money):
            return {"__money__": o.cents}
        if isinstance(o, set):
            return sorted(o)
        return super().default(o)


def decode_hook(d):
    if "__money__" in d:
        return Money(d["__money__"])
    return d


payload = json.dumps({"price": Money(1999), "tags": {"b", "a"}, "items": [Money(1), Money(2)]}, cls=Encoder, sort_keys=True)
print(payload)
back = json.loads(payload, object_hook=decode_hook)
print(back["price"].cents, [m.cents for m in back["items"]], back["tags"])
print(json.loads('[["a", 1], ["b", 2]]', object_pairs_hook=lambda p: p), json.loads('{"b": 1, "a": 2}', object_pairs_hook=lambda p: sorted(p)))

# ---- regular expressions
log = """2024-01-15 10:23:45 INFO  [auth] user=alice action=login ip=10.0.0.1 took=12ms
2024-01-15 10:24:02 WARN  [db] slow query took=1532ms table=orders
2024-01-15 10:25:13 ERROR [auth] user=bob action=login ip=10.0.0.7 reason="bad password"
2024-01-16 08:00:00 INFO  [cron] job=cleanup removed=42 took=870ms
2024-01-16 08:00:01 DEBUG [db] pool size=10 idle=7
2024-01-16 09:12:44 ERROR [api] status=500 path=/v1/orders/17 took=3ms"""

line_re = re.compile(r"^(?P<date>\d{4}-\d{2}-\d{2}) (?P<time>[\d:]+) (?P<level>[A-Z]+)\s+\[(?P<comp>\w+)\] (?P<rest>.*)$", re.M)
kv_re = re.compile(r'(\w+)=("[^"]*"|\S+)')
for m in line_re.finditer(log):
    fields = {k: v.strip('"') for k, v in kv_re.findall(m.group("rest"))}
    print(m.group("level"), m["comp"], m.span("level"), fields)
print(re.findall(r"took=(\d+)ms", log), sum(int(t) for t in re.findall(r"took=(\d+)ms", log)))
print(re.findall(r"\b(\d{1,3})\.(\d{1,3})\.\d{1,3}\.(\d{1,3})\b", log))
counts = {}
for lvl in re.findall(r"^\S+ \S+ (\w+)", log, flags=re.MULTILINE):
    counts[lvl] = counts.get(lvl, 0) + 1
print(counts)

print(re.sub(r"(\d+)ms", lambda m: "%.2fs" % (int(m.group(1)) / 1000), "a=12ms b=1500ms c=x"))
print(re.sub(r"(?P<user>user=)(\w+)", r"\g<user>***", log.splitlines()[0]), re.sub(r"\s+", " ", "  many   spaces\there \n"))
print(re.subn(r"[aeiou]", "", "regular expressions"), re.split(r"[,;]\s*", "a, b;c ,d;  e"), re.split(r"(\d)", "a1b2c"))
print(re.match(r"\d+", "123abc").group(), re.match(r"\d+", "abc123"), re.search(r"\d+", "abc123").group(), re.fullmatch(r"[a-z]+", "abc1"))
print(re.findall(r"(?i)hello", "Hello HELLO hello"), re.findall(r"a.c", "abc a\nc", re.S), re.findall(r"^\w", "one\ntwo", re.M))
print(re.escape("1+1=2? (yes) [x]"), bool(re.compile(r"colou?r").search("The color")), re.compile(r"(a)(b)?").match("a").groups())
print([m.group(0) for m in re.finditer(r"(?<=\$)\d+(?:\.\d\d)?", "cost $15.50 and $3, not 20")], re.findall(r"(\w)\1", "aabbcdeef"))
m = re.search(r"(?P<key>\w+)\s*:\s*(?P<val>[^,]+)", "name : value one, other: x")
print(m.groupdict(), m.start(), m.end(), m.expand(r"\g<val>=\g<key>"), m.lastgroup, m.re.pattern)
try:
    re.compile(r"(unclosed")
except re.error as exc:
    print("re.error:", exc.msg, exc.pos)

# Hot loop: validate many generated identifiers/emails with compiled patterns
email = re.compile(r"^[\w.+-]+@([\w-]+\.)+[a-z]{2,}$")
ident = re.compile(r"[A-Za-z_]\w*")
ok_e = ok_i = 0
for i in range(3000):
    cand = ("user%d%s@%s.%s" % (i, "+tag" if i % 7 == 0 else "", "ex-ample" if i % 3 else "bad_", "com" if i % 5 else "c"))
    if email.match(cand):
        ok_e += 1
    if ident.fullmatch(("_" if i % 2 else "9") + "name%d" % i):
        ok_i += 1
print("valid emails", ok_e, "valid identifiers", ok_i)
