"""Pinned benchmark dependencies and benchmark discovery.

pyperf and pyperformance are installed with pip into ``target/bench-deps``
(``pip install --target``) with ``--no-deps``: both are pure Python then, so
the directory works on PYTHONPATH for every interpreter (CPython builds and
PyPy alike).  pyperf's only dependency, psutil, is an optional C extension it
does without; pyperformance itself is never imported, we only use the
benchmark scripts bundled in its data files.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

# Both support CPython 3.11 (pyperf >= 3.9, pyperformance >= 3.10).
PINNED = {
    "pyperf": "2.10.0",
    "pyperformance": "1.14.0",
}

DEFAULT_BENCHMARKS = (
    "nbody spectral_norm richards float fannkuch nqueens chaos raytrace "
    "deltablue go hexiom generators coroutines json_dumps regex_effbot"
).split()

MICRO_PREFIX = "micro:"


def is_installed(deps_dir: Path) -> bool:
    return all((deps_dir / f"{name}-{version}.dist-info").is_dir()
               for name, version in PINNED.items())


def ensure_installed(deps_dir: Path, log=print) -> None:
    """pip-install the pinned packages into deps_dir unless already there."""
    if is_installed(deps_dir):
        return
    log(f"installing {', '.join(f'{n}=={v}' for n, v in PINNED.items())} "
        f"into {deps_dir} ...")
    if deps_dir.exists():
        shutil.rmtree(deps_dir)  # stale or partial install: start over
    cmd = [sys.executable, "-m", "pip", "install", "--quiet",
           "--disable-pip-version-check", "--no-deps",
           "--target", str(deps_dir),
           *(f"{n}=={v}" for n, v in PINNED.items())]
    env = dict(os.environ, PIP_ROOT_USER_ACTION="ignore")
    result = subprocess.run(cmd, env=env)
    if result.returncode != 0 or not is_installed(deps_dir):
        sys.exit(f"error: pip install failed: {' '.join(cmd)}")


@dataclass(frozen=True)
class Benchmark:
    name: str       # "nbody" or "micro:int_loop"
    script: Path    # a pyperf script defining exactly one benchmark


def pyperformance_dir(deps_dir: Path) -> Path:
    return deps_dir / "pyperformance" / "data-files" / "benchmarks"


def available(deps_dir: Path, micro_dir: Path) -> dict[str, Benchmark]:
    """All benchmarks that can be named with -b, by name."""
    found = {}
    for script in sorted(pyperformance_dir(deps_dir).glob("bm_*/run_benchmark.py")):
        name = script.parent.name[len("bm_"):]
        found[name] = Benchmark(name, script)
    for script in sorted(micro_dir.glob("*.py")):
        name = MICRO_PREFIX + script.stem
        found[name] = Benchmark(name, script)
    return found


def select(spec: str | None, deps_dir: Path, micro_dir: Path) -> list[Benchmark]:
    """Resolve a -b value: comma-separated names, plus the groups
    ``default`` (the default list) and ``micro`` (every file in benches/micro)."""
    known = available(deps_dir, micro_dir)
    names: list[str] = []
    for item in (spec or "default").split(","):
        item = item.strip()
        if item == "default":
            names.extend(DEFAULT_BENCHMARKS)
        elif item in ("micro", MICRO_PREFIX + "*"):
            names.extend(n for n in known if n.startswith(MICRO_PREFIX))
        elif item:
            names.append(item)
    unknown = [n for n in names if n not in known]
    if unknown:
        sys.exit(f"error: unknown benchmark(s): {', '.join(unknown)} "
                 f"(see --list)")
    return [known[n] for n in dict.fromkeys(names)]  # dedupe, keep order
