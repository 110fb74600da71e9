#!/usr/bin/env bash
# What custom rules cost (issue 15's target: at most 1.3x the built-in rules alone): the corpus
# linted with the built-in rules alone, and with examples/rules/platform.yaml plus 50 generated
# rules (bench/PolicyBench.java writes them), measured in the same run two ways:
#   1. in one JVM, after a warm-up: parse + lint of every file, CPU time of the linting thread,
#      ROUNDS interleaved rounds (default 40), the median of the per-round ratios and the ratio of
#      the best times;
#   2. whole processes: bin/dockerlint --no-shellcheck --format json over every file in one
#      invocation, without and with --rules, PROCESS_ROUNDS interleaved rounds (default 9), medians.
# Writes bench/POLICY.md. Nothing else it writes is kept: it lives under target/bench/policy.
#   bench/policy.sh                 CORPUS=dir for another corpus (default ../shared/corpus)
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
corpus=${CORPUS:-$root/../shared/corpus}
rounds=${ROUNDS:-40}
process_rounds=${PROCESS_ROUNDS:-9}
work="$root/target/bench/policy"
say() { printf '== %s\n' "$*" >&2; }
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
mkdir -p "$work"

say "building the jar"
./mvnw -q package -DskipTests
export DOCKERLINT_JAR="$root/target/dockerlint.jar"
export XDG_CACHE_HOME="$work/cache"
launcher="$root/bin/dockerlint"
load_start=$(cut -d' ' -f1-3 /proc/loadavg)

say "in one JVM: $rounds interleaved rounds"
in_jvm=$(java -cp "$DOCKERLINT_JAR" "$root/bench/PolicyBench.java" "$corpus" "$work" "$rounds")
echo "$in_jvm" >&2

mapfile -t files < <(find "$corpus" -type f -name '*Dockerfile' | sort)
packs=(--rules examples/rules/platform.yaml --rules "$work/generated.yaml")
plain() { "$launcher" --no-shellcheck --format json "${files[@]}" > "$work/plain.json" 2> /dev/null || true; }
with_packs() { "$launcher" --no-shellcheck --format json "${packs[@]}" "${files[@]}" > "$work/packs.json" 2> "$work/packs.err" || true; }
ms() { local t0 t1; t0=$(date +%s%N); "$@"; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

say "whole processes: $process_rounds interleaved rounds"
plain; with_packs; plain; with_packs # warm-up: the launcher makes its class-data archive
if [ -s "$work/packs.err" ]; then cat "$work/packs.err" >&2; exit 1; fi
a=() b=() r=()
for ((i = 0; i < process_rounds; i++)); do
  if ((i % 2 == 0)); then x=$(ms plain); y=$(ms with_packs); else y=$(ms with_packs); x=$(ms plain); fi
  a+=("$x") b+=("$y") r+=("$(awk -v a="$x" -v b="$y" 'BEGIN {printf "%.3f", b / a}')")
done
plain_ms=$(printf '%s\n' "${a[@]}" | median)
packs_ms=$(printf '%s\n' "${b[@]}" | median)
process_ratio=$(printf '%s\n' "${r[@]}" | median)
load_end=$(cut -d' ' -f1-3 /proc/loadavg)

field() { echo "$in_jvm" | tr ' ' '\n' | sed -n "s/^$1=//p" | head -n 1; }
{
  echo "# Custom rules: what they cost"
  echo
  echo "Written by \`bench/policy.sh\` on $(date -u '+%Y-%m-%d %H:%M UTC'); $(java -version 2>&1 | head -n 1);"
  echo "$(nproc) cores; load average $load_start at the start, $load_end at the end."
  echo
  echo "The corpus ($(field files) Dockerfiles, $(field lines) lines) with the $(field builtin_rules) built-in rules alone,"
  echo "and with them plus \`examples/rules/platform.yaml\` and 50 generated rules ($(field custom_rules) custom"
  echo "rules of every match kind, RE2/J regexes, globs and combinators; $(field custom_findings) custom findings). Target: at most 1.3x."
  echo
  echo "| measure | built-in rules | with the packs | ratio |"
  echo "|---|---:|---:|---:|"
  echo "| one JVM, parse + lint, CPU ms, median of $rounds rounds | $(field builtin_ms) | $(field with_packs_ms) | $(field ratio) |"
  echo "| one JVM, best of $rounds rounds | $(field best_builtin_ms) | $(field best_with_packs_ms) | $(field best_ratio) |"
  echo "| whole process (\`bin/dockerlint --format json\`, all files), wall ms, median of $process_rounds | $plain_ms | $packs_ms | $process_ratio |"
  echo
  echo "The in-JVM ratio of a round is its time with the packs over its time without; the table gives"
  echo "their median. The whole-process times include the JVM's start-up and the reading of the packs."
} > bench/POLICY.md
cat bench/POLICY.md
