#!/usr/bin/env bash
# Builds and runs Align's libFuzzer targets (Tests/AlignTests/Fuzz; entry point Fuzz/main.swift).
#
#   scripts/fuzz.sh build                 build .build-fuzz/align-fuzz (ASan + libFuzzer, -O)
#   scripts/fuzz.sh run TARGET SECONDS    fuzz one target; new inputs go to .build-fuzz/corpus/TARGET,
#                                         crashes to .build-fuzz/crashes/TARGET, a line to .build-fuzz/totals.tsv
#   scripts/fuzz.sh all SECONDS           every target in turn, SECONDS each
#   scripts/fuzz.sh smoke [RUNS]          every target: its seeds in Fuzz/corpus, then RUNS (default 2000)
#                                         mutations with a fixed seed; fails on the first finding (CI)
#   scripts/fuzz.sh replay TARGET FILE…   run the target on saved inputs (a crash, say) and show the result
#   scripts/fuzz.sh totals                time, executions and coverage per target, summed over runs
#                                         (exit 72 is a run stopped by Ctrl-C or SIGINT, not a finding)
#
# Targets: glossary tbx srx normalize matcher aligner cli. The library is compiled as its own
# module with -enable-testing, so the targets use `@testable import Align` as the tests do.
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
out=.build-fuzz
targets=(glossary tbx srx normalize matcher aligner cli)
# A broken invariant aborts; the Swift runtime's own backtracer would then race ASan's report.
export SWIFT_BACKTRACE=enable=no
# FoundationXML leaks a string on every XML parse error; leak reports would be about it, not us.
export ASAN_OPTIONS="detect_leaks=0"
export ALIGN_ROOT="$root"

build() {
  mkdir -p "$out/lib"
  # Several `run`s started together build once: the others wait here, then find it fresh.
  exec 9>"$out/build.lock"
  flock 9
  trap 'exec 9>&-' RETURN
  local sources
  sources=$(find Sources/Align -name '*.swift' | sort)
  # Rebuild the library only when a source is newer than it (about 100 s on two cores).
  if [ ! -f "$out/lib/libAlign.a" ] || [ -n "$(find Sources/Align -name '*.swift' -newer "$out/lib/libAlign.a" | head -1)" ]; then
    echo "fuzz: compiling the library with -sanitize=fuzzer,address" >&2
    # shellcheck disable=SC2086
    swiftc -parse-as-library -module-name Align -emit-module -emit-module-path "$out/lib/Align.swiftmodule" \
      -emit-library -static -o "$out/lib/libAlign.a" -O -wmo -num-threads 2 -enable-testing \
      -sanitize=fuzzer,address -swift-version 6 $sources
  fi
  # The targets and what they share; not the Swift Testing suite beside them.
  local harness=(Fuzz/main.swift Tests/AlignTests/Fuzz/Fuzz[BCIT]*.swift Tests/AlignTests/Fuzz/Targets/*.swift Tests/AlignTests/Support/CapturedIO.swift)
  if [ -f "$out/align-fuzz" ] && [ -z "$(find "${harness[@]}" "$out/lib/libAlign.a" -newer "$out/align-fuzz" | head -1)" ]; then return 0; fi
  # The linker warns about ASan symbols in the Swift runtime; those lines are noise.
  swiftc -parse-as-library -module-name AlignFuzz -O -sanitize=fuzzer,address -swift-version 6 \
    -I "$out/lib" -L "$out/lib" -lAlign \
    "${harness[@]}" -o "$out/align-fuzz.new" 2> >(grep -v -e '__asan' -e 'gold' -e '^$' >&2)
  # Renamed into place: fuzzers still running keep the binary they started with.
  mv "$out/align-fuzz.new" "$out/align-fuzz"
}

check_target() {
  local t
  for t in "${targets[@]}"; do [ "$t" = "$1" ] && return 0; done
  echo "fuzz: unknown target '$1' (one of: ${targets[*]})" >&2
  exit 64
}

# Options every run shares: a hang is a finding after 30 s (seven targets may share two cores), memory above 2 GB too; inputs up to
# 16 KB (a glossary or an article excerpt). No leak detection: FoundationXML leaks a string on
# every XML parse error, and LeakSanitizer's stop-the-world check after each such input slowed
# the XML targets from hundreds of executions a second to about 40.
common=(-timeout=30 -rss_limit_mb=2048 -max_len=16384 -print_final_stats=1 -detect_leaks=0)

run() {
  local target=$1 seconds=$2
  shift 2
  check_target "$target"
  mkdir -p "$out/corpus/$target" "$out/crashes/$target" "$out/logs"
  # Other work on the machine comes first (a long run shares the cores with builds and tests).
  [ -n "${ALIGN_FUZZ_NICE:-}" ] && renice -n "$ALIGN_FUZZ_NICE" $$ >/dev/null
  local log
  log="$out/logs/$target-$(date +%Y%m%d-%H%M%S).log"
  local status=0 started
  started=$(date +%s)
  ALIGN_FUZZ_TARGET=$target "$out/align-fuzz" "${common[@]}" -max_total_time="$seconds" \
    -artifact_prefix="$out/crashes/$target/" "$@" "$out/corpus/$target" "Fuzz/corpus/$target" >"$log" 2>&1 || status=$?
  local execs cov time elapsed
  elapsed=$(( $(date +%s) - started ))
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  time=$(sed -n 's/^stat::average_exec_per_sec: *//p' "$log" | tail -1)
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1 | cut -d' ' -f2)
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$target" "$elapsed" "${execs:-0}" "${cov:-0}" "$status" "$log" >>"$out/totals.tsv"
  echo "fuzz: $target: ${elapsed}s, ${execs:-0} executions (${time:-0}/s), coverage ${cov:-0} edges, exit $status; log $log"
  if [ "$status" -ne 0 ]; then
    grep -E 'invariant broken|ERROR|SUMMARY|Test unit written' "$log" | head -20 >&2
    return "$status"
  fi
}

smoke() {
  local runs=${1:-2000} target status=0
  mkdir -p "$out/smoke"
  for target in "${targets[@]}"; do
    local log="$out/smoke/$target.log"
    # New inputs go to the first folder: a scratch one, so the checked-in seeds stay as they are.
    rm -rf "$out/smoke/corpus-$target" && mkdir -p "$out/smoke/corpus-$target"
    if ALIGN_FUZZ_TARGET=$target "$out/align-fuzz" "${common[@]}" -seed=1 -runs="$runs" \
      -artifact_prefix="$out/smoke/$target-" "$out/smoke/corpus-$target" "Fuzz/corpus/$target" >"$log" 2>&1; then
      echo "fuzz smoke: $target: $(sed -n 's/^stat::number_of_executed_units: *//p' "$log") executions, no finding"
    else
      status=1
      echo "fuzz smoke: $target: FINDING (log $log)" >&2
      grep -E -A12 'invariant broken|ERROR' "$log" | head -40 >&2
    fi
  done
  return $status
}

totals() {
  [ -f "$out/totals.tsv" ] || { echo "fuzz: no runs yet" >&2; exit 66; }
  printf "%-10s %9s %14s %9s %8s\n" target minutes executions coverage findings
  awk -F'\t' '{ s[$1] += $2; e[$1] += $3; if ($4 > c[$1]) c[$1] = $4; if ($5 != 0 && $5 != 72) f[$1]++ }
    END {
          for (t in s) printf "%-10s %9.1f %14d %9d %8d\n", t, s[t] / 60, e[t], c[t], f[t] }' "$out/totals.tsv" | sort
}

case "${1:-}" in
  build) build ;;
  run) [ $# -ge 3 ] || { echo "usage: scripts/fuzz.sh run TARGET SECONDS [libFuzzer options]" >&2; exit 64; }
    build; run "${@:2}" ;;
  all) [ $# -eq 2 ] || { echo "usage: scripts/fuzz.sh all SECONDS" >&2; exit 64; }
    build; for t in "${targets[@]}"; do run "$t" "$2"; done ;;
  smoke) build; smoke "${2:-2000}" ;;
  replay) [ $# -ge 3 ] || { echo "usage: scripts/fuzz.sh replay TARGET FILE..." >&2; exit 64; }
    check_target "$2"; build; ALIGN_FUZZ_TARGET=$2 "$out/align-fuzz" "${common[@]}" "${@:3}" ;;
  totals) totals ;;
  *) sed -n '2,16p' "$0" | sed 's/^# \{0,1\}//' >&2; exit 64 ;;
esac
