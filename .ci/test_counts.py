"""Adds up the Surefire reports of every module but the sample suite (whose results are posture verdicts, written by
the main job): prints 'tests: N passed, N failed, N skipped'.

usage: test_counts.py ROOT
"""
import pathlib
import sys
import xml.etree.ElementTree as ET

passed = failed = skipped = 0
for report in pathlib.Path(sys.argv[1]).glob("*/target/surefire-reports/TEST-*.xml"):
    if report.parts[-4] == "sample-suite":
        continue
    suite = ET.parse(report).getroot()
    tests, failures, errors, skips = (int(suite.get(name, 0)) for name in ("tests", "failures", "errors", "skipped"))
    passed += tests - failures - errors - skips
    failed += failures + errors
    skipped += skips
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
