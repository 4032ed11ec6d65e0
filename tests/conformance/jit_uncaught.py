# An exception raised from inside a hot loop escapes uncaught: the traceback (line numbers, carets, chained cause) on stderr and exit status 1 must match, after stdout printed from the loop.


class Account:
    def __init__(self, balance):
        self.balance = balance
        self.history = []


def apply(acct, amounts):
    for i in range(len(amounts)):
        amt = amounts[i]
        acct.balance += amt
        acct.history.append(acct.balance)
        if i % 25 == 0:
            print("step", i, "balance", acct.balance)
    return acct.balance


def checked_ratio(values):
    total = 0
    for v in values:
        try:
            total += 1000 // v
        except ZeroDivisionError as e:
            raise ArithmeticError(f"bad divisor after total={total}") from e
    return total


def driver():
    a = Account(0)
    print("final:", apply(a, list(range(60))))
    print("ratio:", checked_ratio([1, 2, 3, 4, 5, 6, 7, 8, 9, 10] * 5))
    values = list(range(100, 0, -1)) + [0]
    print("ratio 2 starts")
    return checked_ratio(values)


print("start")
driver()
print("not reached")
