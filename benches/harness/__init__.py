"""Support modules for benches/run.py (stdlib only).

- deps:         pinned pyperf/pyperformance install and benchmark discovery
- interpreters: the interpreter columns and their environment
- worker:       running one pyperf worker process and reading its result
- report:       aggregation and the text / Markdown / JSON output
"""
