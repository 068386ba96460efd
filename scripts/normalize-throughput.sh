#!/usr/bin/env bash
# Throughput of `aligncli normalize` (normalization, boilerplate and foreign-language removal, SRX
# segmentation, provenance, term annotation, and writing the four outputs) on the benchmark corpus,
# release build, pinned to one core.
#
# Usage: scripts/normalize-throughput.sh [CORPUS] [RUNS]
#   CORPUS  default .bench/corpus-fr.txt (unpack it with ../shared/bench/run-anchors.sh, or
#           xz -dk ../shared/bench/data/corpus-fr.txt.xz; keep it out of git)
#   RUNS    runs per configuration (default 3); the best wall time is reported
# Outputs go to a fresh folder under /dev/shm when it exists (memory), else under /tmp, so the
# figure measures Align rather than the disk; --timings shows the phases (read, normalize, write).
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${1:-.bench/corpus-fr.txt}
runs=${2:-3}
[ -f "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 66; }
log=$(mktemp)
swift build -c release --product aligncli --scratch-path .build-norm-release >"$log" 2>&1 || { cat "$log" >&2; exit 1; }
rm -f "$log"
binary=.build-norm-release/release/aligncli
base=/tmp
[ -d /dev/shm ] && base=/dev/shm
bytes=$(stat -c %s "$corpus")
pin=()
command -v taskset >/dev/null && pin=(taskset -c 0)
echo "corpus: $corpus ($bytes bytes), ${pin[*]:-unpinned}, best of $runs"
for terms in off annotate; do
  best=""
  for _ in $(seq "$runs"); do
    out=$(mktemp -d "$base/align-throughput.XXXXXX")
    start=$(date +%s.%N)
    /usr/bin/time -f "%U %S" -o "$out.cpu" "${pin[@]}" "$binary" normalize "$corpus" --output "$out" --terms "$terms" --timings 2>"$out.log"
    end=$(date +%s.%N)
    wall=$(echo "$end - $start" | bc -l)
    cpu=$(awk '{print $1 + $2}' "$out.cpu")
    if [ -z "$best" ] || [ "$(echo "$wall < $best" | bc -l)" = 1 ]; then best=$wall; bestcpu=$cpu; cp "$out.log" "$base/align-throughput-best.log"; fi
    rm -rf "$out" "$out.cpu" "$out.log"
  done
  printf -- "--terms %-8s wall %6.3f s  %6.1f MB/s   cpu %6.3f s  %6.1f MB/s\n" "$terms" "$best" \
    "$(echo "$bytes / 1000000 / $best" | bc -l)" "$bestcpu" "$(echo "$bytes / 1000000 / $bestcpu" | bc -l)"
  sed -n '/^  load/,$p' "$base/align-throughput-best.log" | sed 's/^/    /'
done
rm -f "$base/align-throughput-best.log"
