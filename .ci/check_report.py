"""Checks the demo run's report the way an auditor would receive it.

usage: check_report.py TARGET_DIR [--min-trend N] [--browser]

TARGET_DIR is sample-suite/target. Fails (exit 1, one line per problem) unless:
  - every verdict is present, the four named categories are in the results and in the report;
  - every control result carries its verdict label and a one-line message (its finding), and the verdict counts of
    the results, the environment's Results row and the compliance matrix CSV agree;
  - every control result whose description points to its control's page (why it matters, remediation) has it attached,
    and, unless not applicable, evidence:
    JSON attachments, one per record with its type and provenance, each file shared by every result that used it;
  - waivers are in use: one result waived, one failing with an expired waiver, both listed in the environment;
  - the compliance matrix is in the report and beside it (HTML and CSV), with a line per control result;
  - nothing the run wrote holds a credential: access key ids, secret keys, session tokens, lab secrets
    (the single-file report is scanned after decoding its embedded data);
  - no page loads anything from another host: no external script/style/frame/image in the report or in any
    result's description, and (with --browser) headless Chromium, its outside requests trapped, sees none;
  - the trend has at least N runs (--min-trend).
"""
import base64
import csv
import gzip
import json
import pathlib
import re
import shutil
import socket
import subprocess
import sys
import tempfile
import threading

CATEGORIES = ["Non-compliant", "Unable to assess", "Not applicable", "Waived"]
SECRET = re.compile(rb"(?<![A-Z0-9])(AKIA|ASIA)[A-Z0-9]{16}(?![A-Z0-9])|labSecretKey|LabSessionToken|LabRootSessionToken"
                    rb"|aws_secret_access_key|(?<![A-Za-z0-9/+=])(?=[A-Za-z0-9/+]*[a-z])(?=[A-Za-z0-9/+]*[A-Z])(?=[A-Za-z0-9/+]*[0-9])"
                    rb"[A-Za-z0-9/+]{40}(?![A-Za-z0-9/+=])")
EXTERNAL = re.compile(r"<(script|link|iframe|img|embed|object|source|video|audio)\b[^>]*?\b(src|href|data)\s*=\s*[\"']?\s*(https?:)?//",
                      re.IGNORECASE)
EMBEDDED = re.compile(r'<script type="application/gzip;base64" id="(rootposture-data(?:-index)?)">([A-Za-z0-9+/=\s]*)</script>')
BROWSER_SERVICES = {"update.googleapis.com", "accounts.google.com", "clients2.google.com"}

problems = []


def problem(text):
    problems.append(text)


def embedded(html):
    """The files the single-file report carries, unpacked: name -> bytes (one gzip stream and its index of offsets)."""
    blobs = {name: gzip.decompress(base64.b64decode(data)) for name, data in EMBEDDED.findall(html)}
    if "rootposture-data" not in blobs or "rootposture-data-index" not in blobs:
        return {}
    files = blobs["rootposture-data"]
    return {name: files[offset:offset + length] for name, (offset, length) in json.loads(blobs["rootposture-data-index"]).items()}


def latest_results(results_dir):
    latest = {}
    for path in results_dir.glob("*-result.json"):
        result = json.loads(path.read_text(encoding="utf-8"))
        key = result.get("historyId", path.name)
        if key not in latest or result.get("stop", 0) >= latest[key].get("stop", 0):
            latest[key] = result
    return list(latest.values())


def labels(result, name):
    return [label["value"] for label in result.get("labels", []) if label["name"] == name]


def message(result):
    return result.get("statusDetails", {}).get("message", "")


def trace(result):
    return result.get("statusDetails", {}).get("trace", "") or ""


def verdict(result):
    """The verdict label the framework writes on every posture result."""
    found = labels(result, "verdict")
    return found[0] if found else None


def check_verdicts_and_evidence(results_dir, results):
    statuses = {r["status"] for r in results}
    for status in ("passed", "failed", "broken", "skipped"):
        if status not in statuses:
            problem(f"no result has status {status}: a verdict is missing from the report")
    categories = json.loads((results_dir / "categories.json").read_text(encoding="utf-8"))
    names = [c["name"] for c in categories]
    for name in CATEGORIES:
        if name not in names:
            problem(f"categories.json in the results has no category '{name}'")
    for r in results:
        if not labels(r, "control"):
            continue
        if verdict(r) is None:
            problem(f"{r['fullName']} [{r['name']}] has no verdict label")
        accounts = [p["value"] for p in r.get("parameters", []) if p["name"] == "account"]
        if len(accounts) != 1 or not re.fullmatch(r"\d{12}", accounts[0]):
            problem(f"[{r['name']}] should have one account parameter, its 12-digit id: {accounts}")
        if "\n" in message(r):
            problem(f"the message of [{r['name']}] is more than its finding's one line: '{message(r)[:80]}'")
        page = "About the control: why it matters, remediation, references"
        if page in r.get("descriptionHtml", "") and not any(
                a.get("name") == page and (results_dir / a["source"]).is_file() for a in r.get("attachments", [])):
            problem(f"{r['fullName']} [{r['name']}] refers to its control's page but has none attached")
        evidence = [a for a in r.get("attachments", []) if a.get("type") == "application/json"]
        if not evidence and verdict(r) != "NOT_APPLICABLE":
            problem(f"{r['fullName']} [{r['name']}] has no evidence attached")
        for attachment in evidence:
            record = json.loads((results_dir / attachment["source"]).read_text(encoding="utf-8"))
            if "type" not in record or "provenance" not in record:
                problem(f"the evidence '{attachment['name']}' of [{r['name']}] is not a record with its type and provenance")


def check_waivers(results, environment):
    waived = [r for r in results if verdict(r) == "WAIVED" and message(r).startswith("Waived until ")]
    expired = [r for r in results if verdict(r) == "FAIL" and "(The waiver expired on " in trace(r)]
    if not waived:
        problem("no result is waived (skipped with 'Waived until ...')")
    if not expired:
        problem("no failing result mentions an expired waiver")
    summary = environment.get("Waivers", "")
    if "1 in force" not in summary or "1 expired" not in summary:
        problem(f"the environment's Waivers row does not list one live and one expired waiver: '{summary}'")
    if not any(key.startswith("Waiver ") and value.startswith("EXPIRED on ") for key, value in environment.items()):
        problem("the environment lists no expired waiver")


def check_matrix(report_dir, html, results):
    if 'id="rootposture-panel"' not in html or 'id="rootposture-matrix"' not in html:
        problem("the report does not carry the compliance matrix panel")
    for name in ("compliance-matrix.html", "compliance-matrix.csv"):
        if not (report_dir / name).is_file():
            problem(f"{name} is missing beside the report")
    if (report_dir / "compliance-matrix.csv").is_file():
        with open(report_dir / "compliance-matrix.csv", encoding="utf-8", newline="") as f:
            rows = list(csv.DictReader(f))
        cells = {(labels(r, "control")[0], next((p["value"] for p in r.get("parameters", []) if p["name"] == "region"), ""),
                  next((p["value"] for p in r.get("parameters", []) if p["name"] == "account" and re.fullmatch(r"\d{12}", p["value"])), ""))
                 for r in results if labels(r, "control")}
        if len(rows) != len(cells):
            problem(f"compliance-matrix.csv has {len(rows)} lines but the results have {len(cells)} control × region × account cells")
        verdicts = {row["verdict"] for row in rows}
        for name in ("PASS", "FAIL", "UNABLE_TO_ASSESS", "NOT_APPLICABLE", "WAIVED"):
            if name not in verdicts:
                problem(f"compliance-matrix.csv has no {name} cell")
            in_csv = sum(1 for row in rows if row["verdict"] == name)
            in_results = sum(1 for r in results if labels(r, "control") and verdict(r) == name)
            if in_csv != in_results:
                problem(f"{name}: {in_results} results but {in_csv} cells in compliance-matrix.csv")


def check_no_secrets(target_dir, files):
    for path in sorted(p for p in target_dir.rglob("*") if p.is_file()):
        if "allure-commandline" in path.parts or path.suffix in (".jar", ".class", ".png", ".zip"):
            continue
        content = path.read_bytes()
        blobs = [content]
        if path.name == "index.html":
            blobs += list(embedded(content.decode("utf-8", errors="replace")).values())
        for blob in blobs:
            found = SECRET.search(blob)
            if found:
                problem(f"{path.relative_to(target_dir)} holds a credential-like value ('{found.group()[:8].decode()}...')")
                break
    for name, content in files.items():
        text = content.decode("utf-8", errors="replace")
        found = EXTERNAL.search(text) if name.startswith("data/test-cases/") else None
        if found:
            problem(f"the report's {name} loads from another host: {found.group()}")


def check_static_offline(html):
    visible = re.sub(r"[A-Za-z0-9+/]{64,}={0,2}", "", html)
    found = EXTERNAL.search(visible)
    if found:
        problem(f"the report loads from another host: {found.group()}")
    if re.search(r"googletagmanager|gtag\(", visible):
        problem("the report embeds an analytics script")


def check_trend(files, minimum):
    trend = json.loads(files.get("widgets/history-trend.json", b"[]"))
    if len(trend) < minimum:
        problem(f"the trend shows {len(trend)} run(s), expected at least {minimum}")


class Trap:
    """A proxy that refuses every request and records it."""

    def __init__(self):
        self.requests = []
        self.server = socket.socket()
        self.server.bind(("127.0.0.1", 0))
        self.server.listen(50)
        threading.Thread(target=self.serve, daemon=True).start()

    def serve(self):
        while True:
            try:
                client, _ = self.server.accept()
            except OSError:
                return
            with client:
                line = client.recv(4096).split(b"\r\n")[0].decode(errors="replace")
                self.requests.append(line)
                client.sendall(b"HTTP/1.1 403 Forbidden\r\nContent-Length: 0\r\nConnection: close\r\n\r\n")

    def page_requests(self):
        def host(line):
            target = line.split(" ")[1] if " " in line else line
            return re.sub(r":\d+$", "", re.sub(r"[/?#].*$", "", re.sub(r"^[a-z]+://", "", target)))
        return [r for r in self.requests if r and host(r) not in BROWSER_SERVICES]


def chromium(trap, *arguments):
    executable = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if not executable:
        problem("chromium is not installed: apt-get update && apt-get install -y chromium")
        return ""
    with tempfile.TemporaryDirectory() as profile:
        command = [executable, "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                   "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic", "--disable-default-apps",
                   "--disable-features=NetworkTimeServiceQuerying,Translate,MediaRouter", f"--user-data-dir={profile}",
                   f"--proxy-server=http://127.0.0.1:{trap.server.getsockname()[1]}", "--proxy-bypass-list=<-loopback>",
                   "--virtual-time-budget=8000", *arguments]
        return subprocess.run(command, capture_output=True, text=True, timeout=120).stdout


def check_in_browser(index, results, screenshot):
    trap = Trap()
    url = index.resolve().as_uri()
    suites = chromium(trap, "--dump-dom", url + "#suites")
    shown = {status: int(count) for status, count in
             re.findall(r'y-label_status_(\w+)" data-status="\w+"[^>]*>\s*(\d+)\s*<', suites)}
    for status in ("passed", "failed", "broken", "skipped"):
        expected = sum(1 for r in results if r["status"] == status)
        if shown.get(status) != expected:
            problem(f"the report shows {shown.get(status)} {status} results, the results hold {expected}")
    categories = chromium(trap, "--dump-dom", url + "#categories")
    names = [n.strip() for n in re.findall(r'class="node__name">\s*([^<]*?)\s*<', categories)]
    for name in CATEGORIES:
        if name not in names:
            problem(f"the report's Categories page does not show '{name}'")
    overview = chromium(trap, "--dump-dom", url)
    if 'id="rootposture-panel"' not in overview:
        problem("the rendered overview has no compliance matrix panel")
    chromium(trap, f"--screenshot={screenshot}", "--window-size=1400,1000", url)
    if not screenshot.is_file() or screenshot.stat().st_size < 20_000:
        problem(f"no screenshot of the report at {screenshot}")
    trap.server.close()
    for request in trap.page_requests():
        problem(f"the report made an outside request: {request}")
    print(f"browser: {shown} shown; categories {[n for n in names if n in CATEGORIES]}; screenshot {screenshot}")


def main():
    target_dir = pathlib.Path(sys.argv[1])
    minimum_trend = int(sys.argv[sys.argv.index("--min-trend") + 1]) if "--min-trend" in sys.argv else 1
    results_dir = target_dir / "allure-results"
    report_dir = target_dir / "allure-report"
    index = report_dir / "index.html"
    if not index.is_file():
        print(f"the report {index} is missing", file=sys.stderr)
        sys.exit(1)
    html = index.read_text(encoding="utf-8")
    files = embedded(html)
    if not files:
        problem(f"{index} does not carry its files compressed (rootposture-data and rootposture-data-index)")
    results = latest_results(results_dir)
    environment = {row["name"]: row["values"][0] for row in json.loads(files.get("widgets/environment.json", b"[]"))}
    report_categories = {item["name"] for item in json.loads(files.get("widgets/categories.json", b'{"items": []}'))["items"]}
    for name in CATEGORIES:
        if name not in report_categories:
            problem(f"the report's categories do not include '{name}'")
    for key in ("Organization", "Accounts", "Controls", "Results", "Run", "Framework version", "Partition", "Regions"):
        if key not in environment:
            problem(f"the report's environment has no '{key}'")
    counted = {name: sum(1 for r in results if verdict(r) == name)
               for name in ("PASS", "FAIL", "UNABLE_TO_ASSESS", "NOT_APPLICABLE", "WAIVED")}
    expected = (f"{len(results)} results: {counted['PASS']} compliant, {counted['FAIL']} non-compliant, "
                f"{counted['UNABLE_TO_ASSESS']} unable to assess, {counted['NOT_APPLICABLE']} not applicable, {counted['WAIVED']} waived")
    if environment.get("Results") != expected:
        problem(f"the environment's Results row '{environment.get('Results')}' differs from the results: '{expected}'")
    if not json.loads(files.get("widgets/executors.json", b"[]")):
        problem("the report has no executor")

    check_verdicts_and_evidence(results_dir, results)
    check_waivers(results, environment)
    check_matrix(report_dir, html, results)
    check_no_secrets(target_dir, files)
    check_static_offline(html)
    check_trend(files, minimum_trend)
    if "--browser" in sys.argv:
        check_in_browser(index, results, target_dir / "report-overview.png")

    statuses = {s: sum(1 for r in results if r["status"] == s) for s in ("passed", "failed", "broken", "skipped")}
    print(f"{len(results)} results {statuses}; environment: {environment.get('Waivers')}; "
          f"trend {len(json.loads(files.get('widgets/history-trend.json', b'[]')))} run(s)")
    if problems:
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    print("report checks passed")


if __name__ == "__main__":
    main()
