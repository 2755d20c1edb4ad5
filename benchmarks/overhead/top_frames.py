#!/usr/bin/env python3
"""Summarises the profiles overhead.sh took with PROFILE=1: for each application, exporters and agent, where the CPU
and the allocated bytes went, as markdown.

Usage: top_frames.py SESSION_DIR

Each run directory may hold profile-startup.collapsed (CPU samples from the JVM's start to the first 200, in a start
of its own), profile-cpu.collapsed (CPU samples by interval timer) and profile-alloc.collapsed (bytes), async-profiler's collapsed stacks with the thread as the root frame. Runs of the same application, agent and
exporters (several rounds) are added up. Three views of each profile:
- by thread: the request threads against the agents' own (exporters, span processors) and the JVM's (JIT, GC);
- by component, inclusive: the share of stacks that pass through each agent's code, its SDK, its exporters;
- the top frames by self count.
"""
import collections
import re
import sys
from pathlib import Path

# first match wins; matched against the frame names of a stack, innermost last
COMPONENTS = [
    ("OTLP marshalling (SDK)", re.compile(r"exporter\.internal\.(otlp|marshal)|\.proto\.")),
    ("JDK HttpClient (export)", re.compile(r"^jdk\.internal\.net\.http\.|^java\.net\.http\.")),
    ("OkHttp (export)", re.compile(r"okhttp3\.")),
    ("span processor / exporter (SDK)", re.compile(r"sdk\.trace\.export\.|sdk\.metrics\.export\.|sdk\.logs\.export\.")),
    ("SDK spans and metrics", re.compile(r"opentelemetry\.sdk\.(trace|metrics|logs|common)")),
    ("otelite instrumentation", re.compile(r"^io\.otelite\.(instrumentation|bootstrap|tooling)")),
    ("OTel agent instrumentation", re.compile(r"^io\.opentelemetry\.javaagent\.|opentelemetry\.instrumentation\.")),
    ("OpenTelemetry API and context", re.compile(r"opentelemetry\.(api|context)\.")),
    ("Byte Buddy", re.compile(r"net\.bytebuddy\.")),
    ("class loading, linking, verification (JVM)",
     re.compile(r"^(SystemDictionary|ClassFileParser|ClassLoader::|Verifier|ClassVerifier|LinkResolver|InstanceKlass::link)")),
]


def thread_group(root):
    """'[http-nio-127.0.0.1-41231-exec-7 tid=1234]' -> 'http-nio-127.0.0.1-N-exec-N'."""
    name = re.sub(r"\s*tid=\d+\]?$", "", root.strip("[]"))
    return re.sub(r"\d+", "N", name) or "?"


def read_profile(paths):
    stacks = collections.Counter()
    for path in paths:
        for line in path.read_text().splitlines():
            frames, _, count = line.rpartition(" ")
            if frames and count.isdigit():
                stacks[frames] += int(count)
    return stacks


def clean(frame):
    """'java/lang/StringBuilder.<init>_[j]' -> 'java.lang.StringBuilder.<init>'."""
    return re.sub(r"_\[[a-z0-9]+\]$", "", frame).replace("/", ".")


def summarise(stacks, unit, top=15):
    total = sum(stacks.values())
    if not total:
        return ["(no samples)"]
    by_thread, by_component, by_self = collections.Counter(), collections.Counter(), collections.Counter()
    for stack, count in stacks.items():
        frames = stack.split(";")
        by_thread[thread_group(frames[0])] += count
        names = [clean(f) for f in frames[1:]]
        if names:
            # allocation: the allocated type and the frame that allocated it
            by_self[names[-1] if unit == "cpu" or len(names) < 2 else f"{names[-1]} ← {names[-2]}"] += count
        for label, pattern in COMPONENTS:
            if any(pattern.search(name) for name in names):
                by_component[label] += count

    def share(count):
        return f"{100.0 * count / total:.1f}%"

    scale, suffix = (1, " CPU samples") if unit == "cpu" else (1 / (1024 * 1024), " MiB allocated")
    lines = [f"{total * scale:,.0f}{suffix}", "", "| thread | share |", "|---|---:|"]
    lines += [f"| `{name}` | {share(count)} |" for name, count in by_thread.most_common(8)]
    lines += ["", "| stacks through (inclusive) | share |", "|---|---:|"]
    lines += [f"| {label} | {share(by_component[label])} |" for label, _ in COMPONENTS if by_component[label]]
    lines += ["", "| top frames (self) | share |", "|---|---:|"]
    lines += [f"| `{name[:110]}` | {share(count)} |" for name, count in by_self.most_common(top)]
    return lines


def run_key(run_dir):
    env = dict(line.split("=", 1) for line in (run_dir / "run.env").read_text().splitlines() if "=" in line)
    return env.get("app"), env.get("exporters"), env.get("agent")


def main():
    session = Path(sys.argv[1])
    groups = collections.defaultdict(list)
    for run_dir in sorted(p for p in session.iterdir() if (p / "run.env").is_file()):
        if (run_dir / "profile-cpu.collapsed").is_file() or (run_dir / "profile-alloc.collapsed").is_file():
            groups[run_key(run_dir)].append(run_dir)
    out = ["# Where the agents' cost goes: async-profiler", "",
           f"Session `{session.name}`: after each agent run's measurements, the same fixed-rate load again under "
           "async-profiler (CPU samples by interval timer; then allocated bytes); then one more start of the "
           "application with the profiler from the JVM's first instruction to the first 200. "
           "Shares are of the whole process, the application included.", ""]
    for (app, exporters, agent), dirs in sorted(groups.items()):
        for event, unit in (("startup", "cpu"), ("cpu", "cpu"), ("alloc", "alloc")):
            paths = [d / f"profile-{event}.collapsed" for d in dirs if (d / f"profile-{event}.collapsed").is_file()]
            if not paths:
                continue
            title = {"startup": "start-up CPU, from the JVM's start to the first 200", "cpu": "CPU at the fixed rate",
                     "alloc": "allocation at the fixed rate"}[event]
            out += [f"## {app}, exporters {exporters}, {agent}: {title} ({len(paths)} run(s))", ""]
            out += summarise(read_profile(paths), unit) + [""]
    print("\n".join(out))


if __name__ == "__main__":
    main()
