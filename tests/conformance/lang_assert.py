# Exercises assert statements (LOAD_ASSERTION_ERROR): passing, failing with/without messages, message evaluation laziness, AssertionError in hot loops.

msg_evals = []


def message(text):
    msg_evals.append(text)
    return text


assert True
assert 1 == 1, message("never evaluated")
assert [0], message("non-empty list is truthy")
print("passing asserts ok, messages evaluated:", msg_evals)

try:
    assert False
except AssertionError as exc:
    print("bare AssertionError args:", exc.args, repr(str(exc)))

try:
    assert 1 > 2, message("one is not greater than two")
except AssertionError as exc:
    print("AssertionError:", exc, exc.args, msg_evals)

try:
    assert None, {"detail": [1, 2]}
except AssertionError as exc:
    print("non-string message:", exc.args[0])


def check_sorted(seq):
    for a, b in zip(seq, seq[1:]):
        assert a <= b, "unsorted at %r > %r" % (a, b)
    return True


for seq in ([1, 2, 3], [1, 3, 2], [], ["a", "b", "a"]):
    try:
        print(seq, check_sorted(seq))
    except AssertionError as exc:
        print(seq, "failed:", exc)

# Asserts in a hot loop where a small fraction fail
failures = []
checked = 0
for i in range(5000):
    try:
        assert i % 997 != 0 or i == 0, "multiple of 997: %d" % i
        checked += 1
    except AssertionError as exc:
        failures.append(str(exc))
print("checked", checked, failures)


# Shadowing AssertionError does not affect assert (it uses LOAD_ASSERTION_ERROR)
def shadowed():
    AssertionError = ValueError  # noqa: F841
    try:
        assert False, "still the real AssertionError"
    except ValueError:
        return "caught as ValueError (wrong)"
    except BaseException as exc:
        return "caught %s: %s" % (type(exc).__name__, exc)


print(shadowed())


# Assert with tuple (always true) vs expression
def tricky(x):
    assert (x, "tuple is always truthy")
    assert x, "x must be truthy"
    return "ok"


for v in (1, 0):
    try:
        print(v, tricky(v))
    except AssertionError as exc:
        print(v, "AssertionError:", exc)

# Assertion-driven invariant checking inside an algorithm
def insertion_sort(a):
    a = list(a)
    for i in range(1, len(a)):
        key = a[i]
        j = i - 1
        while j >= 0 and a[j] > key:
            a[j + 1] = a[j]
            j -= 1
        a[j + 1] = key
        assert all(a[k] <= a[k + 1] for k in range(i)), "prefix not sorted"
    return a


data = [(i * 7919) % 211 for i in range(200)]
print(insertion_sort(data)[:15], __debug__)


class Account:
    def __init__(self, balance):
        assert balance >= 0, "negative opening balance"
        self.balance = balance

    def withdraw(self, amount):
        assert amount > 0, "amount must be positive"
        assert amount <= self.balance, "insufficient funds: %d > %d" % (amount, self.balance)
        self.balance -= amount
        return self.balance


acct = Account(100)
for amt in (30, -5, 50, 40, 20):
    try:
        print("withdraw", amt, "->", acct.withdraw(amt))
    except AssertionError as exc:
        print("withdraw", amt, "refused:", exc)
try:
    Account(-1)
except AssertionError as exc:
    print("open refused:", exc)
