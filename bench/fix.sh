#!/usr/bin/env bash
# Measures --fix on a corpus: per rule that offers a fix, its findings before, how many --fix and
# --fix --unsafe-fixes resolve, the fixes dropped for breaking a file, and the time of --fix against
# a plain lint of the same files, interleaved round by round (median of ROUNDS, default 5).
#   bench/fix.sh                 ../shared/corpus, ShellCheck off (its process time is not the fixer's)
#   CORPUS=dir ROUNDS=9 bench/fix.sh
# Works on copies under target/bench/fix; the corpus is never written.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
corpus=${CORPUS:-$root/../shared/corpus}
rounds=${ROUNDS:-5}
work="$root/target/bench/fix"
rm -rf "$work"
mkdir -p "$work"

./mvnw -q -o package -DskipTests
jar="$root/target/dockerlint.jar"
run() { java -jar "$jar" --no-shellcheck --failure-threshold none "$@"; }

copy() { # a fresh copy of the corpus's Dockerfiles (the top-level README and SOURCES are not)
  rm -rf "$work/$1"
  mkdir -p "$work/$1"
  for d in "$corpus"/*/; do cp -r "$d" "$work/$1/"; done
}

rules=$(run rules | awk 'NR > 1 && ($4 == "safe" || $4 == "unsafe") && $1 !~ /^SC/ {print $1 ":" $4}')

copy before
run --format json "$work/before" > "$work/before.json"
copy safe
run --fix "$work/safe" > /dev/null 2> "$work/safe.err"
run --format json "$work/safe" > "$work/safe.json"
copy unsafe
run --fix --unsafe-fixes "$work/unsafe" > /dev/null 2> "$work/unsafe.err"
run --format json "$work/unsafe" > "$work/unsafe.json"

count() { jq --arg r "$2" '[.findings[] | select(.rule == $r)] | length' "$1"; }

files=$(find "$work/before" -type f | wc -l)
echo "corpus: $corpus ($files files), $(date -u '+%Y-%m-%d %H:%M UTC'), load $(cut -d' ' -f1-3 /proc/loadavg)"
echo
echo "| rule | fix | findings | resolved by --fix | resolved by --fix --unsafe-fixes |"
echo "|---|---|---:|---:|---:|"
for entry in $rules; do
  rule=${entry%%:*}
  kind=${entry##*:}
  b=$(count "$work/before.json" "$rule")
  s=$(count "$work/safe.json" "$rule")
  u=$(count "$work/unsafe.json" "$rule")
  pct() { if [ "$b" -eq 0 ]; then echo "-"; else echo "$(( ($b - $1) * 100 / $b ))%"; fi; }
  echo "| $rule | $kind | $b | $((b - s)) ($(pct "$s")) | $((b - u)) ($(pct "$u")) |"
done
echo
echo "fixes dropped: --fix $(grep -c 'dropped:' "$work/safe.err" || true), --fix --unsafe-fixes $(grep -c 'dropped:' "$work/unsafe.err" || true)"
grep 'dropped:' "$work/safe.err" "$work/unsafe.err" || true
echo "summary: --fix: $(grep 'fixed,' "$work/safe.err"); --unsafe-fixes: $(grep 'fixed,' "$work/unsafe.err")"

# timing: each round lints a fresh copy, fixes a fresh copy, interleaved in a random order
lint_ms=()
fix_ms=()
for ((i = 0; i < rounds; i++)); do
  copy timed
  for what in $(printf 'lint\nfix\n' | shuf); do
    if [ "$what" = fix ]; then copy timed; fi
    start=$EPOCHREALTIME
    if [ "$what" = lint ]; then run "$work/timed" > /dev/null; else run --fix --unsafe-fixes "$work/timed" > /dev/null 2>&1; fi
    end=$EPOCHREALTIME
    ms=$(( (${end/./} - ${start/./}) / 1000 ))
    if [ "$what" = lint ]; then lint_ms+=("$ms"); else fix_ms+=("$ms"); fi
  done
done
median() { printf '%s\n' "$@" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }
l=$(median "${lint_ms[@]}")
f=$(median "${fix_ms[@]}")
echo
echo "time over $rounds rounds (median): plain lint ${l} ms, --fix --unsafe-fixes ${f} ms ($(awk -v f="$f" -v l="$l" 'BEGIN {printf "%.2f", f / l}')x)"
