# Exercises str methods: split/join/strip/replace/find/partition/case/justify/predicates/translate, plus string building in loops.

s = "  The quick brown Fox jumps over the lazy Dog  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr(s.strip(" Tg")))
print(s.split(), s.split(" ", 3), s.rsplit(None, 2), s.strip().split("o"))
print(s.lower(), s.upper(), s.title(), s.swapcase(), s.strip().capitalize(), "ß".casefold(), "ǅ".lower())
print(s.find("o"), s.rfind("o"), s.index("Fox"), s.count("o"), s.count(""), s.find("zzz"), s.find("o", 20, 30))
try:
    s.index("cat")
except ValueError as exc:
    print("ValueError:", exc)
print(s.replace("o", "0"), s.replace("o", "0", 2), s.replace("", "-")[:20])
print("a,b,,c,".split(","), "a,b,,c,".split(",", 2), "line1\nline2\r\nline3\rline4".splitlines(), "x\ny\n".splitlines(True))
print("key=value=more".partition("="), "key=value=more".rpartition("="), "novalue".partition("="))
print("-".join(["a", "b", "c"]), "".join(map(str, range(10))), ", ".join(sorted({"b", "a", "c"})))
print("42".zfill(6), "-42".zfill(6), "abc".center(9, "*"), "abc".ljust(6, "."), "abc".rjust(6), "x".center(4, "<"))
print("a\tb\tc".expandtabs(4), repr("tab\there".expandtabs()))
print("abc".isalpha(), "abc1".isalnum(), "123".isdigit(), "١٢٣".isdecimal(), "½".isnumeric(), "  ".isspace(), "Title Case".istitle(), "abc".islower(), "ABC".isupper(), "_id1".isidentifier(), "class".isidentifier(), "\x07".isprintable(), "é".isascii())
print("hello".startswith("he"), "hello".endswith(("lo", "xx")), "hello".startswith("l", 2), "prefix_name".removeprefix("prefix_"), "file.tar.gz".removesuffix(".gz"))
table = str.maketrans({"a": "4", "e": "3", "o": None}, )
print("a leet phrase on one line".translate(table), "hello".translate(str.maketrans("lo", "01")), str.maketrans("ab", "xy", "c"))
print("%s" % "".join(reversed("stressed")), "racecar"[::-1] == "racecar", "Straße".upper(), len("Straße".upper()))
print(ord("A"), chr(955), ord("€"), [hex(ord(c)) for c in "añ€𝄞"], len("𝄞"), "\N{GREEK SMALL LETTER ALPHA}")
print(min("hello"), max("hello"), sorted("hello"), "hello" * 3, 3 * "ab", "ab" * 0, "ab" * -1)
print("a" < "b", "Z" < "a", "abc" < "abd", "ab" < "abc", "" < "a", "é" > "z")

# Build strings in a hot loop; the accumulator stays str but length changes
words = []
for i in range(2000):
    w = ""
    n = i
    while True:
        w = "abcdefghijklmnopqrstuvwxyz"[n % 26] + w
        n //= 26
        if n == 0:
            break
    words.append(w)
print(words[:5], words[25:30], words[-3:])
joined = " ".join(words)
print(len(joined), joined.count("a"), joined.find("zz"), joined.rfind("a "), joined[1000:1040])

# Word frequency with methods only
text = """It was the best of times, it was the worst of times, it was the age of
wisdom, it was the age of foolishness, it was the epoch of belief, it was the
epoch of incredulity, it was the season of Light, it was the season of Darkness"""
freq = {}
for raw in text.split():
    word = raw.strip(",.").lower()
    freq[word] = freq.get(word, 0) + 1
print(sorted(freq.items(), key=lambda kv: (-kv[1], kv[0]))[:8])

# Caesar cipher round trip in a loop
def caesar(msg, k):
    out = []
    for ch in msg:
        if ch.isupper():
            out.append(chr((ord(ch) - 65 + k) % 26 + 65))
        elif ch.islower():
            out.append(chr((ord(ch) - 97 + k) % 26 + 97))
        else:
            out.append(ch)
    return "".join(out)

enc = caesar(text, 13)
print(enc[:60])
print(caesar(enc, 13) == text)
print(str(12), str(-0.5), str([1, "a"]), str(None), str(b"x"), str(b"\xff", "latin-1"), repr("quote's"), repr('dq"'), repr("both'\""), ascii("naïve ☃"))
print("{} {}".format(type("").__name__, "abc".__len__()), "abc".__contains__("b"), "abc".__getitem__(-1), "a".__add__("b"), "ab".__mul__(2))
