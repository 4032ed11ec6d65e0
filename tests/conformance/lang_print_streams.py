# Exercises print(): sep/end/file/flush, printing to sys.stderr and sys.stdout alternately, sys.stdout.write, io.StringIO targets, print of many types.
import io
import sys

print("a", "b", "c")
print("a", "b", "c", sep="")
print("a", "b", "c", sep=", ", end=".\n")
print("no newline", end="")
print(" -> continued")
print()
print(sep="ignored", end="[empty print with end]\n")
print(*range(10), sep="-")
print(*"spread", sep="|", end="|\n")
print(1, 2.0, 3j, None, True, [4], (5,), {6: 7}, {8}, b"9", "ten", sep=" ; ")
print("sep None", "end None", sep=None, end=None)

for i in range(5):
    print(i, end=" " if i < 4 else "\n", flush=True)

# stderr output at clearly separated points; both streams flushed consistently
print("to stderr 1", file=sys.stderr, flush=True)
print("stdout after stderr 1", flush=True)
print("err", "with", "sep", sep="_", end="!\n", file=sys.stderr, flush=True)
for i in range(3):
    print("stderr loop", i, file=sys.stderr, flush=True)
    print("stdout loop", i, flush=True)
sys.stderr.write("raw stderr write\n")
sys.stderr.flush()
n = sys.stdout.write("raw stdout write\n")
print("write returned", n)
sys.stdout.flush()

# Printing into StringIO buffers
buf = io.StringIO()
for i in range(100):
    print(i, i * i, sep=":", end=",", file=buf)
text = buf.getvalue()
print(len(text), text[:40], text[-20:])
buf2 = io.StringIO()
print("x", "y", file=buf2, sep="\t")
print(repr(buf2.getvalue()))

# A progress-bar style output in a hot loop (only every 500th iteration is printed)
total = 0
for i in range(1, 5001):
    total += i % 13
    if i % 500 == 0:
        filled = i // 250
        print("[" + "#" * filled + "." * (20 - filled) + "]", "%5d" % i, total, sep=" ", end="\n")

# print with objects implementing __str__ that prints itself
class Noisy:
    def __str__(self):
        print("(str called)", end=" ")
        return "Noisy"

print("value:", Noisy())

try:
    print("x", sep=5)
except TypeError as exc:
    print("TypeError:", exc)
try:
    print("x", file="not a file")
except AttributeError as exc:
    print("AttributeError:", exc)
print(file=None, end="file=None goes to stdout\n")


class Collector:
    def __init__(self):
        self.parts = []

    def write(self, s):
        self.parts.append(s)
        return len(s)

    def flush(self):
        self.parts.append("<flush>")


col = Collector()
print("to", "collector", file=col, flush=True)
print(col.parts)
old = sys.stdout
sys.stdout = col
print("redirected via sys.stdout")
sys.stdout = old
print(col.parts[-2:])
print("final line on stderr", file=sys.stderr)
