#!/usr/bin/env bash
# The corpus with and without ShellCheck: interleaved runs of bin/dockerlint without it, with it
# and an empty ShellCheck cache (every script checked: a first run, a CI machine), and with the
# cache of the previous run (a second run on unchanged files); medians, ratios, how many ShellCheck
# processes a run starts, how long ShellCheck alone takes on the same scripts, and the SC findings
# per code. Writes bench/SHELLCHECK.md.
#   bench/shellcheck.sh             RUNS=9 by default
#   CORPUS=dir bench/shellcheck.sh  another corpus (default ../shared/corpus)
# Needs shellcheck on the PATH. Nothing it writes but SHELLCHECK.md is kept: the rest lives under
# target/bench.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
corpus=${CORPUS:-$root/../shared/corpus}
runs=${RUNS:-9}
work="$root/target/bench/shellcheck"
say() { printf '== %s\n' "$*" >&2; }

shellcheck=$(command -v shellcheck) || { echo "shellcheck is not on the PATH (apt-get install shellcheck)" >&2; exit 2; }
[ -d "$corpus" ] || { echo "no corpus at $corpus" >&2; exit 2; }
rm -rf "$work" && mkdir -p "$work/bin" "$work/scripts"

say "building the jar"
./mvnw -q package -DskipTests
export DOCKERLINT_JAR="$root/target/dockerlint.jar"
export XDG_CACHE_HOME="$work/cache" # a private class-data archive, made by the warm-up runs
launcher="$root/bin/dockerlint"
mapfile -t files < <(find "$corpus" -type f -name '*Dockerfile' | sort)
lines=$(cat "${files[@]}" | wc -l)

run_with() { "$launcher" --format json "${files[@]}" > "$work/with.json" 2> "$work/with.err" || true; }
run_cold() { DOCKERLINT_SHELLCHECK_CACHE=0 "$launcher" --format json "${files[@]}" > "$work/cold.json" 2> /dev/null || true; }
run_without() { "$launcher" --no-shellcheck --format json "${files[@]}" > "$work/without.json" 2> /dev/null || true; }
ms() { local t0 t1; t0=$(date +%s%N); "$@"; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
# CPU milliseconds of a run (user + system, ShellCheck's processes included, as bash's time
# counts them): steadier than wall time on a machine others share
cpu_ms() {
  local TIMEFORMAT='%U %S'
  { time "$@"; } 2> "$work/cpu"
  awk '{printf "%.0f\n", ($1 + $2) * 1000}' "$work/cpu"
}
median() { sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'; }

say "warming up"
run_without; run_cold; run_with; run_without; run_with
if [ -s "$work/with.err" ]; then
  echo "a run with ShellCheck printed warnings:" >&2
  cat "$work/with.err" >&2
  exit 1
fi

say "measuring: $runs runs each, interleaved"
with=() cold=() without=() with_cpu=() cold_cpu=() without_cpu=()
for ((i = 0; i < runs; i++)); do
  without+=("$(ms run_without)")
  cold+=("$(ms run_cold)")
  with+=("$(ms run_with)")
  without_cpu+=("$(cpu_ms run_without)")
  cold_cpu+=("$(cpu_ms run_cold)")
  with_cpu+=("$(cpu_ms run_with)")
done
with_cpu_ms=$(printf '%s\n' "${with_cpu[@]}" | median)
cold_cpu_ms=$(printf '%s\n' "${cold_cpu[@]}" | median)
without_cpu_ms=$(printf '%s\n' "${without_cpu[@]}" | median)
with_ms=$(printf '%s\n' "${with[@]}" | median)
cold_ms=$(printf '%s\n' "${cold[@]}" | median)
without_ms=$(printf '%s\n' "${without[@]}" | median)
ratio=$(awk -v a="$with_ms" -v b="$without_ms" 'BEGIN {printf "%.2f", a / b}')
cold_ratio=$(awk -v a="$cold_ms" -v b="$without_ms" 'BEGIN {printf "%.2f", a / b}')
cmp -s <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"])' "$work/with.json") \
  <(python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))["findings"])' "$work/cold.json") \
  || { echo "the cached run and the uncached run differ" >&2; exit 1; }

say "counting ShellCheck processes and keeping the scripts they check"
cat > "$work/bin/shellcheck" <<EOF
#!/bin/sh
echo call >> "$work/calls.log"
for f in "\$@"; do
  case "\$f" in *.sh) cp "\$f" "$work/scripts/\$(date +%s%N)-\$f" ;; esac
done
exec "$shellcheck" "\$@"
EOF
chmod +x "$work/bin/shellcheck"
DOCKERLINT_SHELLCHECK_CACHE=0 "$launcher" --shellcheck "$work/bin/shellcheck" --format json "${files[@]}" > /dev/null 2>&1 || true
calls=$(wc -l < "$work/calls.log")
scripts=$(find "$work/scripts" -type f | wc -l)
script_kb=$(cat "$work/scripts"/* | wc -c | awk '{printf "%.0f", $1 / 1024}')
alone_ms=$( (cd "$work/scripts" && ms sh -c "\"$shellcheck\" --norc --format=json1 * > /dev/null" ) )

say "counting findings"
counts=$(python3 - "$work/with.json" "$work/without.json" <<'EOF'
import collections, json, sys
with_sc = json.load(open(sys.argv[1]))["findings"]
without_sc = json.load(open(sys.argv[2]))["findings"]
codes = collections.Counter(f["rule"] for f in with_sc if f["rule"].startswith("SC"))
native = collections.Counter(f["rule"] for f in without_sc if f["rule"] in ("run-bashism", "run-syntax-error"))
print(f"- findings: {len(without_sc)} without ShellCheck, {len(with_sc)} with it, of which {sum(codes.values())} "
      f"SC findings under {len(codes)} codes; run-bashism and run-syntax-error without ShellCheck: "
      f"{sum(native.values())}")
print()
print("| code | findings |")
print("|---|---:|")
for code, n in codes.most_common(20):
    print(f"| [{code}](https://www.shellcheck.net/wiki/{code}) | {n} |")
EOF
)

cores=$(nproc)
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo "?")
version=$("$shellcheck" --version | sed -n 's/^version: //p')
cat > bench/SHELLCHECK.md <<EOF
# ShellCheck on the corpus

Written by \`bench/shellcheck.sh\` on $(date -u '+%Y-%m-%d (%H:%M UTC)'): ${#files[@]} Dockerfiles,
$lines lines, ShellCheck $version, $cores cores, load average at the end: $load. Median of $runs
interleaved runs of \`bin/dockerlint --format json\` over every file in one invocation.

| run | median wall ms | vs without | median CPU ms (all processes) |
|---|---:|---:|---:|
| \`--no-shellcheck\` | $without_ms | 1.00x | $without_cpu_ms |
| with ShellCheck, every script checked (\`DOCKERLINT_SHELLCHECK_CACHE=0\`: a first run, a fresh CI machine) | $cold_ms | ${cold_ratio}x | $cold_cpu_ms |
| with ShellCheck, answers of the run before in the cache (files unchanged) | $with_ms | ${ratio}x | $with_cpu_ms |

Wall-time ratios are what a user waits; on $cores cores the first run cannot do better than
(CPU with ShellCheck) / $cores against the run without, since ShellCheck's own CPU is spent in any case.

The two runs with ShellCheck report the same findings (the script checks).

- ShellCheck processes per run: $calls, for ${#files[@]} Dockerfiles; distinct scripts checked: $scripts
  ($script_kb KB, the same RUN in several Dockerfiles checked once).
- ShellCheck alone on those scripts, one process: $alone_ms ms. That is its own cost, which two
  cores can at best halve; the rest of the difference is dockerlint's own work sharing the cores.
$counts
EOF
cat bench/SHELLCHECK.md
