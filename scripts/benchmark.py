#!/usr/bin/env python3
"""Benchmark `aligncli scan` and `validate` on ../shared/bench, beside the anchor tools, in one run.

Usage: scripts/benchmark.py [--work DIR] [--shared DIR] [--runs N] [--aho] [--sizes 1k,10k,100k]

Builds a release binary (statically linked, as the README installs it), unpacks the benchmark
data into DIR (default .bench, kept out of git), then for each glossary size times, best of N
runs, the tools of one size taking turns (round r runs each once, in turn), so that a ratio
compares runs made while the machine was in the same state:
  - aligncli scan (full French-aware matching, every occurrence written to /dev/null), with and
    without near-miss detection; its own --timings split load / compile / scan;
  - ripgrep -F (case-sensitive) and, at 1k, ripgrep -F -i, on the same corpus and term lists;
  - with --aho, the Python Aho-Corasick counter of ../shared/bench/anchors.
It also times `aligncli validate` on the 100k glossary and on a 100,000-concept glossary made
from it. Peak memory is the child's maximum resident set size (wait4). Absolute numbers drift
on shared machines: compare the ratios measured in the same run.
"""
import argparse
import os
import re
import shutil
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def run(cmd, stdout=subprocess.DEVNULL):
    """Runs cmd; returns (seconds, peak RSS in MB, stderr text, exit status)."""
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, stdout=stdout, stderr=subprocess.PIPE)
    err = proc.stderr.read().decode("utf-8", "replace")
    _, status, usage = os.wait4(proc.pid, 0)
    seconds = time.perf_counter() - start
    proc.returncode = os.waitstatus_to_exitcode(status)
    return seconds, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime, err, proc.returncode


def best(cmd, runs):
    results = [run(cmd) for _ in range(runs)]
    return min(results, key=lambda r: r[0])


def best_interleaved(cmds, runs):
    """Best run of each command, the commands taking turns: round r runs each once, starting
    from a different one each round. Shared machines drift by several percent over seconds; run
    one after the other, the tools compared met different conditions."""
    results = [[] for _ in cmds]
    for round_ in range(runs):
        for offset in range(len(cmds)):
            index = (round_ + offset) % len(cmds)
            results[index].append(run(cmds[index]))
    return [min(r, key=lambda x: x[0]) for r in results]


def unpack(shared, work):
    os.makedirs(work, exist_ok=True)
    data = os.path.join(shared, "bench", "data")
    for name in sorted(os.listdir(data)):
        if not name.endswith(".xz"):
            continue
        target = os.path.join(work, name[:-3])
        if not os.path.exists(target) or os.path.getsize(target) == 0:
            with open(target, "wb") as out:
                subprocess.run(["xz", "-dc", os.path.join(data, name)], stdout=out, check=True)


def hundred_thousand_concepts(work):
    """The 100k benchmark glossary, topped up with synthetic concepts to exactly 100,000."""
    source = os.path.join(work, "glossary-100k.tsv")
    target = os.path.join(work, "glossary-100000-concepts.tsv")
    lines = open(source, encoding="utf-8").read().splitlines()
    rows = [l for l in lines if l and not l.startswith("#")][1:]
    header = [l for l in lines if l and not l.startswith("#")][0]
    columns = header.split("\t")
    extra = 100000 - len(rows)
    with open(target, "w", encoding="utf-8") as out:
        out.write("\n".join(lines) + "\n")
        for i in range(max(extra, 0)):
            cells = {"id": f"synthetic-term-{i}", "en": f"en:synthetic_{i}", "fr": f"terme synthétique numéro {i}"}
            out.write("\t".join(cells.get(c, "") for c in columns) + "\n")
    return target, len(rows) + max(extra, 0)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--work", default=os.path.join(ROOT, ".bench"))
    parser.add_argument("--shared", default=os.path.join(ROOT, "..", "shared"))
    parser.add_argument("--runs", type=int, default=2)
    parser.add_argument("--sizes", default="1k,10k,100k")
    parser.add_argument("--aho", action="store_true", help="also time the Python Aho-Corasick anchor (slow)")
    args = parser.parse_args()

    # The release binary as the README says to install it: Swift runtime and Foundation linked
    # statically (the dynamic loader's symbol binding took about 5 ms of every run).
    build = ["swift", "build", "-c", "release", "--static-swift-stdlib"]
    subprocess.run(build + ["--product", "aligncli"], cwd=ROOT, check=True, stdout=subprocess.DEVNULL)
    binary = os.path.join(subprocess.run(build + ["--show-bin-path"], cwd=ROOT,
                                         check=True, capture_output=True, text=True).stdout.strip(), "aligncli")
    unpack(args.shared, args.work)
    corpus = os.path.join(args.work, "corpus-fr.txt")
    megabytes = os.path.getsize(corpus) / 1e6
    rg = shutil.which("rg")
    print(f"corpus {megabytes:.1f} MB; {os.cpu_count()} cores; best of {args.runs} runs")
    if rg:
        print(subprocess.run([rg, "--version"], capture_output=True, text=True).stdout.splitlines()[0])

    rows = []
    for size in args.sizes.split(","):
        glossary = os.path.join(args.work, f"glossary-{size}.tsv")
        terms = os.path.join(args.work, f"terms-{size}.txt")
        labels = ["aligncli scan", "aligncli scan --no-near-misses"]
        cmds = [[binary, "scan", "--timings", *extra, "-g", glossary, corpus] for extra in ([], ["--no-near-misses"])]
        if rg:
            labels.append("rg -F (case-sensitive)")
            cmds.append([rg, "-F", "-o", "-N", "--no-filename", "--regex-size-limit", "2G", "--dfa-size-limit", "2G", "-f", terms, corpus])
        for label, (seconds, peak, cpu, err, status) in zip(labels, best_interleaved(cmds, args.runs)):
            if label.startswith("rg"):
                rows.append((label, size, seconds, peak, cpu, None, ""))
                continue
            timing = re.search(r"load ([\d.]+) s, compile ([\d.]+) s, scan ([\d.]+) s", err)
            count = re.search(r"(\d+) occurrences", err)
            rows.append((label, size, seconds, peak, cpu, timing.groups() if timing else None, count.group(1) if count else "?"))
        if rg:
            if size == "1k":
                seconds, peak, cpu, _, _ = best([rg, "-F", "-i", "-o", "-N", "--no-filename", "-f", terms, corpus], args.runs)
                rows.append(("rg -F -i", size, seconds, peak, cpu, None, ""))
        if args.aho:
            seconds, peak, cpu, _, _ = run([sys.executable, os.path.join(args.shared, "bench", "anchors", "aho_count.py"), glossary, corpus])
            rows.append(("pyahocorasick (folded)", size, seconds, peak, cpu, None, ""))

    print()
    print(f"{'tool':32} {'terms':>5} {'seconds':>8} {'MB/s':>7} {'vs rg -F':>8} {'cores':>5} {'peak MB':>8}  {'load/compile/scan s':>20} {'scan MB/s':>9} {'occurrences':>11}")
    rg_seconds = {r[1]: r[2] for r in rows if r[0].startswith("rg -F (")}
    for label, size, seconds, peak, cpu, timing, count in rows:
        ratio = f"{rg_seconds[size] / seconds:.2f}x" if size in rg_seconds and not label.startswith("rg") else ""
        phases = "/".join(timing) if timing else ""
        scan_rate = f"{megabytes / float(timing[2]):.1f}" if timing else ""
        print(f"{label:32} {size:>5} {seconds:8.3f} {megabytes / seconds:7.1f} {ratio:>8} {cpu / seconds:5.2f} {peak:8.1f}  {phases:>20} {scan_rate:>9} {count:>11}")

    print()
    full, concepts = hundred_thousand_concepts(args.work)
    for path, label in ((os.path.join(args.work, "glossary-100k.tsv"), "glossary-100k.tsv"), (full, f"{concepts} concepts")):
        seconds, peak, cpu, err, status = best([binary, "validate", path], args.runs)
        summary = err.strip().splitlines()[-1] if err.strip() else ""
        print(f"validate {label:28} {seconds:6.3f} s  peak {peak:6.1f} MB  exit {status}  ({summary})")


if __name__ == "__main__":
    main()
