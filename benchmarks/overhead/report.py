#!/usr/bin/env python3
"""Turns one overhead session (the run directories overhead.sh wrote) into a markdown table, a PNG chart and a CSV.

Usage: report.py SESSION_DIR OUTPUT_PREFIX   (writes OUTPUT_PREFIX.md, .png, -runs.csv)

Each value is the median over rounds with min-max; each delta is the median over rounds of (agent - no agent)
within the same round, so that drift of a shared machine between rounds cancels out.
"""
import csv
import json
import re
import statistics
import sys
from pathlib import Path

AGENTS = ("none", "otel", "otelite")
AGENT_LABELS = {"none": "no agent", "otel": "OpenTelemetry agent", "otelite": "otelite"}
APP_LABELS = {
    "testapp": "testapp, GET /orders (servlet + JDBC)",
    "tomcat": "Tomcat examples, GET /examples/servlets/servlet/HelloWorldExample",
    "springboot3": "Spring Boot 3 fat jar (testapp-spring-boot3), GET /api/owners/1, /owners/1, /greetings/x in turn "
                   "(MVC, JPA over H2, Thymeleaf)",
}
APPS = ("testapp", "tomcat", "springboot3")
EXPORT_LABELS = {"otlp": "OTLP http/protobuf to a local receiver that discards", "none": "all exporters none"}


class Measure:
    """One row of the table. `budget` (the issue's budget, against the OpenTelemetry Java agent): ("delta", k) =
    otelite's delta at most k times OTel's; ("below"|"above", None) = otelite's median below / above OTel's;
    ("jar", k) = otelite's jar at most k times OTel's."""

    def __init__(self, key, label, unit, digits, budget=None, budget_text=None, chart=None):
        self.key, self.label, self.unit, self.digits = key, label, unit, digits
        self.budget, self.budget_text, self.chart = budget, budget_text, chart


MEASURES = [
    Measure("startup_ms", "start-up to first 200", "ms", 0, ("delta", 0.1), "Δ ≤ 1/10 of OTel's", "start-up"),
    Measure("startup_cpu_ms", "CPU time until first 200", "ms", 0, None, None, "start-up\nCPU"),
    # at the fixed rate: the same work for every agent
    Measure("cpu_us_per_request", "CPU per request, fixed rate", "µs", 1, ("delta", 0.25), "Δ ≤ ¼ of OTel's",
            "CPU per\nrequest"),
    Measure("alloc_bytes_per_request", "allocated per request, fixed rate", "B", 0, ("delta", 0.25),
            "Δ ≤ ¼ of OTel's", "allocated per\nrequest"),
    Measure("p50_ms", "latency p50, fixed rate", "ms", 2, None, None, "p50"),
    Measure("p99_ms", "latency p99, fixed rate", "ms", 2, ("below", None), "< OTel's", "p99"),
    Measure("fixed_rate_per_s", "rate achieved, fixed rate", "req/s", 0),
    # as fast as the application answers
    Measure("requests_per_s", "throughput, full load", "req/s", 0, ("above", None), "> OTel's", "throughput"),
    Measure("cpu_us_per_request_full", "CPU per request, full load", "µs", 1),
    Measure("p99_ms_full", "latency p99, full load", "ms", 2),
    Measure("rss_mib", "RSS after load", "MiB", 0, ("delta", 0.25), "Δ ≤ ¼ of OTel's", "RSS"),
    Measure("heap_used_mib", "heap used after load", "MiB", 0),
    Measure("heap_live_mib", "heap after full GC", "MiB", 1, None, None, "heap after\nfull GC"),
    Measure("metaspace_mib", "metaspace used", "MiB", 1, None, None, "metaspace"),
    Measure("classes_loaded", "classes loaded", "", 0, None, None, "classes"),
    Measure("threads", "threads", "", 0, None, None, "threads"),
    Measure("jar_mb", "agent jar", "MB", 2, ("jar", 0.25), "≤ ¼ of OTel's"),
]


def read_env(path):
    values = {}
    for line in path.read_text().splitlines():
        if "=" in line:
            key, value = line.split("=", 1)
            values[key] = value
    return values


def number(env, key, scale=1.0):
    """A reading of run.env, or None where the tool that takes it failed."""
    value = env.get(key, "")
    return float(value) * scale if value else None


def to_ms(value, unit):
    return float(value) * {"us": 0.001, "ms": 1.0, "s": 1000.0, "m": 60000.0}[unit]


def parse_wrk(text):
    result = {}
    match = re.search(r"(\d+) requests in ([\d.]+)(\w+),", text)
    if match:
        result["requests"] = int(match.group(1))
    match = re.search(r"Requests/sec:\s+([\d.]+)", text)
    if match:
        result["requests_per_s"] = float(match.group(1))
    for percentile in ("50", "99"):
        match = re.search(r"^\s+" + percentile + r"%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        if match:
            result["p" + percentile + "_ms"] = to_ms(match.group(1), match.group(2))
    errors = 0
    match = re.search(r"Non-2xx or 3xx responses: (\d+)", text)
    if match:
        errors += int(match.group(1))
    match = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    if match:
        errors += sum(int(group) for group in match.groups())
    result["failed_requests"] = errors
    return result


def export_requests(run_dir):
    """OTLP requests the receiver got during the run, per signal."""
    try:
        before = json.loads((run_dir / "sink-before.json").read_text() or "{}")
        after = json.loads((run_dir / "sink-after.json").read_text() or "{}")
    except (OSError, ValueError):
        return {}
    counts = {}
    for path, entry in after.items():
        signal = path.rsplit("/", 1)[-1]
        counts[signal] = entry["requests"] - before.get(path, {}).get("requests", 0)
    return counts


def allocated_per_request(env, run_dir):
    """Bytes the application allocated during the allocation window divided by the requests served in it, or None
    where they could not be read."""
    alloc_file = run_dir / "wrk-alloc.txt"
    if not env.get("alloc_bytes") or not alloc_file.exists():
        return None
    requests = parse_wrk(alloc_file.read_text()).get("requests")
    return int(env["alloc_bytes"]) / requests if requests else None


def load_runs(session):
    runs, failed = [], []
    for run_dir in sorted(path for path in session.iterdir() if path.is_dir()):
        env_file, wrk_file, fixed_file = run_dir / "run.env", run_dir / "wrk.txt", run_dir / "wrk-fixed.txt"
        if not env_file.exists() or not wrk_file.exists() or not fixed_file.exists():
            failed.append(run_dir.name)
            continue
        env = read_env(env_file)
        wrk = parse_wrk(wrk_file.read_text())
        fixed = parse_wrk(fixed_file.read_text())
        if not wrk.get("requests") or not fixed.get("requests"):
            failed.append(run_dir.name)
            continue
        ticks_to_us = 1e6 / int(env["clk_tck"])
        exports = export_requests(run_dir)
        runs.append(
            {
                "run": run_dir.name,
                "app": env["app"],
                "agent": env["agent"],
                "exporters": env["exporters"],
                "round": int(env["round"]),
                "startup_ms": float(env["startup_ms"]),
                "startup_cpu_ms": number(env, "startup_cpu_ticks", 1000 / int(env["clk_tck"])),
                "cpu_us_per_request": int(env["fixed_cpu_ticks"]) * ticks_to_us / fixed["requests"],
                "alloc_bytes_per_request": allocated_per_request(env, run_dir),
                "p50_ms": fixed.get("p50_ms"),
                "p99_ms": fixed.get("p99_ms"),
                "fixed_rate_per_s": fixed.get("requests_per_s"),
                "requests": wrk["requests"] + fixed["requests"],
                "requests_per_s": wrk.get("requests_per_s"),
                "cpu_us_per_request_full": int(env["cpu_ticks"]) * ticks_to_us / wrk["requests"],
                "p99_ms_full": wrk.get("p99_ms"),
                "failed_requests": wrk["failed_requests"] + fixed["failed_requests"],
                "rss_mib": number(env, "rss_kb", 1 / 1024),
                "heap_used_mib": number(env, "heap_used_kb", 1 / 1024),
                "heap_live_mib": number(env, "heap_live_kb", 1 / 1024),
                "metaspace_mib": number(env, "metaspace_used_kb", 1 / 1024),
                "classes_loaded": number(env, "classes_loaded"),
                "threads": number(env, "threads"),
                "jar_mb": int(env["jar_bytes"]) / 1e6,
                "otlp_traces": exports.get("traces", 0),
                "otlp_metrics": exports.get("metrics", 0),
                "otlp_logs": exports.get("logs", 0),
                "loadavg": float(env["loadavg"]),
            }
        )
    return runs, failed


def runs_of(runs, app, agent, exporters):
    return [run for run in runs if run["app"] == app and run["agent"] == agent
            and (agent == "none" or run["exporters"] == exporters)]


def paired_deltas(baseline, runs, key):
    by_round = {run["round"]: run[key] for run in baseline if run[key] is not None}
    return [run[key] - by_round[run["round"]] for run in runs if run["round"] in by_round and run[key] is not None]


def median(values):
    return statistics.median(values) if values else None


def fmt(value, digits, signed=False):
    if value is None:
        return "–"
    text = f"{value:+,.{digits}f}" if signed else f"{value:,.{digits}f}"
    return text.replace(",", " ")


def fmt_spread(values, digits):
    if not values:
        return "–"
    if len(values) == 1:
        return fmt(values[0], digits)
    return f"{fmt(median(values), digits)} ({fmt(min(values), digits)}–{fmt(max(values), digits)})"


def fmt_delta(deltas, base, digits):
    if not deltas:
        return "–"
    delta = median(deltas)
    if base:
        return f"{fmt(delta, digits, True)} ({delta / base * 100:+.0f}%)"
    return fmt(delta, digits, True)


def saturated(runs):
    """Whether a run's fixed rate kept the application's core (it is pinned to one) at least 90% busy: then every
    process spends the same whole core, and CPU per request measures the rate, not the agent."""
    for run in runs:
        cpu, rate = run.get("cpu_us_per_request"), run.get("fixed_rate_per_s")
        if cpu is not None and rate and cpu * rate >= 0.9e6:
            return True
    return False


def budget_verdict(measure, otel_runs, otelite_runs, otel_deltas, otelite_deltas):
    """(met, text): met is True, False, or None where the runs cannot tell (a reading missing, or the OpenTelemetry
    agent adding nothing to compare with); text is the ratio the verdict rests on."""
    kind, factor = measure.budget
    if measure.key == "cpu_us_per_request" and saturated(otel_runs + otelite_runs):
        return None, "a process used its whole core at the fixed rate: lower it"
    if kind == "delta":
        otel, otelite = median(otel_deltas), median(otelite_deltas)
        if otel is None or otelite is None:
            return None, "–"
        if otel <= 0:
            return None, f"n/a (OTel Δ {fmt(otel, measure.digits, True)})"
        return otelite <= factor * otel, f"{otelite / otel:.2f}× OTel's Δ"
    otel = median([run[measure.key] for run in otel_runs if run[measure.key] is not None])
    otelite = median([run[measure.key] for run in otelite_runs if run[measure.key] is not None])
    if otel is None or otelite is None or otel == 0:
        return None, "–"
    if kind == "jar":
        met = otelite <= factor * otel
    else:
        met = otelite < otel if kind == "below" else otelite > otel
    return met, f"{otelite / otel:.2f}× OTel's"


def verdict_text(met, text):
    mark = {True: "✅ met", False: "❌ missed", None: "? unknown"}[met]
    return f"{mark}: {text}"


def table(runs, app, exporters):
    none = runs_of(runs, app, "none", exporters)
    otel = runs_of(runs, app, "otel", exporters)
    otelite = runs_of(runs, app, "otelite", exporters)
    lines = [
        "| measure | no agent | OTel agent | OTel Δ | otelite | otelite Δ | budget |",
        "|---|---:|---:|---:|---:|---:|---|",
    ]
    for measure in MEASURES:
        if measure.key == "jar_mb":
            values = {agent: [run[measure.key] for run in group] for agent, group in
                      (("otel", otel), ("otelite", otelite))}
            verdict = verdict_text(*budget_verdict(measure, otel, otelite, [], [])) if otel and otelite else "–"
            lines.append(f"| {measure.label} ({measure.unit}) | – | {fmt(median(values['otel']), 2)} | | "
                         f"{fmt(median(values['otelite']), 2)} | | {verdict} (budget {measure.budget_text}) |")
            continue
        base = median([run[measure.key] for run in none if run[measure.key] is not None])
        cells = [f"{measure.label} ({measure.unit})" if measure.unit else measure.label,
                 fmt_spread([run[measure.key] for run in none if run[measure.key] is not None], measure.digits)]
        deltas = {}
        for group in (otel, otelite):
            values = [run[measure.key] for run in group if run[measure.key] is not None]
            deltas[id(group)] = paired_deltas(none, group, measure.key)
            cells += [fmt_spread(values, measure.digits), fmt_delta(deltas[id(group)], base, measure.digits)]
        if measure.budget:
            verdict = budget_verdict(measure, otel, otelite, deltas[id(otel)], deltas[id(otelite)])
            cells.append(f"{verdict_text(*verdict)} (budget {measure.budget_text})")
        else:
            cells.append("")
        lines.append("| " + " | ".join(cells) + " |")
    failed = {agent: sum(run["failed_requests"] for run in group)
              for agent, group in (("none", none), ("otel", otel), ("otelite", otelite))}
    if any(failed.values()):
        lines.append(f"| failed requests (all rounds) | {failed['none']} | {failed['otel']} | | "
                     f"{failed['otelite']} | | |")
    if exporters == "otlp":
        def exported(group):
            return "/".join(str(sum(run[key] for run in group)) for key in ("otlp_traces", "otlp_metrics", "otlp_logs"))
        lines.append(f"| OTLP requests received, traces/metrics/logs (all rounds) | – | {exported(otel)} | | "
                     f"{exported(otelite)} | | |")
    rounds = sorted({run["round"] for run in none + otel + otelite})
    return "\n".join(lines), len(rounds)


def budget_summary(runs, combos):
    """One line per application and exporters, one column per budget line: met or missed, and the ratio."""
    budgeted = [measure for measure in MEASURES if measure.budget]
    lines = ["| application | exporters | " + " | ".join(f"{m.label} ({m.budget_text})" for m in budgeted) + " |",
             "|---|---|" + "---|" * len(budgeted)]
    for app, exporters in combos:
        none = runs_of(runs, app, "none", exporters)
        otel = runs_of(runs, app, "otel", exporters)
        otelite = runs_of(runs, app, "otelite", exporters)
        cells = []
        for measure in budgeted:
            if not otel or not otelite:
                cells.append("–")
                continue
            verdict = budget_verdict(measure, otel, otelite, paired_deltas(none, otel, measure.key),
                                     paired_deltas(none, otelite, measure.key))
            cells.append(verdict_text(*verdict))
        lines.append(f"| {app} | {exporters} | " + " | ".join(cells) + " |")
    return "\n".join(lines)


def relative_overheads(runs, app, exporters, agent):
    none = runs_of(runs, app, "none", exporters)
    group = runs_of(runs, app, agent, exporters)
    result = []
    for measure in MEASURES:
        if not measure.chart:
            continue
        base = median([run[measure.key] for run in none if run[measure.key] is not None])
        delta = median(paired_deltas(none, group, measure.key))
        result.append((measure.chart, delta / base * 100 if base and delta is not None else 0.0))
    return result


def chart(runs, combos, path, title):
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    fig, axes = plt.subplots(len(combos), 1, figsize=(11, 3.6 * len(combos)), squeeze=False)
    for axis, (app, exporters) in zip(axes[:, 0], combos):
        otel = relative_overheads(runs, app, exporters, "otel")
        otelite = relative_overheads(runs, app, exporters, "otelite")
        labels = [label for label, _ in otel]
        positions = range(len(labels))
        width = 0.38
        otel_bars = axis.bar([p - width / 2 for p in positions], [v for _, v in otel], width,
                             label="OpenTelemetry agent", color="#7b7b7b")
        otelite_bars = axis.bar([p + width / 2 for p in positions], [v for _, v in otelite], width, label="otelite",
                                color="#2a7ab9")
        for bars in (otel_bars, otelite_bars):
            axis.bar_label(bars, fmt="%+.0f", fontsize=7, padding=2)
        axis.axhline(0, color="black", linewidth=0.8)
        axis.set_xticks(list(positions))
        axis.set_xticklabels(labels)
        axis.set_ylabel("vs. no agent (%)")
        axis.set_title(f"{app}, exporters {exporters}", fontsize=10)
        axis.grid(axis="y", alpha=0.3)
        axis.legend(fontsize=8)
    fig.suptitle(title, fontsize=11)
    fig.tight_layout(rect=(0, 0, 1, 0.97))
    fig.savefig(path, dpi=110)


def write_csv(runs, path):
    if not runs:
        path.write_text("")
        return
    with path.open("w", newline="") as out:
        writer = csv.DictWriter(out, fieldnames=list(runs[0].keys()))
        writer.writeheader()
        for run in runs:
            writer.writerow({key: (f"{value:.4f}" if isinstance(value, float) else value) for key, value in run.items()})


def main():
    session, prefix = Path(sys.argv[1]), Path(sys.argv[2])
    settings = read_env(session / "session.env")
    runs, failed = load_runs(session)
    apps = [app for app in APPS if any(run["app"] == app for run in runs)]
    exports = [e for e in ("otlp", "none") if any(run["exporters"] == e for run in runs)]
    combos = [(app, e) for app in apps for e in exports]
    quick = settings.get("quick") == "1"
    command = ("QUICK=1 " if quick else "") + "benchmarks/overhead.sh"

    out = [
        f"# Overhead{' (QUICK sanity run)' if quick else ''}: no agent vs. OpenTelemetry Java agent "
        f"{settings.get('otel_agent_version')} vs. otelite",
        "",
        f"Measured {settings.get('started')} with `{command}`: {settings.get('rounds')} round(s), each application "
        f"started once per agent per round, interleaved; {settings.get('warmup_s')} s warm-up, then "
        f"{settings.get('duration_s')} s of full load (`wrk -t1 -c{settings.get('connections')}`, as fast as the "
        f"application answers), then {settings.get('duration_s')} s at a fixed rate of {settings.get('rate')} "
        f"requests a second ({settings.get('springboot3_rate', settings.get('rate'))} for the Spring Boot "
        "application; the same connections, `overhead/load.lua`), and last "
        f"{settings.get('alloc_duration_s', '–')} s more at that rate, over which allocated bytes are counted. "
        f"Machine: {settings.get('cpus')} cores ({settings.get('cpu_model')}), application pinned to one core, "
        f"wrk and the receiver to the other; {settings.get('java')}; "
        f"JVM options: `{settings.get('jvm_opts') or 'JVM defaults'}`; Tomcat {settings.get('tomcat_version')}.",
        "",
        f"Load average at start {settings.get('loadavg_start')}, at end {settings.get('loadavg_end')}: anything "
        "else running on the machine shows up as noise (the start-up and CPU numbers suffer most).",
        "",
        "Values: median over rounds (min–max). Δ: median over rounds of the difference to no agent in the same "
        "round (and relative to no agent's median). CPU per request: the server process's user+system CPU time "
        "during the load divided by the requests served. At full load each agent serves a different number of "
        "requests, and an agent whose export cannot keep up drops spans, so CPU per request and latency are judged "
        "at the fixed rate, where every process does the same work; throughput at full load. Heap after full GC: after `jcmd GC.run`. "
        "Allocated per request: the bytes every thread of the server process allocated during the last load "
        "(`ThreadMXBean.getTotalThreadAllocatedBytes`, exited threads included, read over JMX by "
        "`overhead/AllocationWindow.java`) divided by the requests served; export, GC and JIT threads count.",
        "",
    ]
    try:
        busy = float(settings.get("loadavg_start", "0").split()[0]) >= 0.5 * int(settings.get("cpus", "1"))
    except ValueError:
        busy = False
    if busy:
        out += ["**The machine was busy when this ran (load average above half its cores): these numbers are "
                "dominated by noise. Rerun on a quiet machine before drawing conclusions.**", ""]
    if combos:
        out += ["## Budget", "",
                "otelite's added cost as a fraction of the OpenTelemetry agent's (each against no agent, in the same "
                "round), against the budget of each line; p99 and throughput: otelite's own value against OTel's.", "",
                budget_summary(runs, combos), ""]
    for app, exporters in combos:
        text, rounds = table(runs, app, exporters)
        out += [f"## {APP_LABELS.get(app, app)}; {EXPORT_LABELS.get(exporters, exporters)}", "", text, ""]
    if failed:
        out += ["Runs without a result (the application did not start or served nothing; see their app.log): "
                + ", ".join(failed), ""]
    out += [f"![overhead relative to no agent]({prefix.name}.png)", ""]
    prefix.with_suffix(".md").write_text("\n".join(out))
    write_csv(runs, prefix.parent / (prefix.name + "-runs.csv"))
    if combos:
        chart(runs, combos, prefix.with_suffix(".png"),
              "Overhead relative to no agent (median of paired deltas; lower is better, throughput: higher)")
    print(prefix.with_suffix(".md").read_text())


if __name__ == "__main__":
    main()
