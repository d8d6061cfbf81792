"""Fails unless the demo run produced a report with every verdict, every control labelled, and evidence attached."""
import json
import pathlib
import re
import sys

results_dir = pathlib.Path(sys.argv[1])
report = pathlib.Path(sys.argv[2])
problems = []

if not report.is_file():
    problems.append(f"the report {report} is missing")
else:
    html = report.read_text(encoding="utf-8")
    if re.search(r"googletagmanager|gtag\(", html):
        problems.append("the report embeds an analytics script")

results = [json.loads(p.read_text(encoding="utf-8")) for p in results_dir.glob("*-result.json")]
statuses = {r["status"] for r in results}
for status in ("passed", "failed", "broken", "skipped"):
    if status not in statuses:
        problems.append(f"no result has status {status}: a verdict is missing from the report")

secret = re.compile(r"(AKIA|ASIA)[A-Z0-9]{16}|labSecretKey|LabSessionToken")
for path in results_dir.iterdir():
    if path.is_file() and secret.search(path.read_text(encoding="utf-8", errors="replace")):
        problems.append(f"{path.name} contains a credential")

for r in results:
    labels = {l["name"]: l["value"] for l in r.get("labels", [])}
    if "control" in labels and not r.get("attachments"):
        problems.append(f"{r['fullName']} [{r['name']}] has no evidence attached")

print(f"{len(results)} results, statuses {sorted(statuses)}")
if problems:
    print("\n".join(problems), file=sys.stderr)
    sys.exit(1)
print("report checks passed")
