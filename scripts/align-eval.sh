#!/usr/bin/env bash
# Accuracy, time and memory of `aligncli align --sentences` on the four align-gold books
# (../shared/align-gold), release build: each book aligned length-only (Gale-Church), with the
# default lexical aligner, and with the FreeDict dictionary when it is installed; scored with the
# corpus's score.py (strict and lax F1 over links with sentences on both sides). Then a scaling
# run: the four books concatenated over and over to about 50,000 French sentences, aligned in
# default mode, scored against the gold links shifted to match.
#
# Usage: scripts/align-eval.sh
# Environment:
#   ALIGN_EVAL_SCRATCH     scratch path of the release build (default .build-eval-release)
#   ALIGN_EVAL_GOLD        the align-gold folder (default ../shared/align-gold)
#   ALIGN_EVAL_DICTIONARY  dictionary for the third mode (default /usr/share/dictd/freedict-fra-eng.index;
#                          the mode is skipped when the file is missing: apt-get install dict-freedict-fra-eng)
#   ALIGN_EVAL_SENTENCES   French sentences of the scaling run, about (default 50000; 0 skips it)
# Everything the script writes goes to a temporary folder, removed on exit. The glossary is off
# (--no-glossary), so the figures measure the aligner alone.
set -euo pipefail
cd "$(dirname "$0")/.."
scratch=${ALIGN_EVAL_SCRATCH:-.build-eval-release}
gold=${ALIGN_EVAL_GOLD:-../shared/align-gold}
dictionary=${ALIGN_EVAL_DICTIONARY:-/usr/share/dictd/freedict-fra-eng.index}
target=${ALIGN_EVAL_SENTENCES:-50000}
books=(Candide JaneEyre LesTravailleursDeLaMer VingtMilleLieuesSousLesMers)

[ -f "$gold/score.py" ] || { echo "no align-gold corpus at $gold" >&2; exit 66; }
[ -x /usr/bin/time ] || { echo "/usr/bin/time is missing (apt-get install time)" >&2; exit 69; }
command -v python3 >/dev/null || { echo "python3 is missing (score.py needs it)" >&2; exit 69; }

work=$(mktemp -d "${TMPDIR:-/tmp}/align-eval.XXXXXX")
trap 'rm -rf "$work"' EXIT

swift build -c release --product aligncli --scratch-path "$scratch" >"$work/build.log" 2>&1 || { cat "$work/build.log" >&2; exit 1; }
binary=$(swift build -c release --product aligncli --scratch-path "$scratch" --show-bin-path)/aligncli

modes=(length-only default)
if [ -f "$dictionary" ]; then modes+=(dictionary); else echo "no dictionary at $dictionary: the dictionary mode is skipped" >&2; fi

# align MODE FR EN OUT: aligns, writing the links to OUT and "seconds peak-KB" to OUT.time.
align() {
  local mode=$1 fr=$2 en=$3 out=$4 status=0
  local options=(--sentences --no-glossary --format links --output "$out")
  case $mode in
    length-only) options+=(--length-only) ;;
    dictionary) options+=(--dictionary "$dictionary") ;;
  esac
  /usr/bin/time -f '%e %M' -o "$out.time" "$binary" align "${options[@]}" "$fr" "$en" 2>"$out.log" || status=$?
  # 1 means term findings, which cannot happen without a glossary; anything else is a failure.
  if [ "$status" -gt 1 ]; then
    echo "aligncli align failed ($status) on $fr:" >&2
    cat "$out.log" >&2
    exit 1
  fi
}

# score GOLD PREDICTED [GOLD PREDICTED ...]: "strictP strictR strictF1 laxF1".
score() {
  python3 "$gold/score.py" "$@" | awk '$1 == "strict" { p = $3; r = $5; f = $7 } $1 == "lax" { lax = $7 } END { print p, r, f, lax }'
}

row() { printf '%-28s %-12s %7s %7s %7s %7s %9s %8s\n' "$@"; }

echo "$("$binary" --version 2>/dev/null || echo aligncli), release build; $(nproc) cores"
echo
row book mode "P" "R" "F1" "lax F1" seconds "peak MB"
row "" "" strict strict strict "" "" ""
for book in "${books[@]}"; do
  for mode in "${modes[@]}"; do
    out="$work/$book.$mode.fren"
    align "$mode" "$gold/$book/fr.txt" "$gold/$book/en.txt" "$out"
    read -r p r f lax < <(score "$gold/$book/gold.fren" "$out")
    read -r seconds kb <"$out.time"
    row "$book" "$mode" "$p" "$r" "$f" "$lax" "$seconds" "$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }')"
  done
done
echo
for mode in "${modes[@]}"; do
  pairs=()
  for book in "${books[@]}"; do pairs+=("$gold/$book/gold.fren" "$work/$book.$mode.fren"); done
  read -r p r f lax < <(score "${pairs[@]}")
  row "pooled" "$mode" "$p" "$r" "$f" "$lax" "" ""
done

[ "$target" -gt 0 ] || exit 0

# Scaling: copies of the four books, one after the other, with the gold links shifted by the
# sentences before each copy.
round=0
for book in "${books[@]}"; do round=$((round + $(wc -l <"$gold/$book/fr.txt"))); done
copies=$(((target + round / 2) / round))
[ "$copies" -gt 0 ] || copies=1
: >"$work/big.fr"
: >"$work/big.en"
: >"$work/big.gold"
frOffset=0
enOffset=0
for ((copy = 0; copy < copies; copy++)); do
  for book in "${books[@]}"; do
    cat "$gold/$book/fr.txt" >>"$work/big.fr"
    cat "$gold/$book/en.txt" >>"$work/big.en"
    awk -v fo="$frOffset" -v eo="$enOffset" '
      function shift(side, offset,   inner, parts, n, i, out) {
        inner = side
        gsub(/[][ ]/, "", inner)
        if (inner == "") return "[]"
        n = split(inner, parts, ",")
        out = ""
        for (i = 1; i <= n; i++) out = out (i > 1 ? ", " : "") (parts[i] + offset)
        return "[" out "]"
      }
      NF { split($0, sides, ":"); print shift(sides[1], fo) ":" shift(sides[2], eo) }
    ' "$gold/$book/gold.fren" >>"$work/big.gold"
    frOffset=$((frOffset + $(wc -l <"$gold/$book/fr.txt")))
    enOffset=$((enOffset + $(wc -l <"$gold/$book/en.txt")))
  done
done
echo
echo "scaling: the four books $copies times over, $frOffset French and $enOffset English sentences, default mode"
align default "$work/big.fr" "$work/big.en" "$work/big.fren"
read -r p r f lax < <(score "$work/big.gold" "$work/big.fren")
read -r seconds kb <"$work/big.fren.time"
row "" mode "P" "R" "F1" "lax F1" seconds "peak MB"
row "${copies} x 4 books" default "$p" "$r" "$f" "$lax" "$seconds" "$(awk -v kb="$kb" 'BEGIN { printf "%.1f", kb / 1024 }')"
