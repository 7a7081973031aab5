#!/usr/bin/env python3
"""The whole-run benchmark (issue 9): the `run` verb against a fresh sandbox, at one or more scales, N times each.

For every repetition it starts a new sandbox (its data generation is not timed), runs the app's `run` verb as a
child process, samples PSS (/proc/PID/smaps_rollup) over the app, Playwright's node driver and every Chromium
process every 50 ms, takes CPU seconds from the child's rusage (which includes every descendant that was waited
for), reads the stage times from the run summary, checks that every tab holds the truth's row count, and writes
a Markdown and a JSON report. scripts/bench-run.sh builds and starts Azurite, then calls this.
"""

import argparse
import datetime as dt
import json
import os
import platform
import signal
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from zoneinfo import ZoneInfo

SCALES = {
    "default": [],
    # Every generated row falls inside the exports' 7-day window, so the files hold all of them.
    "large": ["--transactions", "200000", "--point-transactions", "50000", "--users", "20000",
              "--coin-payments", "20000", "--history-days", "6"],
}
EXPORTS = ["transactions", "point_transactions", "users", "coin_payments"]
TARGETS = {"default": {"seconds": 10, "mib": 400}, "large": {"seconds": 180, "mib": 1024}}


def children_of():
    """Parent pid -> child pids, from /proc."""
    tree = {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as f:
                stat = f.read().decode("utf-8", "replace")
        except OSError:
            continue
        ppid = int(stat[stat.rfind(")") + 2:].split()[1])
        tree.setdefault(ppid, []).append(int(entry))
    return tree


def descendants(root):
    tree, found, todo = children_of(), [], [root]
    while todo:
        pid = todo.pop()
        found.append(pid)
        todo.extend(tree.get(pid, []))
    return found


def pss_kib(pid):
    try:
        with open(f"/proc/{pid}/smaps_rollup") as f:
            for line in f:
                if line.startswith("Pss:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return 0


def role(pid):
    try:
        with open(f"/proc/{pid}/cmdline", "rb") as f:
            cmd = f.read().replace(b"\0", b" ").decode("utf-8", "replace")
    except OSError:
        return "gone"
    if " run-driver" in cmd:
        return "driver"
    if "chrom" in cmd.split(" ")[0]:
        kind = next((a[7:] for a in cmd.split(" ") if a.startswith("--type=")), "browser")
        return f"chromium {kind}"
    return "app"


class Sampler(threading.Thread):
    """Peak PSS of a process tree, sampled every 50 ms, with the breakdown at the peak and every sample kept."""

    def __init__(self, root):
        super().__init__(daemon=True)
        self.root, self.stop, self.samples = root, threading.Event(), 0
        self.peak_kib, self.breakdown, self.max_processes = 0, {}, 0
        self.started, self.timeline = time.monotonic(), []

    def run(self):
        while not self.stop.is_set():
            parts = {}
            pids = descendants(self.root)
            for pid in pids:
                kib = pss_kib(pid)
                name = role(pid)
                parts[name] = parts.get(name, 0) + kib
            total = sum(parts.values())
            self.samples += 1
            self.timeline.append((round(time.monotonic() - self.started, 2), parts))
            self.max_processes = max(self.max_processes, len(pids))
            if total > self.peak_kib:
                self.peak_kib, self.breakdown = total, parts
            self.stop.wait(0.05)


def write_timeline(path, timeline):
    """Every sample as a CSV row (seconds since start, MiB per role and in all), to see when the peak falls."""
    roles = sorted({name for _, parts in timeline for name in parts})
    with open(path, "w") as f:
        f.write(",".join(["s", *roles, "total"]) + "\n")
        for seconds, parts in timeline:
            mib = [parts.get(name, 0) / 1024 for name in roles]
            f.write(",".join([str(seconds), *(f"{v:.1f}" for v in mib), f"{sum(mib):.1f}"]) + "\n")


def start_sandbox(repo, work, scale):
    settings = os.path.join(work, "sandbox.settings.json")
    log = open(os.path.join(work, "sandbox.log"), "w")
    dll = os.path.join(repo, "Andalan.Sandbox/bin/Release/net10.0/Andalan.Sandbox.dll")
    process = subprocess.Popen(
        ["dotnet", dll, "--port", "0", "--https-port", "0", "--settings-file", settings,
         "--work-dir", os.path.join(work, "sandbox"), *SCALES[scale]],
        stdout=log, stderr=subprocess.STDOUT, start_new_session=True)
    deadline = time.time() + 300
    while time.time() < deadline:
        if process.poll() is not None:
            raise SystemExit(f"the sandbox stopped; see {log.name}")
        with open(log.name) as f:
            if "Andalan sandbox ready" in f.read():
                with open(settings) as s:
                    return process, json.load(s)["Values"]
        time.sleep(0.25)
    raise SystemExit(f"the sandbox did not start in 5 minutes; see {log.name}")


def date_windows(repo):
    """Export -> days of its date window, from the app's default export definitions."""
    with open(os.path.join(repo, "Andalan.Functions/Exports/exports.defaults.json")) as f:
        definitions = json.load(f)["Andalan"]["Exports"]
    return {name: (d.get("Page") or {}).get("DateWindowDays") for name, d in definitions.items()}


def truth_rows(base_url, export, window_days):
    query = ""
    if window_days:
        today = dt.datetime.now(ZoneInfo("Asia/Jakarta")).date()
        query = f"?date_from={today - dt.timedelta(days=window_days - 1)}&date_to={today}"
    with urllib.request.urlopen(f"{base_url}_sandbox/truth/{export}{query}", timeout=120) as response:
        lines = response.read().decode("utf-8").splitlines()
    return max(0, len([line for line in lines if line]) - 1)


def cpu_seconds(usage):
    return usage.ru_utime + usage.ru_stime


def run_once(repo, app, scale, storage, work, extra_env):
    sandbox, values = start_sandbox(repo, work, scale)
    try:
        base = values["Andalan__Panel__BaseUrl"]
        summary_file = os.path.join(work, "summary.json")
        env = dict(os.environ, AzureWebJobsStorage=storage, **extra_env)
        with open(os.path.join(work, "run.log"), "w") as log:
            started = time.monotonic()
            child = subprocess.Popen(
                ["dotnet", app, "run", "--settings", os.path.join(work, "sandbox.settings.json"),
                 "--summary", summary_file],
                stdout=log, stderr=subprocess.STDOUT, env=env)
            sampler = Sampler(child.pid)
            sampler.start()
            _, status, usage = os.wait4(child.pid, 0)
            wall = time.monotonic() - started
            sampler.stop.set()
            sampler.join()
        write_timeline(os.path.join(work, "memory.csv"), sampler.timeline)
        with open(summary_file) as f:
            summary = json.load(f)
        windows = date_windows(repo)
        truth = {e: truth_rows(base, e, windows.get(e)) for e in EXPORTS}
        return measure(scale, wall, usage, sampler, summary, truth, os.waitstatus_to_exitcode(status), work)
    finally:
        os.killpg(sandbox.pid, signal.SIGTERM)
        sandbox.wait(timeout=30)


def measure(scale, wall, usage, sampler, summary, truth, exit_code, work):
    exports = {}
    for result in summary["exports"]:
        download, imported = result.get("download") or {}, result.get("import") or {}
        name = result["export"]
        exports[name] = {
            "succeeded": result["succeeded"],
            "rows": imported.get("rowsRead", 0),
            "truth_rows": truth.get(name),
            "new": imported.get("new", 0),
            "pages": imported.get("pages", 0),
            "download_s": round(download.get("seconds", 0), 3),
            "browser_start_s": round(download.get("browserStartSeconds", 0), 3),
            "login_s": round(download.get("loginSeconds", 0), 3),
            "extract_s": round(imported.get("readSeconds", 0), 3),
            "sync_s": round(imported.get("syncSeconds", 0), 3),
            "sheets_calls": imported.get("apiCalls", 0),
            "export_s": round(result.get("seconds", 0), 3),
            "error": result.get("error"),
        }
    complete = all(e["succeeded"] and e["rows"] == e["truth_rows"] for e in exports.values())
    pdf_pages = sum(e["pages"] for n, e in exports.items() if n != "transactions")
    pdf_read = sum(e["extract_s"] for n, e in exports.items() if n != "transactions")
    rows = sum(e["rows"] for e in exports.values())
    read = sum(e["extract_s"] for e in exports.values())
    return {
        "scale": scale,
        "exit_code": exit_code,
        "complete": complete,
        "wall_s": round(wall, 3),
        "run_s": round(summary_seconds(summary), 3),
        "cpu_s": round(cpu_seconds(usage), 2),
        "peak_pss_mib": round(sampler.peak_kib / 1024, 1),
        "peak_breakdown_mib": {k: round(v / 1024, 1) for k, v in sorted(sampler.breakdown.items())},
        "max_processes": sampler.max_processes,
        "samples": sampler.samples,
        "browser_start_s": max(e["browser_start_s"] for e in exports.values()),
        "login_s": max(e["login_s"] for e in exports.values()),
        "pdf_pages_per_s": round(pdf_pages / pdf_read, 1) if pdf_read else None,
        "rows_per_s_read": round(rows / read) if read else None,
        "rows_per_s_run": round(rows / wall),
        "exports": exports,
        "work": work,
    }


def summary_seconds(summary):
    start = dt.datetime.fromisoformat(summary["startedAt"])
    end = dt.datetime.fromisoformat(summary["endedAt"])
    return (end - start).total_seconds()


def machine():
    def first(path, key):
        try:
            with open(path) as f:
                for line in f:
                    if line.startswith(key):
                        return line.split(":", 1)[1].strip()
        except OSError:
            return None
    def version(cmd):
        try:
            return subprocess.run(cmd, capture_output=True, text=True, timeout=30).stdout.strip().splitlines()[0]
        except (OSError, IndexError, subprocess.TimeoutExpired):
            return None
    return {
        "cpu": first("/proc/cpuinfo", "model name"),
        "cores": os.cpu_count(),
        "memory": first("/proc/meminfo", "MemTotal"),
        "kernel": platform.release(),
        "dotnet": version(["dotnet", "--version"]),
        "chromium": version(["/usr/lib/chromium/chromium-headless-shell", "--version"]),
        "load_average_at_start": os.getloadavg(),
    }


def median(values):
    values = [v for v in values if v is not None]
    return round(statistics.median(values), 3) if values else None


def markdown(report):
    lines = [f"# Whole-run benchmark, {report['date']}", "",
             f"Machine: {report['machine']['cpu']}, {report['machine']['cores']} cores, "
             f"{report['machine']['memory']}, Linux {report['machine']['kernel']}, .NET SDK {report['machine']['dotnet']}, "
             f"{report['machine']['chromium']}; load average at the start "
             f"{', '.join(f'{x:.2f}' for x in report['machine']['load_average_at_start'])}.", "",
             "Each repetition is a first load: a new sandbox with empty sheets, then the `run` verb as its own process. "
             "Memory is the peak of PSS summed over the app, Playwright's node driver and every Chromium process "
             "(sampled every 50 ms); CPU is user + system seconds of the whole tree. Times are medians over the "
             "repetitions; the last columns are the worst.", ""]
    for scale, runs in report["scales"].items():
        target = TARGETS.get(scale, {})
        lines += [f"## {scale} scale", "",
                  "| rep | complete | wall s | CPU s | peak PSS MiB | app | driver | chromium | browser start s | login s |",
                  "|---|---|---|---|---|---|---|---|---|---|"]
        for i, r in enumerate(runs, 1):
            b = r["peak_breakdown_mib"]
            chromium = round(sum(v for k, v in b.items() if k.startswith("chromium")), 1)
            lines.append(f"| {i} | {'yes' if r['complete'] else 'NO'} | {r['wall_s']} | {r['cpu_s']} | {r['peak_pss_mib']} "
                         f"| {b.get('app', 0)} | {b.get('driver', 0)} | {chromium} | {r['browser_start_s']} | {r['login_s']} |")
        lines += ["", "| export | rows | pages | download s | extract s | sync s | Sheets calls |", "|---|---|---|---|---|---|---|"]
        for export in EXPORTS:
            per = [r["exports"][export] for r in runs if export in r["exports"]]
            lines.append(f"| {export} | {per[0]['rows']} | {per[0]['pages']} | {median([p['download_s'] for p in per])} "
                         f"| {median([p['extract_s'] for p in per])} | {median([p['sync_s'] for p in per])} "
                         f"| {max(p['sheets_calls'] for p in per)} |")
        wall = median([r["wall_s"] for r in runs])
        worst_wall = max(r["wall_s"] for r in runs)
        peak = max(r["peak_pss_mib"] for r in runs)
        lines += ["",
                  f"Median wall {wall} s (worst {worst_wall} s) against {target.get('seconds')} s; "
                  f"peak PSS {peak} MiB (worst) against {target.get('mib')} MiB; "
                  f"median CPU {median([r['cpu_s'] for r in runs])} s; "
                  f"PDF {median([r['pdf_pages_per_s'] for r in runs])} pages/s read; "
                  f"{median([r['rows_per_s_read'] for r in runs])} rows/s read, "
                  f"{median([r['rows_per_s_run'] for r in runs])} rows/s over the whole run.", ""]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", required=True)
    parser.add_argument("--app", required=True, help="Andalan.Functions.dll to run")
    parser.add_argument("--storage", required=True, help="AzureWebJobsStorage connection string (Azurite)")
    parser.add_argument("--scale", action="append", choices=sorted(SCALES), help="default: both")
    parser.add_argument("--reps", type=int, default=3)
    parser.add_argument("--out", required=True, help="folder for the reports")
    parser.add_argument("--env", action="append", default=[], metavar="NAME=VALUE",
                        help="a setting for the app, e.g. Andalan__Panel__LeanChromium=false (repeatable)")
    args = parser.parse_args()
    extra_env = dict(item.split("=", 1) for item in args.env)
    scales = args.scale or ["default", "large"]
    os.makedirs(args.out, exist_ok=True)
    report = {"date": dt.datetime.now(dt.timezone.utc).strftime("%Y-%m-%d %H:%M UTC"), "machine": machine(),
              "app": args.app, "settings": extra_env, "targets": TARGETS, "scales": {}}
    for scale in scales:
        for rep in range(1, args.reps + 1):
            work = tempfile.mkdtemp(prefix=f"andalan-bench-{scale}-{rep}-")
            print(f"[bench] {scale} scale, repetition {rep} of {args.reps} (work folder {work})", file=sys.stderr)
            result = run_once(args.repo, args.app, scale, args.storage, work, extra_env)
            report["scales"].setdefault(scale, []).append(result)
            print(f"[bench]   {'complete' if result['complete'] else 'INCOMPLETE'}: {result['wall_s']} s wall, "
                  f"{result['cpu_s']} s CPU, peak {result['peak_pss_mib']} MiB {result['peak_breakdown_mib']}",
                  file=sys.stderr)
    stamp = dt.datetime.now(dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")
    with open(os.path.join(args.out, f"whole-run-{stamp}.json"), "w") as f:
        json.dump(report, f, indent=2)
    text = markdown(report)
    with open(os.path.join(args.out, f"whole-run-{stamp}.md"), "w") as f:
        f.write(text + "\n")
    print(text)
    print(f"\nReports: {args.out}/whole-run-{stamp}.md and .json", file=sys.stderr)
    incomplete = [r for runs in report["scales"].values() for r in runs if not r["complete"]]
    return 1 if incomplete else 0


if __name__ == "__main__":
    sys.exit(main())
