"""The interpreter columns: defaults, --interp/--only handling, probing."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

from .worker import display_path, failure_reason

REFERENCE = "python3"

PROBE_SCRIPT = """\
import json, platform, sys
import pyperf
print(json.dumps({
    "implementation": platform.python_implementation(),
    "version": platform.python_version(),
    "pyperf": pyperf.__version__,
}))
"""


@dataclass
class Interpreter:
    name: str
    command: list[str]          # argv prefix; the script and its args follow
    description: str = ""       # e.g. "CPython 3.11.7", filled by probe()
    error: str | None = None    # set when probe() fails: every cell is an error


def worker_env(deps_dir: Path) -> dict[str, str]:
    """Environment of every interpreter process: ours minus PYTHON* variables
    (for reproducibility), plus PYTHONPATH pointing at the pinned pyperf."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("PYTHON")}
    env["PYTHONPATH"] = str(deps_dir)
    return env


def _real_python3() -> list[str] | None:
    """`python3` from PATH, resolved to its real executable (this skips e.g.
    the pyenv shim, a shell script that would add startup time)."""
    path = shutil.which("python3")
    if path is None:
        return None
    try:
        out = subprocess.run([path, "-c", "import sys; print(sys.executable)"],
                             capture_output=True, text=True, timeout=60)
        exe = out.stdout.strip()
        if out.returncode == 0 and exe and os.access(exe, os.X_OK):
            return [exe]
    except (OSError, subprocess.TimeoutExpired):
        pass
    return [path]


def _defaults(root: Path, justjit_args: str) -> dict[str, list[str] | str]:
    """Default columns, in table order: name -> command, or a string saying
    why the interpreter is not available."""
    justjit = root / "target" / "release" / "justjit"
    pypy = shutil.which("pypy3")
    debian = Path("/usr/bin/python3.11")
    return {
        "python3": _real_python3() or "python3 not found on PATH",
        "justjit": ([str(justjit), "run", *shlex.split(justjit_args)]
                    if justjit.is_file() else
                    f"{justjit.relative_to(root)} not built "
                    f"(cargo build --release)"),
        "debian3.11": [str(debian)] if debian.is_file() else f"no {debian}",
        "pypy3": [pypy] if pypy else "pypy3 not found on PATH",
    }


def select(root: Path, justjit_args: str, extra: list[str],
           only: str | None) -> tuple[list[Interpreter], list[str]]:
    """Build the column list. Returns (interpreters, notes about skipped
    default interpreters). Exits on a bad --interp/--only."""
    table = _defaults(root, justjit_args)
    for spec in extra:
        name, sep, command = spec.partition("=")
        if not sep or not name.strip() or not command.strip():
            sys.exit(f"error: --interp expects NAME=COMMAND, got {spec!r}")
        argv = shlex.split(command)
        if "/" in argv[0]:      # workers run elsewhere: make paths absolute
            argv[0] = os.path.abspath(argv[0])
        table[name.strip()] = argv

    if only:
        names = [n.strip() for n in only.split(",") if n.strip()]
        for name in names:
            if name not in table:
                sys.exit(f"error: --only: unknown interpreter {name!r} "
                         f"(known: {', '.join(table)})")
            if isinstance(table[name], str):
                sys.exit(f"error: --only: {name} unavailable: {table[name]}")
        skipped = []
    else:
        names = [n for n, c in table.items() if isinstance(c, list)]
        skipped = [f"{n}: {c}" for n, c in table.items() if isinstance(c, str)]
    return [Interpreter(n, table[n]) for n in dict.fromkeys(names)], skipped


def probe(interp: Interpreter, env: dict[str, str], workdir: Path,
          log_dir: Path) -> None:
    """Check that the interpreter runs and imports pyperf; fill in
    interp.description, or interp.error on failure (its output is then saved
    under log_dir)."""
    script = workdir / "probe_interpreter.py"
    script.write_text(PROBE_SCRIPT)
    try:
        out = subprocess.run([*interp.command, str(script)], env=env,
                             cwd=workdir, capture_output=True, text=True,
                             timeout=120)
    except (OSError, subprocess.TimeoutExpired) as exc:
        interp.error = f"cannot run: {exc}"
        return
    try:
        info = json.loads(out.stdout.strip().splitlines()[-1])
        interp.description = (f"{info['implementation']} {info['version']}, "
                              f"pyperf {info['pyperf']}")
    except (ValueError, IndexError, KeyError):
        reason = failure_reason(out.returncode, out.stderr + out.stdout)
        interp.error = f"probe failed: {reason}"
        log_dir.mkdir(parents=True, exist_ok=True)
        log = log_dir / f"probe.{interp.name}.log"
        log.write_text(f"$ {shlex.join([*interp.command, str(script)])}\n"
                       f"# exit code {out.returncode}\n\n"
                       f"{out.stdout}{out.stderr}")
        interp.error += f" (log: {display_path(log)})"
