"""Run one pyperf worker process and read its result.

A pyperf benchmark script run with ``--worker`` does not spawn anything: it
runs its benchmark function in-process and writes a JSON suite with
``--output``.  The options used here are the ones pyperf's own manager passes
to its workers (pyperf/_manager.py, ``Manager.worker_cmd``):

    SCRIPT --worker --worker-task=0 --loops L --warmups W --values V
    SCRIPT --worker --worker-task=0 --calibrate-loops --warmups W --values V --min-time T

Every value pyperf reports is the time of one loop iteration (the raw timing
divided by loops x inner_loops), in seconds.  The worker's peak RSS comes
from the kernel, via os.wait4()'s rusage (ru_maxrss, KiB on Linux).
"""

from __future__ import annotations

import json
import math
import os
import re
import signal
import statistics
import subprocess
import threading
import time
from dataclasses import dataclass, field
from pathlib import Path

from .deps import Benchmark


@dataclass
class WorkerResult:
    loops: int = 0
    values: list[float] = field(default_factory=list)   # s per loop iteration
    warmups: list[tuple[int, float]] = field(default_factory=list)  # (loops, s per loop iteration)
    maxrss_kib: int = 0
    wall_s: float = 0.0
    error: str | None = None    # one-line reason, None on success
    log: str | None = None      # saved output of a failed worker


class WorkerRunner:
    def __init__(self, env: dict[str, str], workdir: Path, log_dir: Path,
                 timeout: float):
        self.env = env
        self.workdir = workdir    # scratch: cwd of workers, JSON and logs
        self.log_dir = log_dir    # failed workers' logs are copied here
        self.timeout = timeout

    def calibrate(self, command: list[str], bench: Benchmark, label: str,
                  min_time: float, warmups: int) -> WorkerResult:
        """Find the loop count: the smallest power of two for which one
        value takes at least min_time seconds.

        pyperf's --calibrate-loops doubles the loop count until a single
        value reaches min_time, which flips between two counts when a value
        is near the threshold.  So it is only used to get into the right
        range; the count is then derived from the median time per loop
        iteration at the final loop count (the first, cold value left out)."""
        result = self._run(command, bench, label,
                           ["--calibrate-loops", "--warmups", str(max(warmups, 1)),
                            "--values", "2", "--min-time", repr(min_time)])
        if not result.error and not result.warmups:
            result.error = "pyperf calibration produced no values"
        if not result.error:
            final = max(loops for loops, _ in result.warmups)
            times = [t for loops, t in result.warmups[1:] if loops == final]
            per_loop = statistics.median(times or [result.warmups[-1][1]])
            result.loops = 2 ** max(0, math.ceil(math.log2(min_time / per_loop)))
            result.values = [per_loop]
        return result

    def measure(self, command: list[str], bench: Benchmark, label: str,
                loops: int, warmups: int, values: int) -> WorkerResult:
        return self._run(command, bench, label,
                         ["--loops", str(loops), "--warmups", str(warmups),
                          "--values", str(values)])

    def _run(self, command: list[str], bench: Benchmark, label: str,
             options: list[str]) -> WorkerResult:
        label = re.sub(r"[^\w.-]", "_", label)
        output = self.workdir / f"{label}.json"
        log_path = self.workdir / f"{label}.log"
        output.unlink(missing_ok=True)   # pyperf refuses to overwrite
        argv = [*command, str(bench.script), "--worker", "--worker-task=0",
                *options, "--output", str(output)]

        status, rusage, wall, timed_out = self._spawn(argv, log_path)
        result = WorkerResult(maxrss_kib=rusage.ru_maxrss if rusage else 0,
                              wall_s=wall)
        log_text = log_path.read_text(errors="replace")
        code = os.waitstatus_to_exitcode(status) if status is not None else None

        if timed_out:
            result.error = f"timeout after {self.timeout:g} s"
        elif code != 0:
            result.error = failure_reason(code, log_text)
        else:
            try:
                _read_output(output, result)
            except (OSError, ValueError, KeyError, IndexError, TypeError) as exc:
                result.error = f"no usable pyperf result ({exc.__class__.__name__}: {exc})"

        if result.error:
            self.log_dir.mkdir(parents=True, exist_ok=True)
            saved = self.log_dir / log_path.name
            with open(saved, "w") as f:
                f.write(f"$ {' '.join(argv)}\n# {result.error}\n\n{log_text}")
            result.log = display_path(saved)
        log_path.unlink(missing_ok=True)
        output.unlink(missing_ok=True)
        return result

    def _spawn(self, argv: list[str], log_path: Path):
        """Run argv with output to log_path; return (wait status, rusage,
        wall seconds, timed_out). Status and rusage are None if the
        process could not be started."""
        with open(log_path, "wb") as log:
            start = time.perf_counter()
            try:
                # A session of its own, so that a timeout or Ctrl-C can kill
                # the worker together with anything it started.
                proc = subprocess.Popen(argv, env=self.env, cwd=self.workdir,
                                        stdin=subprocess.DEVNULL, stdout=log,
                                        stderr=subprocess.STDOUT,
                                        start_new_session=True)
            except OSError as exc:
                log.write(f"cannot start {argv[0]}: {exc}\n".encode())
                return None, None, 0.0, False

        def kill():
            try:
                os.killpg(proc.pid, signal.SIGKILL)
            except ProcessLookupError:
                pass

        timed_out = threading.Event()

        def on_timeout():
            timed_out.set()
            kill()

        timer = threading.Timer(self.timeout, on_timeout)
        timer.start()
        try:
            # os.wait4 rather than proc.wait(): it also returns the rusage.
            _, status, rusage = os.wait4(proc.pid, 0)
        except BaseException:   # e.g. KeyboardInterrupt: do not leave it running
            kill()
            os.wait4(proc.pid, 0)
            proc.returncode = -signal.SIGKILL
            raise
        finally:
            timer.cancel()
        wall = time.perf_counter() - start
        proc.returncode = os.waitstatus_to_exitcode(status)  # reaped: tell Popen
        return status, rusage, wall, timed_out.is_set()


def display_path(path: Path) -> str:
    """path relative to the current directory when it is below it."""
    try:
        return str(path.relative_to(Path.cwd()))
    except ValueError:
        return str(path)


def _read_output(path: Path, result: WorkerResult) -> None:
    suite = json.loads(path.read_text())
    bench = suite["benchmarks"][0]
    run = bench["runs"][-1]
    # pyperf hoists metadata common to all runs up to the benchmark or suite.
    meta = {**suite.get("metadata", {}), **bench.get("metadata", {}),
            **run.get("metadata", {})}
    result.loops = int(meta["loops"])
    result.values = [float(v) for v in run.get("values", [])]
    result.warmups = [(int(n), float(v)) for n, v in run.get("warmups", [])]


def failure_reason(code: int | None, log: str) -> str:
    """One line: how the process ended, and the most telling line of its output."""
    if code is None:
        prefix = "could not start"
    elif code < 0:
        try:
            prefix = signal.Signals(-code).name
        except ValueError:
            prefix = f"signal {-code}"
    else:
        prefix = f"exit code {code}"
    lines = [l.rstrip() for l in log.splitlines() if l.strip()]
    detail = ""
    for i, line in enumerate(lines):
        if "panicked at" in line:            # Rust panic: message on next line
            nxt = lines[i + 1].strip() if i + 1 < len(lines) else ""
            detail = f"{line.strip()} {nxt}".strip()
            break
        if line.startswith("ERROR:"):        # pyperf's own error messages
            detail = line
            break
    if not detail and lines:
        # After the last "Traceback (" line, the first unindented line is the
        # exception; other messages (usage errors, "Fatal Python error: ...")
        # start with their reason.
        tb = max((i for i, l in enumerate(lines) if l.startswith("Traceback (")),
                 default=None)
        exc = [l for l in lines[tb + 1:] if not l[0].isspace()] if tb is not None else []
        detail = exc[0] if exc else lines[0].strip()
    return f"{prefix}: {detail}" if detail else prefix
