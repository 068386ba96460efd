#!/usr/bin/env bash
# Peak memory and time of a release aligncli on the largest adversarial inputs (the same cases
# `swift test` checks for behaviour in AdversarialInputTests): a 50 MB line, 1,000,000 empty
# lines, a line over the 64 MiB limit, a 1,000,000-row glossary. Prints one line per run.
#
#   scripts/adversarial-limits.sh [--no-build]
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=.build-rel
[ "${1:-}" = "--no-build" ] || swift build -c release --scratch-path "$scratch" >&2
cli="$scratch/release/aligncli"
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/line" "$work/empty" "$work/huge" "$work/glossary"
python3 - "$work" <<'PY'
import sys
work = sys.argv[1]
unit = b"aaaa bbbb cccc dddd eeee ffff gggg hhhh iiii jjjj kkkk llll mmmm nnnn oooo pppp qqqq rrrr L'OTAN "
with open(work + "/line/line.txt", "wb") as f:
    f.write(unit * (50_000_000 // len(unit) + 1) + b"\n")
with open(work + "/empty/empty.txt", "wb") as f:
    f.write(b"\n" * 1_000_000)
with open(work + "/huge/huge.txt", "wb") as f:
    f.write(b"L'OTAN.\n" + b"a" * (64 * 1024 * 1024 + 1) + b"\n")
with open(work + "/glossary/big.tsv", "w", encoding="utf-8") as f:
    f.write("# align-glossary 1\nid\ten\tfr\n")
    for i in range(1_000_000):
        f.write(f"c{i}\tTerm {i}\tterme{i} numéro {i % 1000}\n")
with open(work + "/glossary/doc.txt", "w", encoding="utf-8") as f:
    f.write("Le terme999999 numéro 999 et le terme5 numéros 5.\n")
PY
measure() {
  local name=$1
  shift
  local status=0
  /usr/bin/time -f "%e %M" -o "$work/time" "$cli" "$@" >"$work/out" 2>"$work/err" || status=$?
  # GNU time writes "Command exited with non-zero status N" first when the command fails.
  read -r seconds kilobytes < <(tail -1 "$work/time")
  printf '%-40s exit %-3s %7.2f s  peak %6.0f MB  %s\n' "$name" "$status" "$seconds" "$((kilobytes / 1024))" "$(tail -1 "$work/err" | cut -c1-90)"
}
measure "scan: one 50 MB line (tsv)" scan --glossary glossaries "$work/line"
measure "scan: one 50 MB line (text)" scan --format text --glossary glossaries "$work/line"
measure "normalize: one 50 MB line" normalize --terms off --rules normalize/boilerplate.tsv --output "$work/out-line" "$work/line"
measure "report: one 50 MB line" report --glossary glossaries "$work/line"
measure "scan: 1,000,000 empty lines" scan --glossary glossaries "$work/empty"
measure "normalize: 1,000,000 empty lines" normalize --rules normalize/boilerplate.tsv --output "$work/out-empty" "$work/empty"
measure "scan: a line over 64 MiB" scan --glossary glossaries "$work/huge"
measure "normalize: a line over 64 MiB" normalize --terms off --rules normalize/boilerplate.tsv --output "$work/out-huge" "$work/huge"
measure "validate: 1,000,000-row glossary" validate "$work/glossary/big.tsv"
measure "scan with the 1,000,000-row glossary" scan --glossary "$work/glossary/big.tsv" "$work/glossary/doc.txt"
