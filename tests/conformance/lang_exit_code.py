# Exercises sys.exit(3) after a workload: finally blocks and atexit handlers still run, output is flushed, exit status is 3.
import atexit
import sys


def report():
    print("atexit handler ran; checksum was", checksum)


atexit.register(report)

checksum = 0
for i in range(5000):
    checksum = (checksum * 33 + i) % 1000003
print("checksum", checksum)

try:
    for attempt in range(3):
        print("attempt", attempt)
        if attempt == 2:
            sys.exit(3)
except SystemExit as exc:
    print("SystemExit seen with code", exc.code, "- re-raising")
    raise
finally:
    print("finally block runs before the interpreter exits")
print("never printed")
