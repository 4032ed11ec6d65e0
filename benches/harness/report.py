"""Results and their output: the plain-text / Markdown table and raw JSON."""

from __future__ import annotations

import json
import math
import statistics
from dataclasses import dataclass, field
from pathlib import Path

from .interpreters import Interpreter
from .worker import WorkerResult, display_path


@dataclass
class Cell:
    """All measurements of one benchmark under one interpreter."""
    runs: list[tuple[int, WorkerResult]] = field(default_factory=list)
    error: str | None = None
    log: str | None = None

    def add(self, rep: int, result: WorkerResult) -> None:
        self.runs.append((rep, result))
        if result.error and not self.error:
            self.error, self.log = result.error, result.log

    @property
    def values(self) -> list[float]:
        return [v for _, r in self.runs if not r.error for v in r.values]

    @property
    def median_s(self) -> float | None:
        values = self.values
        return statistics.median(values) if values and not self.error else None

    @property
    def max_rss_mib(self) -> float | None:
        rss = [r.maxrss_kib for _, r in self.runs if not r.error and r.maxrss_kib]
        return max(rss) / 1024 if rss else None


@dataclass
class Results:
    command: str                       # the command line, for the header
    settings: dict
    interpreters: list[Interpreter]
    reference: str
    benchmarks: list[str]
    loops: dict[str, int] = field(default_factory=dict)
    cells: dict[tuple[str, str], Cell] = field(default_factory=dict)
    notes: list[str] = field(default_factory=list)
    interrupted: bool = False

    def cell(self, bench: str, interp: str) -> Cell:
        return self.cells.setdefault((bench, interp), Cell())

    def ratio(self, bench: str, interp: str) -> float | None:
        t = self.cell(bench, interp).median_s
        ref = self.cell(bench, self.reference).median_s
        return t / ref if t is not None and ref else None

    def geomean(self, interp: str) -> tuple[float | None, int]:
        ratios = [r for b in self.benchmarks
                  if (r := self.ratio(b, interp)) is not None]
        if not ratios:
            return None, 0
        return math.exp(sum(map(math.log, ratios)) / len(ratios)), len(ratios)


# -- table -------------------------------------------------------------------

def _fmt_ms(seconds: float) -> str:
    ms = seconds * 1e3
    return f"{ms:.3f}" if ms < 1 else f"{ms:.2f}" if ms < 100 else f"{ms:.1f}"


def _table(res: Results) -> tuple[list[str], list[list[str]]]:
    names = [i.name for i in res.interpreters]
    others = [n for n in names if n != res.reference]
    header = (["benchmark", "loops"] + [f"{n} ms" for n in names]
              + [f"{n}/{res.reference}" for n in others]
              + [f"{n} MiB" for n in names])
    rows = []
    for bench in res.benchmarks:
        row = [bench, str(res.loops.get(bench, "-"))]
        for n in names:
            cell = res.cell(bench, n)
            t = cell.median_s
            row.append("error" if cell.error else "-" if t is None else _fmt_ms(t))
        for n in others:
            r = res.ratio(bench, n)
            row.append("error" if res.cell(bench, n).error
                       else "-" if r is None else f"{r:.2f}")
        for n in names:
            mib = res.cell(bench, n).max_rss_mib
            row.append("-" if mib is None else f"{mib:.1f}")
        rows.append(row)
    geo = ["geometric mean", ""] + [""] * len(names)
    for n in others:
        g, count = res.geomean(n)
        text = "-" if g is None else f"{g:.2f}"
        if g is not None and count < len(res.benchmarks):
            text += f" ({count}/{len(res.benchmarks)})"
        geo.append(text)
    rows.append(geo + [""] * len(names))
    return header, rows


def _shorten(arg: str) -> str:
    """An absolute path below the current directory, made relative."""
    return display_path(Path(arg)) if arg.startswith("/") else arg


def _preamble(res: Results) -> list[str]:
    s = res.settings
    lines = [f"interpreters ({res.reference} is the reference):"]
    width = max(len(i.name) for i in res.interpreters)
    for i in res.interpreters:
        desc = f"  ({i.description})" if i.description else ""
        command = " ".join(_shorten(arg) for arg in i.command)
        lines.append(f"  {i.name:<{width}} = {command}{desc}")
    lines.append(
        f"repetitions={s['repetitions']} values/worker={s['values']} "
        f"warmups={s['warmups']} min-time={s['min_time']:g}s "
        f"pyperf={s['pinned']['pyperf']} "
        f"pyperformance={s['pinned']['pyperformance']}")
    lines.append(
        f"ms = median time of one loop iteration over all values; "
        f"X/{res.reference} = time ratio (< 1.00 is faster); "
        f"MiB = max peak RSS of the workers")
    return lines + [f"note: {n}" for n in res.notes]


def _errors(res: Results) -> list[str]:
    out = [f"{i.name} (all benchmarks): {i.error}"
           for i in res.interpreters if i.error]
    for bench in res.benchmarks:
        for i in res.interpreters:
            if i.error:
                continue
            cell = res.cells.get((bench, i.name))
            if cell and cell.error:
                where = f" (log: {cell.log})" if cell.log else ""
                out.append(f"{bench} / {i.name}: {cell.error}{where}")
    return out


def render_text(res: Results) -> str:
    header, rows = _table(res)
    widths = [max(len(r[c]) for r in [header, *rows]) for c in range(len(header))]

    def line(cells):
        first = cells[0].ljust(widths[0])
        rest = (c.rjust(w) for c, w in zip(cells[1:], widths[1:]))
        return "  ".join([first, *rest]).rstrip()

    out = [f"$ {res.command}", *_preamble(res), "", line(header),
           "  ".join("-" * w for w in widths)]
    out += [line(r) for r in rows[:-1]]
    out += ["  ".join("-" * w for w in widths), line(rows[-1])]
    errors = _errors(res)
    if errors:
        out += ["", "errors:"] + [f"  {e}" for e in errors]
    return "\n".join(out) + "\n"


def render_markdown(res: Results) -> str:
    header, rows = _table(res)
    rows[-1][0] = f"**{rows[-1][0]}**"
    out = ["```", f"$ {res.command}", *_preamble(res), "```", "",
           "| " + " | ".join(header) + " |",
           "|" + "|".join([":---"] + ["---:"] * (len(header) - 1)) + "|"]
    out += ["| " + " | ".join(r) + " |" for r in rows]
    errors = _errors(res)
    if errors:
        out += ["", "Errors:", ""] + [f"- `{e}`" for e in errors]
    return "\n".join(out) + "\n"


def write_json(res: Results, path: Path) -> None:
    data = {
        "command": res.command,
        "settings": res.settings,
        "reference": res.reference,
        "notes": res.notes,
        "interpreters": [{"name": i.name, "command": i.command,
                          "description": i.description, "error": i.error}
                         for i in res.interpreters],
        "benchmarks": {},
        "geomean": {i.name: res.geomean(i.name)[0] for i in res.interpreters
                    if i.name != res.reference},
    }
    for bench in res.benchmarks:
        entry = {"loops": res.loops.get(bench), "results": {}}
        for i in res.interpreters:
            cell = res.cell(bench, i.name)
            entry["results"][i.name] = {
                "median_s": cell.median_s,
                "ratio": res.ratio(bench, i.name),
                "max_rss_kib": max((r.maxrss_kib for _, r in cell.runs), default=None),
                "error": cell.error,
                "log": cell.log,
                "runs": [{"repetition": rep, "values_s": r.values,
                          "warmups": r.warmups, "maxrss_kib": r.maxrss_kib,
                          "wall_s": round(r.wall_s, 4), "error": r.error}
                         for rep, r in cell.runs],
            }
        data["benchmarks"][bench] = entry
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data, indent=2) + "\n")
