#!/usr/bin/env bash
# Benchmarks dockerlint against the JVM floor and the node linters and writes bench/RESULTS.md.
#   bench/run.sh            build, install the node peers into target/bench, measure, write RESULTS.md
#   RUNS=20 bench/run.sh    more repetitions (default 15 for single runs, 7 for the corpus/scaling)
#   CORPUS=dir bench/run.sh another corpus (default ../shared/corpus)
# Uses hyperfine when it is on the PATH (apt-get install hyperfine), else a loop reporting the median.
# Nothing it downloads or generates is committed: it all lives under target/bench.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work="$root/target/bench"
corpus=${CORPUS:-$root/../shared/corpus}
runs=${RUNS:-15}
big_runs=${BIG_RUNS:-7}
mkdir -p "$work"

say() { printf '== %s\n' "$*" >&2; }

say "building the jar"
./mvnw -q package -DskipTests
jar="$root/target/dockerlint.jar"
launcher="$root/bin/dockerlint"
export DOCKERLINT_JAR="$jar"
# a private cache, so the first measured run is not the one that creates the CDS archive
export XDG_CACHE_HOME="$work/cache"
rm -rf "$XDG_CACHE_HOME"

say "installing dockerfilelint and dockerfile-utils into $work/node"
mkdir -p "$work/node"
if [ ! -x "$work/node/node_modules/.bin/dockerfilelint" ] || [ ! -x "$work/node/node_modules/.bin/dockerfile-utils" ]; then
  (cd "$work/node" && { [ -f package.json ] || npm init -y >/dev/null; } \
    && npm install --no-audit --no-fund --loglevel=error dockerfilelint dockerfile-utils >/dev/null)
fi
dfl="$work/node/node_modules/.bin/dockerfilelint"
dfu="$work/node/node_modules/.bin/dockerfile-utils"

say "writing the JVM floor (Hello.java)"
mkdir -p "$work/hello"
cat > "$work/hello/Hello.java" <<'EOF'
public class Hello {
  public static void main(String[] args) {
    System.out.println("hello");
  }
}
EOF
javac -d "$work/hello" "$work/hello/Hello.java"

say "generating synthetic Dockerfiles"
for n in 1000 10000 100000; do
  java "$root/bench/GenDockerfile.java" "$n" "$work/synthetic-$n.Dockerfile"
done

small="$corpus/docker-library+golang/1.26__alpine3.24__Dockerfile"
[ -f "$small" ] || small=$(find "$corpus" -name '*Dockerfile' | sort | head -n 1)
mapfile -t corpus_files < <(find "$corpus" -type f -name '*Dockerfile' | sort)

# warm the CDS archive (first run creates it) and check every command works
"$launcher" "$small" >/dev/null 2>&1 || true
"$launcher" "$small" >/dev/null 2>&1 || true

# median wall time in ms of a command (a string run by sh), $2 repetitions after one warm-up
if command -v hyperfine >/dev/null 2>&1; then
  tool="hyperfine $(hyperfine --version | cut -d' ' -f2)"
  median_ms() {
    local json="$work/hf.json"
    hyperfine -N -i --style none -w 2 -r "$2" --export-json "$json" "$1" >/dev/null 2>&1 \
      || hyperfine -i --style none -w 2 -r "$2" --export-json "$json" "$1" >/dev/null 2>&1
    sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$json" | head -n 1 | awk '{printf "%.0f", $1 * 1000}'
  }
else
  tool="shell loop (date +%s%N)"
  median_ms() {
    local i t0 t1 times=()
    sh -c "$1" >/dev/null 2>&1 || true
    for ((i = 0; i < $2; i++)); do
      t0=$(date +%s%N); sh -c "$1" >/dev/null 2>&1 || true; t1=$(date +%s%N)
      times+=($(((t1 - t0) / 1000000)))
    done
    printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR] = $1} END {print a[int((NR + 1) / 2)]}'
  }
fi

q() { printf '%q ' "$@"; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN {printf "%.2f", a / b}'; }

say "1. one small file ($runs runs each)"
t_hello=$(median_ms "$(q java -Xshare:auto -cp "$work/hello" Hello)" "$runs")
t_dl=$(median_ms "$(q "$launcher" "$small")" "$runs")
t_dl_nocds=$(median_ms "DOCKERLINT_CDS=0 $(q "$launcher" "$small")" "$runs")
t_dl_plain=$(median_ms "$(q java -jar "$jar" "$small")" "$runs")
t_dfl=$(median_ms "$(q "$dfl" "$small")" "$runs")
# the same launcher on a newer JDK, when one is there (JAVA25_HOME, default Temurin 25 under /usr/lib/jvm)
java25=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
t_dl25=""
if [ -x "$java25/bin/java" ]; then
  JAVA_HOME="$java25" "$launcher" "$small" >/dev/null 2>&1 || true
  # the first run trains the AOT cache in the background: wait for it, then measure
  for _ in $(seq 1 120); do
    ls "$XDG_CACHE_HOME"/dockerlint/*.aot >/dev/null 2>&1 && break
    sleep 0.5
  done
  t_dl25=$(median_ms "JAVA_HOME=$(q "$java25") $(q "$launcher" "$small")" "$runs")
fi
t_dfu=$(median_ms "$(q "$dfu" lint "$small")" "$runs")

say "2. the corpus, ${#corpus_files[@]} files in one invocation ($big_runs runs each)"
t_corpus=$(median_ms "$(q "$launcher" --failure-threshold none "${corpus_files[@]}")" "$big_runs")
t_corpus_dfl=$(median_ms "$(q "$dfl" "${corpus_files[@]}")" "$big_runs")
if [ -x /usr/bin/time ]; then
  rss_corpus=$( (/usr/bin/time -f 'RSS %M' "$launcher" --failure-threshold none "${corpus_files[@]}" >/dev/null) 2>&1 \
    | sed -n 's/^RSS //p' | tail -n 1)
else
  rss_corpus="n/a"
fi

t_corpus25=""
if [ -n "$t_dl25" ]; then
  t_corpus25=$(median_ms "JAVA_HOME=$(q "$java25") $(q "$launcher" --failure-threshold none "${corpus_files[@]}")" "$big_runs")
fi
# where one corpus run's time goes: CPU on all cores, C1 compilation (-XX:+CITime), GC pauses
diag=$( (DOCKERLINT_JAVA_OPTS="-XX:+CITime -Xlog:gc" /usr/bin/time -f 'CPU %U %S' "$launcher" --failure-threshold none \
  "${corpus_files[@]}") 2>&1 || true)
cpu_corpus=$(printf '%s\n' "$diag" | sed -n 's/^CPU //p' | awk '{printf "%.0f", ($1 + $2) * 1000}')
jit_corpus=$(printf '%s\n' "$diag" | sed -n 's/.*C1 Compile Time: *\([0-9.]*\) s.*/\1/p' | awk '{printf "%.0f", $1 * 1000}')
gc_corpus=$(printf '%s\n' "$diag" | grep 'Pause' | grep -o '[0-9.]*ms$' | tr -d ms | awk '{s += $1} END {printf "%.0f", s}')

say "3. scaling ($big_runs runs each)"
declare -A t_syn
for n in 1000 10000 100000; do
  t_syn[$n]=$(median_ms "$(q "$launcher" --failure-threshold none "$work/synthetic-$n.Dockerfile")" "$big_runs")
done
# the start-up is the same for all three; the lint time alone shows the growth better
printf 'FROM alpine:3.20\n' > "$work/one-line.Dockerfile"
t_syn0=$(median_ms "$(q "$launcher" --failure-threshold none "$work/one-line.Dockerfile")" "$big_runs")
rss_100k=$( (/usr/bin/time -f 'RSS %M' "$launcher" --failure-threshold none "$work/synthetic-100000.Dockerfile" >/dev/null) 2>&1 \
  | sed -n 's/^RSS //p' | tail -n 1)

lines() { wc -l < "$1" | tr -d ' '; }
mark() { if awk "BEGIN {exit !($1)}"; then echo met; else echo "**not met**"; fi; }
jdk=$(java -version 2>&1 | head -n 1)
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo '?')
load=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
node_v=$(node --version)
dfl_v=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$work/node/node_modules/dockerfilelint/package.json" | head -n 1)
dfu_v=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$work/node/node_modules/dockerfile-utils/package.json" | head -n 1)
r_floor=$(ratio "$t_dl" "$t_hello")
r_corpus=$(ratio "$t_corpus" "$t_corpus_dfl")
r1=$(ratio "${t_syn[10000]}" "${t_syn[1000]}")
r2=$(ratio "${t_syn[100000]}" "${t_syn[10000]}")
net1=$(awk -v a="${t_syn[1000]}" -v z="$t_syn0" 'BEGIN {d = a - z; print (d < 1 ? 1 : d)}')
net2=$(awk -v a="${t_syn[10000]}" -v z="$t_syn0" 'BEGIN {d = a - z; print (d < 1 ? 1 : d)}')
net3=$(awk -v a="${t_syn[100000]}" -v z="$t_syn0" 'BEGIN {d = a - z; print (d < 1 ? 1 : d)}')

out="$root/bench/RESULTS.md"
cat > "$out" <<EOF
# Benchmark results

Written by \`bench/run.sh\` on $(date -u +%Y-%m-%d) ($(date -u +%H:%M) UTC). Median wall time of repeated runs, all
measured side by side in this one run; compare ratios, not absolute times.

- Machine: $(nproc) cores, ${cpu:-unknown CPU}, $mem; load average at the end of the run: $load
- JDK: $jdk; launcher \`bin/dockerlint\` (C1 only with lower compile thresholds, SerialGC, no perf data, \`-Xmx192m\`, CDS archive in the user cache)
- Peers: node $node_v, dockerfilelint $dfl_v, dockerfile-utils $dfu_v
- Timing: $tool; $runs runs (single file), $big_runs runs (corpus and scaling)
- Small file: \`$(basename "$small")\` ($(lines "$small") lines); corpus: ${#corpus_files[@]} files, $(cat "${corpus_files[@]}" | wc -l | tr -d ' ') lines

## 1. One small file, one process

| command | median ms | vs JVM floor |
|---|---:|---:|
| \`java -cp . Hello\` (JVM floor) | $t_hello | 1.00 |
| \`bin/dockerlint FILE\` (launcher, CDS archive) | $t_dl | $r_floor |
| \`DOCKERLINT_CDS=0 bin/dockerlint FILE\` (launcher, no archive) | $t_dl_nocds | $(ratio "$t_dl_nocds" "$t_hello") |
| \`java -jar dockerlint.jar FILE\` (no launcher) | $t_dl_plain | $(ratio "$t_dl_plain" "$t_hello") |
$(if [ -n "$t_dl25" ]; then echo "| same launcher on $("$java25/bin/java" -version 2>&1 | head -n 1 | cut -d'"' -f2) (AOT cache) | $t_dl25 | $(ratio "$t_dl25" "$t_hello") |"; fi)
| \`dockerfilelint FILE\` | $t_dfl | $(ratio "$t_dfl" "$t_hello") |
| \`dockerfile-utils lint FILE\` | $t_dfu | $(ratio "$t_dfu" "$t_hello") |

## 2. The corpus in one invocation

| command | median ms | vs dockerfilelint |
|---|---:|---:|
| \`bin/dockerlint\` on ${#corpus_files[@]} files (every default rule) | $t_corpus | $r_corpus |
$(if [ -n "$t_corpus25" ]; then echo "| same launcher on $("$java25/bin/java" -version 2>&1 | head -n 1 | cut -d'"' -f2) (AOT cache with profiles) | $t_corpus25 | $(ratio "$t_corpus25" "$t_corpus_dfl") |"; fi)
| \`dockerfilelint\` on the same files | $t_corpus_dfl | 1.00 |

Peak RSS of the dockerlint corpus run (\`/usr/bin/time -f %M\`): ${rss_corpus} KB.
Where one run's time goes (\`-XX:+CITime -Xlog:gc\`): ${cpu_corpus} ms of CPU on all cores, of which
${jit_corpus} ms compiling with C1 and ${gc_corpus} ms in GC pauses; the rest is mostly the interpreter
before the compiled code takes over.

## 3. Scaling (synthetic files from \`bench/GenDockerfile.java\`)

| lines | median ms | ratio to the previous (10x lines) | minus start-up (a one-line file: $t_syn0 ms) | net ratio |
|---:|---:|---:|---:|---:|
| $(lines "$work/synthetic-1000.Dockerfile") | ${t_syn[1000]} | | $net1 | |
| $(lines "$work/synthetic-10000.Dockerfile") | ${t_syn[10000]} | $r1 | $net2 | $(ratio "$net2" "$net1") |
| $(lines "$work/synthetic-100000.Dockerfile") | ${t_syn[100000]} | $r2 | $net3 | $(ratio "$net3" "$net2") |

Peak RSS of the 100k-line run: ${rss_100k} KB.

## Targets (issue 6)

| target | measured | |
|---|---|---|
| single file at most 3x the JVM floor | ${r_floor}x ($t_dl vs $t_hello ms) | $(mark "$r_floor <= 3") |
| single file faster than dockerfilelint and dockerfile-utils | $t_dl vs $t_dfl and $t_dfu ms | $(mark "$t_dl < $t_dfl && $t_dl < $t_dfu") |
| corpus at most half of dockerfilelint's time | ${r_corpus}x ($t_corpus vs $t_corpus_dfl ms) | $(mark "$r_corpus <= 0.5") |
| 100k lines under 2 s | ${t_syn[100000]} ms | $(mark "${t_syn[100000]} < 2000") |
| 10x lines at most 12x time | $r1, $r2 (net of start-up: $(ratio "$net2" "$net1"), $(ratio "$net3" "$net2")) | $(mark "$r1 <= 12 && $r2 <= 12") |
| corpus peak RSS under 256 MB | ${rss_corpus} KB | $(mark "${rss_corpus:-999999} < 262144") |
EOF
say "wrote $out"
cat "$out"
