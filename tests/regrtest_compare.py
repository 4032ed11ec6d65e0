"""Compares two regrtest --junit-xml reports test case by test case.

Usage: regrtest_compare.py EXPECTED.xml ACTUAL.xml [KNOWN_DIFFERENCES.txt]
Prints every test case whose outcome differs (or that ran in only one report) and exits 1 if
there is any; exits 0 when both reports hold the same test cases with the same outcomes. Test
cases named in KNOWN_DIFFERENCES (one per line, '#' comments) are left out and listed.
"""

import sys
import xml.etree.ElementTree as ET


def outcomes(path):
    """Maps each test case name to 'passed', 'failed', 'error' or 'skipped: reason'."""
    result = {}
    for index, case in enumerate(ET.parse(path).getroot().iter("testcase")):
        name = case.get("name")
        if name is None:
            if len(case) == 0:
                continue  # regrtest writes empty <testcase/> elements around subtests
            name = f"<unnamed test case #{index}>"
        outcome = "passed"
        for child in case:
            if child.tag in ("failure", "error"):
                outcome = child.tag
                break
            if child.tag == "skipped":
                outcome = "skipped: " + (child.get("message") or child.text or "").strip()
        result[name] = outcome
    return result


def known_differences(path):
    with open(path, encoding="utf-8") as f:
        return {line.split("#")[0].strip() for line in f} - {""}


def main():
    expected, actual = (outcomes(p) for p in sys.argv[1:3])
    known = known_differences(sys.argv[3]) if len(sys.argv) > 3 else set()
    differences = []
    for name in sorted(expected.keys() | actual.keys()):
        want = expected.get(name, "not run")
        got = actual.get(name, "not run")
        if want != got:
            if name in known:
                print(f"known difference: {name}: python3 {want!r}, justjit {got!r}")
            else:
                differences.append(f"{name}: python3 {want!r}, justjit {got!r}")
    if not expected:
        differences.append("python3 ran no test case")
    for line in differences:
        print(line)
    print(f"{len(expected)} test cases under python3, {len(actual)} under justjit, "
          f"{len(differences)} differences")
    return 1 if differences else 0


if __name__ == "__main__":
    sys.exit(main())
