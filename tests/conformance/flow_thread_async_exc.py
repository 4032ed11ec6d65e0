# PyThreadState_SetAsyncExc interrupts a busy thread; signal handlers run in a tight loop.
import ctypes
import signal
import threading


class Stop(Exception):
    pass


ready = threading.Event()
result = []


def spin():
    ready.set()
    n = 0
    try:
        while True:
            n += 1
    except Stop:
        result.append("stopped by async exception")


t = threading.Thread(target=spin)
t.start()
ready.wait()
count = ctypes.pythonapi.PyThreadState_SetAsyncExc(ctypes.c_ulong(t.ident), ctypes.py_object(Stop))
t.join()
print("threads affected:", count)
print(result)

hits = []
signal.signal(signal.SIGALRM, lambda signum, frame: hits.append(signum))
signal.setitimer(signal.ITIMER_REAL, 0.01)
i = 0
while not hits:
    i += 1
print("handler ran in the loop:", hits == [signal.SIGALRM])
try:
    signal.signal(signal.SIGALRM, lambda s, f: (_ for _ in ()).throw(KeyboardInterrupt))
    signal.setitimer(signal.ITIMER_REAL, 0.01)
    while True:
        pass
except KeyboardInterrupt:
    print("KeyboardInterrupt from the handler interrupted the loop")
