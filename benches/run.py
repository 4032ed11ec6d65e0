#!/usr/bin/env python3
"""Side-by-side benchmark runner for justjit (stdlib only, Python 3.11).

    python3 benches/run.py [options]          # see --help and benches/README.md

Runs pyperformance's pure-Python benchmarks (and the micro benchmarks in
benches/micro/) under several interpreters in ONE run, alternating between
them, and prints a table: median time per interpreter, the time ratio of each
interpreter to the reference (python3), peak RSS, and geometric means.

How it measures:
  1. pyperf and pyperformance (pinned in harness/deps.py) are pip-installed
     into target/bench-deps on first use; that directory is the PYTHONPATH of
     every interpreter.
  2. Each benchmark's loop count is calibrated once, under the reference
     interpreter, so that one value takes --min-time..2x--min-time seconds;
     every interpreter then runs the same loop count.
  3. For each repetition, for each benchmark, for each interpreter (in an
     order rotated per benchmark and repetition), ONE pyperf worker process
     runs the benchmark: --warmups unmeasured values, then --values measured
     ones.  Its peak RSS comes from os.wait4().  Nothing runs in parallel.
  4. Per benchmark and interpreter: the median of all values of all
     repetitions, and the maximum peak RSS.  A failure is reported as `error`
     (first line of the reason; full output in target/bench-logs/) and the
     run goes on.
"""

from __future__ import annotations

import argparse
import shlex
import shutil
import sys
import tempfile
import time
from pathlib import Path

BENCHES = Path(__file__).resolve().parent
ROOT = BENCHES.parent
TARGET = ROOT / "target"
DEPS_DIR = TARGET / "bench-deps"
LOG_ROOT = TARGET / "bench-logs"
MICRO_DIR = BENCHES / "micro"

sys.dont_write_bytecode = True    # keep benches/ free of __pycache__
sys.path.insert(0, str(BENCHES))
from harness import deps, interpreters, report  # noqa: E402
from harness.worker import WorkerRunner, WorkerResult  # noqa: E402

DEFAULTS = {"repetitions": 5, "values": 3}
QUICK = {"repetitions": 1, "values": 2}
W = 22  # width of benchmark names in progress lines


def parse_args(argv: list[str] | None = None) -> argparse.Namespace:
    p = argparse.ArgumentParser(
        prog="benches/run.py",
        description="Run benchmarks side by side under python3, justjit and\n"
                    "other interpreters; print a comparison table.",
        formatter_class=argparse.RawDescriptionHelpFormatter,
        epilog="interpreters (columns): python3 (reference), justjit\n"
               "(target/release/justjit run), debian3.11 (/usr/bin/python3.11),\n"
               "pypy3; those not installed are skipped. See benches/README.md.")
    p.add_argument("-b", "--benchmarks", metavar="LIST",
                   help="comma-separated benchmark names; 'default' = the "
                        "default list, 'micro' = all of benches/micro/, "
                        "'micro:NAME' = benches/micro/NAME.py (default: default)")
    p.add_argument("--list", action="store_true",
                   help="list the available benchmarks and exit")
    p.add_argument("--interp", action="append", default=[],
                   metavar="NAME=COMMAND",
                   help="add or override an interpreter column (COMMAND is "
                        "split like a shell would); repeatable")
    p.add_argument("--only", metavar="NAMES",
                   help="comma-separated interpreter columns to run, in order")
    p.add_argument("--reference", default=interpreters.REFERENCE,
                   metavar="NAME",
                   help="column the ratios are relative to and the loop "
                        "counts are calibrated with (default: %(default)s)")
    p.add_argument("--justjit-args", default="", metavar="ARGS",
                   help="extra options for 'justjit run', e.g. '--no-jit'")
    p.add_argument("-r", "--repetitions", type=int, metavar="R",
                   help=f"worker processes per benchmark and interpreter "
                        f"(default {DEFAULTS['repetitions']})")
    p.add_argument("-n", "--values", type=int, metavar="V",
                   help=f"measured values per worker (default {DEFAULTS['values']})")
    p.add_argument("-w", "--warmups", type=int, default=1, metavar="W",
                   help="unmeasured warmup values per worker (default 1)")
    p.add_argument("--min-time", type=float, default=0.1, metavar="SEC",
                   help="calibration target: minimum time of one value "
                        "(default 0.1; values end up in [SEC, 2*SEC))")
    p.add_argument("--timeout", type=float, default=600, metavar="SEC",
                   help="kill a worker after SEC seconds (default 600)")
    p.add_argument("--quick", action="store_true",
                   help=f"smoke run: {QUICK['repetitions']} repetition, "
                        f"{QUICK['values']} values per worker")
    p.add_argument("--markdown", action="store_true",
                   help="print the table as Markdown")
    p.add_argument("--json", type=Path, metavar="PATH",
                   help="also write the raw results as JSON to PATH")
    args = p.parse_args(_join_option_values(sys.argv[1:] if argv is None else argv))

    for key, value in (QUICK if args.quick else DEFAULTS).items():
        if getattr(args, key) is None:
            setattr(args, key, value)
    for key in ("repetitions", "values"):
        if getattr(args, key) < 1:
            p.error(f"--{key} must be >= 1")
    if args.warmups < 0 or args.min_time <= 0 or args.timeout <= 0:
        p.error("--warmups must be >= 0, --min-time and --timeout > 0")
    return args


def _join_option_values(argv: list[str]) -> list[str]:
    """Let `--justjit-args "--no-jit"` work: argparse would take a value
    that starts with '-' for an option, so glue it on as --justjit-args=VALUE."""
    out = []
    it = iter(argv)
    for arg in it:
        if arg == "--justjit-args":
            arg = f"{arg}={next(it, '')}"
        elif arg == "--":
            out.append(arg)
            out.extend(it)
            break
        out.append(arg)
    return out


def progress(msg: str) -> None:
    print(msg, file=sys.stderr, flush=True)


def command_line() -> str:
    """The command that was run (the runner's interpreter shown by its
    basename: it does not affect the results)."""
    argv = list(getattr(sys, "orig_argv", None) or [sys.executable, *sys.argv])
    argv[0] = Path(argv[0]).name
    return shlex.join(argv)


def list_benchmarks() -> None:
    known = deps.available(DEPS_DIR, MICRO_DIR)
    print("default:", " ".join(deps.DEFAULT_BENCHMARKS))
    print("micro:  ", " ".join(n for n in known if n.startswith(deps.MICRO_PREFIX)))
    print("all pyperformance benchmarks (the non-default ones may need "
          "packages that are not installed):")
    print("  " + " ".join(n for n in known if not n.startswith(deps.MICRO_PREFIX)))


def describe(result: WorkerResult) -> str:
    if result.error:
        return f"error: {result.error}"
    values = sorted(result.values)
    median_ms = values[len(values) // 2] * 1e3 if values else float("nan")
    return f"{median_ms:9.3f} ms  {result.maxrss_kib / 1024:6.1f} MiB"


def calibrate(res: report.Results, runner: WorkerRunner,
              bench: deps.Benchmark, args) -> None:
    """Set res.loops[bench] using the reference (or, if it fails there, the
    next interpreter that works)."""
    order = sorted(res.interpreters, key=lambda i: i.name != res.reference)
    for interp in order:
        if interp.error:
            continue
        result = runner.calibrate(interp.command, bench,
                                  f"{bench.name}.{interp.name}.calibrate",
                                  args.min_time, args.warmups)
        if not result.error:
            res.loops[bench.name] = result.loops
            progress(f"calibrate {bench.name:<{W}} {interp.name:<12} "
                     f"loops={result.loops} "
                     f"({result.values[0] * 1e3:.3f} ms per loop)")
            if interp.name != res.reference:
                res.notes.append(f"{bench.name}: loops calibrated with "
                                 f"{interp.name}")
            return
        progress(f"calibrate {bench.name:<{W}} {interp.name:<12} {describe(result)}")
        res.cell(bench.name, interp.name).add(0, result)


def measure(res: report.Results, runner: WorkerRunner,
            benchmarks: list[deps.Benchmark], args) -> None:
    interps = res.interpreters
    for rep in range(args.repetitions):
        for b, bench in enumerate(benchmarks):
            loops = res.loops.get(bench.name)
            if loops is None:
                continue
            k = (rep + b) % len(interps)
            for interp in interps[k:] + interps[:k]:
                cell = res.cell(bench.name, interp.name)
                if cell.error:          # failed before: do not retry
                    continue
                result = runner.measure(interp.command, bench,
                                        f"{bench.name}.{interp.name}.r{rep + 1}",
                                        loops, args.warmups, args.values)
                cell.add(rep + 1, result)
                progress(f"[{rep + 1}/{args.repetitions}] {bench.name:<{W}} "
                         f"{interp.name:<12} {describe(result)}")


def run(args, command: str, benchmarks: list[deps.Benchmark],
        interps: list[interpreters.Interpreter], skipped: list[str],
        workdir: Path) -> report.Results:
    names = [i.name for i in interps]
    reference = args.reference
    if reference not in names:
        if reference != interpreters.REFERENCE:
            sys.exit(f"error: --reference {reference} is not a selected column")
        reference = names[0]

    log_dir = LOG_ROOT / time.strftime("%Y%m%d-%H%M%S")
    env = interpreters.worker_env(DEPS_DIR)
    for interp in interps:
        interpreters.probe(interp, env, workdir, log_dir)
        progress(f"{interp.name}: {' '.join(interp.command)}: "
                 f"{interp.error or interp.description}")
    ref = interps[names.index(reference)]
    if ref.error:
        sys.exit(f"error: the reference interpreter {ref.name} does not work: "
                 f"{ref.error}")

    settings = {k: getattr(args, k) for k in
                ("repetitions", "values", "warmups", "min_time", "timeout")}
    settings["pinned"] = dict(deps.PINNED)
    res = report.Results(command, settings, interps, reference,
                         [b.name for b in benchmarks])
    if reference != args.reference:
        res.notes.append(f"{args.reference} not selected; reference is {reference}")
    res.notes += [f"skipped {s}" for s in skipped]
    for interp in interps:
        if interp.error:        # every cell of a broken interpreter: error
            for bench in benchmarks:
                res.cell(bench.name, interp.name).error = interp.error

    runner = WorkerRunner(env, workdir, log_dir, args.timeout)
    try:
        for bench in benchmarks:
            calibrate(res, runner, bench, args)
        measure(res, runner, benchmarks, args)
    except KeyboardInterrupt:
        res.interrupted = True
        res.notes.append("INTERRUPTED: partial results")
        progress("interrupted; printing partial results")
    return res


def main() -> int:
    args = parse_args()
    command = command_line()
    deps.ensure_installed(DEPS_DIR, log=progress)
    if args.list:
        list_benchmarks()
        return 0
    benchmarks = deps.select(args.benchmarks, DEPS_DIR, MICRO_DIR)
    interps, skipped = interpreters.select(ROOT, args.justjit_args,
                                           args.interp, args.only)

    TARGET.mkdir(exist_ok=True)
    workdir = Path(tempfile.mkdtemp(prefix="bench-work-", dir=TARGET))
    try:
        res = run(args, command, benchmarks, interps, skipped, workdir)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)

    progress("")
    render = report.render_markdown if args.markdown else report.render_text
    print(render(res), end="")
    if args.json:
        report.write_json(res, args.json)
        progress(f"raw results written to {args.json}")
    return 130 if res.interrupted else 0


if __name__ == "__main__":
    sys.exit(main())
