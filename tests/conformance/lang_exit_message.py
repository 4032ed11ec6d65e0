# Exercises sys.exit("message"): the message goes to stderr and the exit status is 1; stdout written before exit is kept.
import sys


def validate(records):
    errors = []
    for idx, rec in enumerate(records):
        name, qty = rec
        if not name:
            errors.append("record %d: empty name" % idx)
        if not isinstance(qty, int) or qty < 0:
            errors.append("record %d: bad quantity %r" % (idx, qty))
    return errors


records = [("apple", 3), ("pear", 0), ("", 2), ("fig", -1), ("kiwi", "7"), ("plum", 12)]
good = [r for r in records if not validate([r])]
print("valid records:", good)
problems = validate(records)
for p in problems:
    print("problem:", p)
sys.stdout.flush()
if problems:
    sys.exit("validation failed with %d problems" % len(problems))
print("not reached")
