# Signals arriving during hot loops: KeyboardInterrupt from signal.raise_signal(SIGINT) after N iterations (caught), Python handlers for SIGUSR1 run by the eval breaker while a hot loop spins (signal sent from inside the loop and from another thread), and a handler that raises into the loop.
import os
import signal
import threading

FLAG = False
HANDLED = []


def on_usr1(signum, frame):
    global FLAG
    FLAG = True
    HANDLED.append(signal.Signals(signum).name)


class Interrupted(Exception):
    pass


def raising_handler(signum, frame):
    raise Interrupted(signal.Signals(signum).name)


def keyboard_interrupt_loop(n, at):
    total = 0
    i = -1
    try:
        for i in range(n):
            total += i
            if i == at:
                signal.raise_signal(signal.SIGINT)
            total += 1
    except KeyboardInterrupt:
        return "KeyboardInterrupt", i, total
    return "finished", i, total


def keyboard_interrupt_inside(n, every):
    caught = 0
    total = 0
    for i in range(n):
        try:
            if i % every == every - 1:
                signal.raise_signal(signal.SIGINT)
            total += i
        except KeyboardInterrupt:
            caught += 1
    return caught, total


def kill_self_in_loop(n, at):
    global FLAG
    FLAG = False
    seen_at = None
    total = 0
    for i in range(n):
        if i == at:
            os.kill(os.getpid(), signal.SIGUSR1)
        if FLAG and seen_at is None:
            seen_at = i
        total += i
    # the handler runs promptly: within a few iterations of the kill
    return seen_at is not None and at <= seen_at <= at + 3, total


def spin_until_flag(limit):
    # another thread sends the signal while this thread spins; the handler runs in
    # this (the main) thread only if the hot loop lets the eval breaker in
    global FLAG
    FLAG = False
    main_id = threading.get_ident()
    started = threading.Event()

    def sender():
        started.set()
        signal.pthread_kill(main_id, signal.SIGUSR1)

    t = threading.Thread(target=sender)
    t.start()
    started.wait()
    i = 0
    acc = 0
    while not FLAG and i < limit:
        i += 1
        acc = (acc + i) & 0xFFFF
    t.join()
    return FLAG, i < limit


def spin_for_exception(limit):
    old = signal.signal(signal.SIGUSR2, raising_handler)
    started = threading.Event()

    def sender():
        started.set()
        os.kill(os.getpid(), signal.SIGUSR2)

    t = threading.Thread(target=sender)
    i = 0
    try:
        t.start()
        started.wait()
        for i in range(limit):
            pass
        result = "loop ended without the exception"
    except Interrupted as e:
        result = f"Interrupted({e}) before the end: {i < limit - 1}"
    finally:
        t.join()
        signal.signal(signal.SIGUSR2, old)
    return result


def custom_sigint(n):
    hits = []
    old = signal.signal(signal.SIGINT, lambda s, f: hits.append(s))
    try:
        total = 0
        for i in range(n):
            if i % 10 == 0:
                signal.raise_signal(signal.SIGINT)
            total += len(hits)
    finally:
        signal.signal(signal.SIGINT, old)
    return len(hits), total


def main():
    signal.signal(signal.SIGUSR1, on_usr1)
    for at in (0, 1, 2, 50, 99, 100):
        print("keyboard_interrupt_loop", at, keyboard_interrupt_loop(100, at))
    print("keyboard_interrupt_inside:", keyboard_interrupt_inside(60, 7))
    print("kill_self_in_loop:", kill_self_in_loop(100, 60), kill_self_in_loop(100, 2))
    print("spin_until_flag:", spin_until_flag(200_000_000))
    print("spin_until_flag again:", spin_until_flag(200_000_000))
    print("spin_for_exception:", spin_for_exception(200_000_000))
    print("custom_sigint:", custom_sigint(45))
    print("handled:", HANDLED)
    signal.signal(signal.SIGUSR1, signal.SIG_DFL)


main()
