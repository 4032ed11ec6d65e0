# Exercises an uncaught exception at the end of a run: traceback through several frames on stderr, exit status 1, earlier stdout preserved.


class Ledger:
    def __init__(self):
        self.entries = {}

    def add(self, key, amount):
        self.entries[key] = self.entries.get(key, 0) + amount

    def ratio(self, a, b):
        return self.entries[a] / self.entries[b]


def build():
    ledger = Ledger()
    for i in range(3000):
        ledger.add("k%d" % (i % 5), (i % 7) - 3)
    return ledger


def summarize(ledger):
    for key in sorted(ledger.entries):
        print(key, ledger.entries[key])
    print("ratio k1/k2", ledger.ratio("k1", "k2"))
    return ledger.ratio("k0", "k3")


ledger = build()
ledger.entries["k3"] = 0
print("summary:", summarize(ledger))
