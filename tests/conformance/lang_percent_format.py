# Exercises printf-style % formatting for str and bytes: flags, width, precision, *, mapping keys, %r/%a/%c, errors.

vals = [0, 7, -7, 255, 3.14159, -0.5, 1e10, 2 ** 70]
for v in vals:
    row = []
    for spec in ("%d", "%5d", "%-5d|", "%+d", "% d", "%05d", "%x", "%#X", "%o", "%#o", "%e", "%.2f", "%10.3g", "%G"):
        try:
            row.append(spec % v)
        except TypeError as exc:
            row.append("TE")
    print(repr(v), row)

print("%s|%r|%a" % ("naïve", "naïve", "naïve"))
print("%c%c%c" % (72, "i", 0x263A), "%5s|%-5s|%.2s" % ("ab", "cd", "efgh"), "%%")
print("%(name)s is %(age)d years, %(name)r again" % {"name": "Ann", "age": 33})
print("%*d|%-*d|%.*f|%*.*f" % (6, 42, 6, 42, 3, 2.71828, 9, 2, 3.14159))
print("%s" % (1, ), "%s" % [1, 2], "%s %s" % ("a", "b"), "%s" % ((1, 2),), "%d%%" % 50)
print("%i %u" % (3, 4), "%.0f %.0f %.0f" % (0.5, 1.5, 2.5), "%.3e" % 123456, "%g %g %g" % (1e-5, 123456789, 0.0001))
print("%s %s %s" % (True, None, 1.0), "%d" % True, "%f" % 1, "%.1f%%" % 99.44)
print("%r" % b"bytes", "%s" % b"bytes", "%-8r|" % "x", "%08.3f" % -3.5, "%+.2e" % 0.000123)

for bad_fmt, bad_args in (("%d", "str"), ("%s %s", ("one",)), ("%s", ("a", "b")), ("%z", 1), ("%(k)s", (1,)), ("%c", 1114112), ("%c", "ab"), ("%x", 1.5)):
    try:
        print(bad_fmt % bad_args)
    except (TypeError, ValueError, KeyError, OverflowError) as exc:
        print(type(exc).__name__, exc)

print(b"%d %s %r %x %c" % (5, b"raw", b"r", 255, 65), b"%5b|%-5b|" % (b"ab", b"cd"), b"%(k)s" % {b"k": b"v"})
try:
    b"%s" % "str"
except TypeError as exc:
    print("TypeError", exc)

# Table rendering in a loop
rows = [("apple", 3, 0.5), ("banana", 12, 0.25), ("cherry", 200, 4.125), ("kiwi", 0, 12.0)]
print("%-10s %5s %8s %9s" % ("item", "qty", "price", "total"))
grand = 0.0
for name, qty, price in rows:
    total = qty * price
    grand += total
    print("%-10s %5d %8.3f %9.2f" % (name, qty, price, total))
print("%-10s %5s %8s %9.2f" % ("TOTAL", "", "", grand))

# A hex dump using % in hot loops
data = bytes((i * 73 + 41) % 256 for i in range(96))
for off in range(0, len(data), 16):
    chunk = data[off:off + 16]
    hexpart = " ".join("%02x" % c for c in chunk)
    text = "".join("%c" % c if 32 <= c < 127 else "." for c in chunk)
    print("%08x  %-47s  |%s|" % (off, hexpart, text))

# Formatting objects with __str__/__repr__/__int__/__index__/__float__
class Temp:
    def __init__(self, c):
        self.c = c

    def __str__(self):
        return "%.1fC" % self.c

    def __repr__(self):
        return "Temp(%r)" % self.c

    def __float__(self):
        return float(self.c)

    def __index__(self):
        return int(self.c)

t = Temp(21.5)
print("%s %r %f %d %x %5.1e" % (t, t, t, t, t, t))
acc = []
for i in range(1500):
    acc.append("%03d:%s" % (i % 1000, "x" * (i % 3)))
print(len("".join(acc)), acc[998:1003], acc[-1])
