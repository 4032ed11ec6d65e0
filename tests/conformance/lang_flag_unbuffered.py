# Exercises -u (unbuffered stdio): write_through streams, alternating stdout/stderr writes, partial lines and explicit flushes in a loop.
# conformance-flags: -u
import sys

print("stdout write_through:", sys.stdout.write_through, "stderr write_through:", sys.stderr.write_through)
for i in range(6):
    sys.stdout.write("out %d;" % i)
    if i % 2:
        sys.stdout.write("\n")
    sys.stderr.write("err %d\n" % i)
print()
total = 0
for i in range(10000):
    total += i % 97
    if i % 2500 == 0:
        print("progress", i, total, end=" | ")
        print("stderr progress", i, file=sys.stderr)
print("total", total)
sys.stdout.buffer.write(b"raw bytes via buffer\n")
sys.stdout.write("text after raw bytes\n")
print("last line without newline", end="")
