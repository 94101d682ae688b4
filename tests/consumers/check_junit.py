#!/usr/bin/python3
"""Reads gklint's JUnit XML with junitparser (Debian's python3-junitparser, a JUnit XML library CI
tools use) and checks what a consumer relies on: each suite's tests/failures/errors equal what
its testcases hold, and every testcase is named and has a classname.
Prints "suites=N tests=T failures=F errors=E" for the whole report. Exit 1 on a mismatch.
Usage: check_junit.py REPORT.xml"""
import sys

from junitparser import Error, Failure, JUnitXml

xml = JUnitXml.fromfile(sys.argv[1])
problems = []
totals = {"suites": 0, "tests": 0, "failures": 0, "errors": 0}
for suite in xml:
    cases = list(suite)
    failures = sum(1 for c in cases if any(isinstance(r, Failure) for r in c.result))
    errors = sum(1 for c in cases if any(isinstance(r, Error) for r in c.result))
    for name, declared, counted in (("tests", suite.tests, len(cases)), ("failures", suite.failures, failures),
                                    ("errors", suite.errors, errors)):
        if declared != counted:
            problems.append(f"{suite.name}: {name}={declared} but {counted} testcases")
    for c in cases:
        if not c.name or not c.classname:
            problems.append(f"{suite.name}: a testcase without name or classname")
        for r in c.result:
            if isinstance(r, (Failure, Error)) and (not r.message or not r.type or not (r.text or "").strip()):
                problems.append(f"{suite.name}: {c.name}: a {r._tag} without message, type or text")
    totals["suites"] += 1
    totals["tests"] += len(cases)
    totals["failures"] += failures
    totals["errors"] += errors
for p in problems:
    print("check_junit:", p)
print(" ".join(f"{k}={v}" for k, v in totals.items()))
sys.exit(1 if problems else 0)
