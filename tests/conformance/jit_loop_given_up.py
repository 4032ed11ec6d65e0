# Loops tier 2 gives up on (every recording aborts: the body calls a Python function) stop
# reporting their backward jump to the JIT; they must still handle signals, exceptions raised
# by signal handlers, trace functions set inside them, and run to the same results.
import os
import signal
import sys


def step(x):
    return x + 1


hits = []
signal.signal(signal.SIGUSR1, lambda *args: hits.append("signal"))
total = 0
for i in range(40000):
    total = step(total)
    if i == 30000:
        os.kill(os.getpid(), signal.SIGUSR1)
print("for loop", total, hits)


class Stop(Exception):
    pass


def raise_stop(*args):
    raise Stop


signal.signal(signal.SIGUSR1, raise_stop)
n = 0
try:
    while True:
        n = step(n)
        if n == 35000:
            os.kill(os.getpid(), signal.SIGUSR1)
except Stop:
    print("while loop stopped", 35000 <= n < 35010)
signal.signal(signal.SIGUSR1, signal.SIG_DFL)

calls = []


def tracer(frame, event, arg):
    if event == "call":
        calls.append(frame.f_code.co_name)
    return None


k = 0
for i in range(30000):
    k = step(k)
    if i == 29990:
        sys.settrace(tracer)
sys.settrace(None)
print("traced calls", len(calls), sorted(set(calls)), k)


# The same function's loop again, after it went quiet: same results, exceptions inside it.
def run(limit, fail_at):
    acc = 0
    for j in range(limit):
        acc = step(acc)
        if j == fail_at:
            raise ValueError(f"failed at {j}")
    return acc


print([run(20000, -1) for _ in range(3)])
try:
    run(20000, 19999)
except ValueError as e:
    print("ValueError:", e)
