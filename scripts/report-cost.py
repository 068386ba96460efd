#!/usr/bin/env python3
"""Measures what `aligncli report` costs against `aligncli scan` on the same input (issue: at most 1.5x).

Usage: scripts/report-cost.py [--work DIR] [--shared DIR] [--runs N] [--size 10k] [--no-build]

Builds a release binary (unless --no-build), unpacks ../shared/bench into DIR (default .bench)
the way scripts/benchmark.py does, then runs scan and report alternately N times (default 7) on
the benchmark corpus with the glossary of the given size, output to /dev/null, and prints each
run, the medians, the best runs and their ratio, with peak memory (wait4 maximum RSS).
Alternating keeps slow phases of a shared machine from landing on one command only.
"""
import argparse
import os
import statistics
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, os.path.join(ROOT, "scripts"))
from benchmark import unpack  # noqa: E402


def run(cmd):
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    code = os.waitstatus_to_exitcode(status)
    if code not in (0, 1):
        sys.exit(f"{' '.join(cmd)} exited with {code}")
    return seconds, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default=os.path.join(ROOT, ".bench"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--size", default="10k")
    parser.add_argument("--no-build", action="store_true")
    args = parser.parse_args()

    if not args.no_build:
        subprocess.run(["swift", "build", "-c", "release", "--product", "aligncli"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(subprocess.run(["swift", "build", "-c", "release", "--show-bin-path"], cwd=ROOT, check=True,
                                         capture_output=True, text=True).stdout.strip(), "aligncli")
    unpack(args.shared, args.work)
    corpus = os.path.join(args.work, "corpus-fr.txt")
    glossary = os.path.join(args.work, f"glossary-{args.size}.tsv")
    megabytes = os.path.getsize(corpus) / 1e6
    print(f"corpus {megabytes:.1f} MB, glossary {args.size}; {os.cpu_count()} cores; {args.runs} alternating runs")

    results = {"scan": [], "report": []}
    commands = {
        "scan": [binary, "scan", "-g", glossary, corpus],
        "report": [binary, "report", "--fail-on", "never", "-g", glossary, corpus],
    }
    for _ in range(args.runs):
        for name, command in commands.items():
            results[name].append(run(command))

    for name, runs in results.items():
        times = " ".join(f"{r[0]:.3f}" for r in runs)
        print(f"{name:7} s: {times}   median {statistics.median(r[0] for r in runs):.3f}  best {min(r[0] for r in runs):.3f}"
              f"  cpu {statistics.median(r[2] for r in runs):.2f} s  peak {max(r[1] for r in runs):.1f} MB")
    median = statistics.median(r[0] for r in results["report"]) / statistics.median(r[0] for r in results["scan"])
    best = min(r[0] for r in results["report"]) / min(r[0] for r in results["scan"])
    print(f"report / scan: {median:.2f}x at the median, {best:.2f}x best against best")


if __name__ == "__main__":
    main()
