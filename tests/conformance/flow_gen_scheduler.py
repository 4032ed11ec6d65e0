# A generator-based cooperative scheduler (trampoline): tasks yield system calls, spawn/join/wait, sleep in virtual time, exceptions.
import collections
import heapq


class SysCall:
    def handle(self, sched, task):
        raise NotImplementedError


class Spawn(SysCall):
    def __init__(self, gen, name):
        self.gen = gen
        self.name = name

    def handle(self, sched, task):
        child = sched.new(self.gen, self.name)
        task.value = child.tid
        sched.ready.append(task)


class Join(SysCall):
    def __init__(self, tid):
        self.tid = tid

    def handle(self, sched, task):
        if self.tid in sched.results:
            task.value = sched.results[self.tid]
            sched.ready.append(task)
        else:
            sched.joiners[self.tid].append(task)


class Sleep(SysCall):
    def __init__(self, ticks):
        self.ticks = ticks

    def handle(self, sched, task):
        sched.seq += 1
        heapq.heappush(sched.sleeping, (sched.now + self.ticks, sched.seq, task))


class GetTid(SysCall):
    def handle(self, sched, task):
        task.value = task.tid
        sched.ready.append(task)


class Task:
    def __init__(self, tid, gen, name):
        self.tid = tid
        self.gen = gen
        self.name = name
        self.value = None
        self.exc = None
        self.stack = []

    def step(self):
        # trampoline: a yielded generator is a sub-call, a return pops it
        while True:
            try:
                if self.exc is not None:
                    exc, self.exc = self.exc, None
                    result = self.gen.throw(exc)
                else:
                    result = self.gen.send(self.value)
            except StopIteration as stop:
                if not self.stack:
                    raise
                self.gen = self.stack.pop()
                self.value = stop.value
                continue
            except Exception as exc:
                if not self.stack:
                    raise
                self.gen = self.stack.pop()
                self.exc = exc
                continue
            if hasattr(result, "send"):
                self.stack.append(self.gen)
                self.gen = result
                self.value = None
                continue
            self.value = None
            return result


class Scheduler:
    def __init__(self):
        self.ready = collections.deque()
        self.tasks = {}
        self.results = {}
        self.joiners = collections.defaultdict(list)
        self.sleeping = []
        self.now = 0
        self.seq = 0
        self.next_tid = 1
        self.log = []

    def new(self, gen, name):
        task = Task(self.next_tid, gen, name)
        self.next_tid += 1
        self.tasks[task.tid] = task
        self.ready.append(task)
        return task

    def finish(self, task, result):
        self.results[task.tid] = result
        del self.tasks[task.tid]
        for waiter in self.joiners.pop(task.tid, []):
            waiter.value = result
            self.ready.append(waiter)

    def run(self):
        while self.ready or self.sleeping:
            if not self.ready:
                wake, _, task = heapq.heappop(self.sleeping)
                self.now = wake
                self.ready.append(task)
                while self.sleeping and self.sleeping[0][0] == wake:
                    self.ready.append(heapq.heappop(self.sleeping)[2])
            task = self.ready.popleft()
            try:
                call = task.step()
            except StopIteration as stop:
                print(f"t={self.now:>3} task {task.tid} ({task.name}) finished -> {stop.value!r}")
                self.finish(task, stop.value)
                continue
            except Exception as exc:
                print(f"t={self.now:>3} task {task.tid} ({task.name}) crashed: {type(exc).__name__}: {exc}")
                self.finish(task, exc)
                continue
            if isinstance(call, SysCall):
                call.handle(self, task)
            else:
                self.ready.append(task)


def compute(n):
    # a sub-routine called via trampoline: yields a generator
    total = 0
    for i in range(n):
        total += i
        if i % 50 == 0:
            yield Sleep(1)
    return total


def failing(depth):
    if depth == 0:
        yield Sleep(2)
        raise ValueError("deep failure")
    result = yield failing(depth - 1)
    return result


def worker(label, n, delay):
    tid = yield GetTid()
    print(f"  {label}: tid {tid} starting, sleeping {delay}")
    yield Sleep(delay)
    value = yield compute(n)
    print(f"  {label}: computed {value}")
    return (label, value)


def guarded():
    try:
        yield failing(3)
    except ValueError as exc:
        print("  guarded: caught", exc, "through trampoline")
        return "recovered"


def main_task():
    ids = []
    for i, (n, delay) in enumerate([(120, 5), (60, 1), (200, 3)]):
        tid = yield Spawn(worker(f"w{i}", n, delay), f"worker{i}")
        ids.append(tid)
    g = yield Spawn(guarded(), "guarded")
    bad = yield Spawn(failing(1), "failing")
    results = []
    for tid in ids:
        results.append((yield Join(tid)))
    print("  main: joined workers", results)
    print("  main: guarded ->", (yield Join(g)))
    err = yield Join(bad)
    print("  main: failing ->", type(err).__name__, err)
    return "main-done"


s = Scheduler()
s.new(main_task(), "main")
s.run()
print("final time:", s.now, "results:", {k: v for k, v in s.results.items() if not isinstance(v, Exception)})
