#!/usr/bin/env python3
"""Opcode coverage of the conformance corpus (CPython 3.11).

Usage:
    python3 tests/opcode_coverage.py tests/conformance
    python3 tests/opcode_coverage.py tests/conformance --where SEND [--where PRINT_EXPR ...]
    python3 tests/opcode_coverage.py tests/conformance --rare 2

Compiles every ``*.py`` file in the folder the way the conformance runner
executes it:

* a file whose first line is exactly ``# conformance: repl`` is fed to
  ``python3 -i``, where every top-level statement is compiled on its own in
  'single' mode; the tool parses it with ``ast`` and compiles each statement
  as ``ast.Interactive(body=[stmt])`` in 'single' mode;
* every other file is compiled in 'exec' mode;
* -O / -OO in a ``# conformance-flags:`` line select the matching
  ``optimize`` level, since those flags change the emitted code.

Every code object is walked recursively through ``co_consts`` and the base
opcode names are collected with ``dis.get_instructions(adaptive=False)``.
The result is compared with the set of opcodes the 3.11 compiler can emit:
all of ``opcode.opmap`` minus EXCLUDED below.

Prints the number of covered opcodes and the name of every missing one.
Exit status: 0 when nothing is missing, 1 when some opcode is missing,
2 on usage errors or when a corpus file does not compile.
"""

import argparse
import ast
import dis
import opcode
import os
import shlex
import sys
import warnings

REPL_MARKER = "# conformance: repl"
FLAGS_MARKER = "# conformance-flags:"

# Opcodes in opcode.opmap that can never appear as an instruction that
# dis.get_instructions() reports for compiled code.  Each entry says why.
# Every other opmap entry was checked against CPython 3.11's Python/compile.c:
# it is either emitted directly (ADDOP*, insert_prefix_instructions for
# MAKE_CELL / COPY_FREE_VARS / RETURN_GENERATOR), produced by the assembler
# from a virtual jump (JUMP -> JUMP_FORWARD / JUMP_BACKWARD,
# JUMP_NO_INTERRUPT -> JUMP_FORWARD / JUMP_BACKWARD_NO_INTERRUPT,
# POP_JUMP_IF_{FALSE,TRUE,NONE,NOT_NONE} -> POP_JUMP_{FORWARD,BACKWARD}_IF_*),
# or written by write_instr() (EXTENDED_ARG for opargs above 255, which dis
# reports as separate instructions).
EXCLUDED = {
    # Only the inline-cache entries that write_instr() appends after
    # instructions with caches (LOAD_ATTR, CALL, BINARY_OP, ...) use this
    # opcode; it is never an instruction of its own and
    # dis.get_instructions() skips cache entries (show_caches=False).
    "CACHE": "inline-cache entries only; dis skips them",
}

EXPECTED_VERSION = (3, 11)


def expected_opcodes():
    return set(opcode.opmap) - set(EXCLUDED)


def is_repl_file(text):
    first = text.split("\n", 1)[0].rstrip("\r")
    return first == REPL_MARKER


def optimize_level(text):
    """-O / -OO among the file's conformance flags strip asserts (and docstrings),
    so compile at the same optimization level the runner will use."""
    level = 0
    for line in text.splitlines():
        if not line.startswith("#"):
            break
        if line.startswith(FLAGS_MARKER):
            for flag in shlex.split(line[len(FLAGS_MARKER):]):
                if len(flag) >= 2 and flag[0] == "-" and set(flag[1:]) == {"O"}:
                    level += len(flag) - 1
    return min(level, 2)


def compile_file(path):
    """Return the list of top-level code objects for one corpus file."""
    with warnings.catch_warnings():
        # compile-time SyntaxWarnings belong to the program's own run, not to this report
        warnings.simplefilter("ignore")
        return _compile_file(path)


def _compile_file(path):
    with open(path, "rb") as f:
        raw = f.read()
    text = raw.decode("utf-8")
    name = os.path.basename(path)
    optimize = optimize_level(text)
    if is_repl_file(text):
        tree = ast.parse(text, name, "exec")
        codes = []
        for stmt in tree.body:
            node = ast.Interactive(body=[stmt])
            codes.append(compile(node, name, "single", dont_inherit=True, optimize=optimize))
        return codes
    return [compile(raw, name, "exec", dont_inherit=True, optimize=optimize)]


def walk_code(code):
    yield code
    for const in code.co_consts:
        if isinstance(const, type(code)):
            yield from walk_code(const)


def opcodes_of(codes):
    counts = {}
    for top in codes:
        for code in walk_code(top):
            for ins in dis.get_instructions(code, adaptive=False):
                counts[ins.opname] = counts.get(ins.opname, 0) + 1
    return counts


def main(argv=None):
    parser = argparse.ArgumentParser(description="Opcode coverage of a conformance corpus")
    parser.add_argument("folder", help="folder holding the corpus (*.py)")
    parser.add_argument("--where", action="append", default=[], metavar="OPNAME",
                        help="list the corpus files an opcode appears in (repeatable)")
    parser.add_argument("--rare", type=int, default=0, metavar="N",
                        help="also list opcodes found in at most N files, with those files")
    args = parser.parse_args(argv)

    if sys.version_info[:2] != EXPECTED_VERSION:
        print("opcode_coverage: needs CPython %d.%d, running %d.%d"
              % (EXPECTED_VERSION + sys.version_info[:2]), file=sys.stderr)
        return 2
    if not os.path.isdir(args.folder):
        print("opcode_coverage: not a folder: %s" % args.folder, file=sys.stderr)
        return 2

    expected = expected_opcodes()
    for name in args.where:
        if name not in opcode.opmap:
            print("opcode_coverage: unknown opcode %s" % name, file=sys.stderr)
            return 2

    files = sorted(f for f in os.listdir(args.folder)
                   if f.endswith(".py") and os.path.isfile(os.path.join(args.folder, f)))
    per_file = {}
    failed = []
    for fname in files:
        try:
            per_file[fname] = opcodes_of(compile_file(os.path.join(args.folder, fname)))
        except (SyntaxError, ValueError, UnicodeDecodeError) as exc:
            failed.append(fname)
            print("opcode_coverage: cannot compile %s: %s: %s"
                  % (fname, type(exc).__name__, exc), file=sys.stderr)

    seen = {}
    for fname, counts in per_file.items():
        for name, n in counts.items():
            seen.setdefault(name, []).append((fname, n))

    covered = expected & set(seen)
    missing = sorted(expected - covered)
    print("files: %d" % len(files))
    print("covered: %d/%d opcodes" % (len(covered), len(expected)))
    print("excluded: %s" % ", ".join(sorted(EXCLUDED)))
    for name in missing:
        print("missing: %s" % name)

    for name in args.where:
        where = seen.get(name, [])
        print("where %s: %d file(s)" % (name, len(where)))
        for fname, n in sorted(where):
            print("  %s (%d)" % (fname, n))

    if args.rare:
        print("opcodes found in at most %d file(s):" % args.rare)
        for name in sorted(covered, key=lambda k: (len(seen[k]), k)):
            if len(seen[name]) <= args.rare:
                print("  %s: %s" % (name, ", ".join(f for f, _ in sorted(seen[name]))))

    if failed:
        return 2
    return 1 if missing else 0


if __name__ == "__main__":
    sys.exit(main())
