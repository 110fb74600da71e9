#!/usr/bin/env bash
# Benchmarks dockerlint against the JVM floor and the node linters and writes bench/RESULTS.md.
#   bench/run.sh               build, install the node peers into target/bench, measure, write RESULTS.md
#   ROUNDS=30 bench/run.sh     more rounds (default 21 for the start-up group, 9 for the corpus and scaling)
#   CORPUS=dir bench/run.sh    another corpus (default ../shared/corpus)
#   JAVA17_HOME=... JAVA25_HOME=... bench/run.sh   the two JDKs (default: java on the PATH, Temurin 25)
# Commands are interleaved: every round runs each command of a group once, in a new random order,
# so a burst of load from elsewhere hits all of them alike; a ratio is the median of the ratios
# within each round. Nothing it downloads or generates is committed: it all lives under target/bench.
set -euo pipefail

root=$(cd "$(dirname "$0")/.." && pwd)
cd "$root"
work="$root/target/bench"
corpus=${CORPUS:-$root/../shared/corpus}
rounds=${ROUNDS:-21}
big_rounds=${BIG_ROUNDS:-9}
mkdir -p "$work"

say() { printf '== %s\n' "$*" >&2; }

say "building the jar"
./mvnw -q package -DskipTests
jar="$root/target/dockerlint.jar"
launcher="$root/bin/dockerlint"
export DOCKERLINT_JAR="$jar"
# a private cache, so no measured run is the one that makes an archive
export XDG_CACHE_HOME="$work/cache"
rm -rf "$XDG_CACHE_HOME"
unset DOCKERLINT_CDS DOCKERLINT_JAVA_OPTS JAVA_TOOL_OPTIONS

java17=${JAVA17_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
java25=${JAVA25_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
[ -x "$java17/bin/java" ] || { echo "no JDK at $java17 (set JAVA17_HOME)" >&2; exit 2; }
have25=
if [ -x "$java25/bin/java" ]; then have25=1; fi
jdk_name() { "$1/bin/java" -version 2>&1 | head -n 1 | cut -d'"' -f2; }

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
"$java17/bin/javac" --release 17 -d "$work/hello" "$work/hello/Hello.java"

say "generating synthetic Dockerfiles"
for n in 1000 10000 100000; do
  "$java17/bin/java" "$root/bench/GenDockerfile.java" "$n" "$work/synthetic-$n.Dockerfile"
done
printf 'FROM alpine:3.20\n' > "$work/one-line.Dockerfile"

small="$corpus/docker-library+golang/1.26__alpine3.24__Dockerfile"
[ -f "$small" ] || small=$(find "$corpus" -name '*Dockerfile' | sort | head -n 1)
mapfile -t corpus_files < <(find "$corpus" -type f -name '*Dockerfile' | sort)
# the pre-commit case: five staged Dockerfiles, every 75th of the corpus
five=()
for i in 0 75 150 225 300; do five+=("${corpus_files[$((i % ${#corpus_files[@]}))]}"); done

# the launcher's archives for both JDKs, made before anything is measured
say "making the launcher's archives"
JAVA_HOME="$java17" "$launcher" "$small" >/dev/null 2>&1 || true
if [ -n "$have25" ]; then JAVA_HOME="$java25" "$launcher" "$small" >/dev/null 2>&1 || true; fi
for _ in $(seq 1 600); do
  compgen -G "$XDG_CACHE_HOME/dockerlint/*.new" >/dev/null || break
  sleep 0.2
done
JAVA_HOME="$java17" "$launcher" "$small" >/dev/null 2>&1 || true

# the rows without ShellCheck stay without it where shellcheck is installed (--no-shellcheck keeps
# the launcher's archive for plain paths); the sc rows measure it, one process each run, uncached
nosc=()
have_sc=
if command -v shellcheck >/dev/null 2>&1; then have_sc=1; nosc=(--no-shellcheck); fi
q() { printf '%q ' "$@"; }
# the commands, by name: run with eval (a simple command, so bash forks and execs it directly)
declare -A cmd
cmd[hello17]="$(q "$java17/bin/java" -cp "$work/hello" Hello)"
cmd[dl17]="JAVA_HOME=$(q "$java17") $(q "$launcher" "${nosc[@]}" "$small")"
cmd[dl17_nocds]="DOCKERLINT_CDS=0 JAVA_HOME=$(q "$java17") $(q "$launcher" "${nosc[@]}" "$small")"
cmd[jar17]="$(q "$java17/bin/java" -jar "$jar" "${nosc[@]}" "$small")"
cmd[dfl]="$(q "$dfl" "$small")"
cmd[dfu]="$(q "$dfu" lint "$small")"
cmd[five17]="JAVA_HOME=$(q "$java17") $(q "$launcher" "${nosc[@]}" "${five[@]}")"
cmd[five_dfl]="$(q "$dfl" "${five[@]}")"
cmd[corpus17]="JAVA_HOME=$(q "$java17") $(q "$launcher" "${nosc[@]}" --failure-threshold none "${corpus_files[@]}")"
cmd[corpus_dfl]="$(q "$dfl" "${corpus_files[@]}")"
for n in one-line 1000 10000 100000; do
  f="$work/synthetic-$n.Dockerfile"
  [ "$n" = one-line ] && f="$work/one-line.Dockerfile"
  cmd[syn17_$n]="JAVA_HOME=$(q "$java17") $(q "$launcher" "${nosc[@]}" --failure-threshold none "$f")"
  cmd[syn25_$n]="JAVA_HOME=$(q "$java25") $(q "$launcher" "${nosc[@]}" --failure-threshold none "$f")"
done
start_group=(hello17 dl17 dl17_nocds jar17 dfl dfu five17 five_dfl)
if [ -n "$have_sc" ]; then
  cmd[sc17]="DOCKERLINT_SHELLCHECK_CACHE=0 JAVA_HOME=$(q "$java17") $(q "$launcher" "$small")"
  start_group+=(sc17)
fi
corpus_group=(corpus17 corpus_dfl)
scale_group=(syn17_one-line syn17_1000 syn17_10000 syn17_100000)
if [ -n "$have25" ]; then
  cmd[hello25]="$(q "$java25/bin/java" -cp "$work/hello" Hello)"
  cmd[dl25]="JAVA_HOME=$(q "$java25") $(q "$launcher" "${nosc[@]}" "$small")"
  cmd[five25]="JAVA_HOME=$(q "$java25") $(q "$launcher" "${nosc[@]}" "${five[@]}")"
  cmd[corpus25]="JAVA_HOME=$(q "$java25") $(q "$launcher" "${nosc[@]}" --failure-threshold none "${corpus_files[@]}")"
  start_group+=(hello25 dl25 five25)
  if [ -n "$have_sc" ]; then
    cmd[sc25]="DOCKERLINT_SHELLCHECK_CACHE=0 JAVA_HOME=$(q "$java25") $(q "$launcher" "$small")"
    start_group+=(sc25)
  fi
  corpus_group+=(corpus25)
  scale_group+=(syn25_one-line syn25_1000 syn25_10000 syn25_100000)
fi

times="$work/times"
rm -rf "$times"
mkdir -p "$times"
# rounds GROUP N: N rounds of GROUP (after one round not counted), each command once per round in
# a new random order; appends each run's wall time in ms to $times/NAME, one line per round
rounds() {
  local -n names=$1
  local n=$2 r name t0 t1
  for ((r = 0; r <= n; r++)); do
    for name in $(printf '%s\n' "${names[@]}" | shuf); do
      t0=${EPOCHREALTIME/./}
      eval "${cmd[$name]}" >/dev/null 2>&1 || true
      t1=${EPOCHREALTIME/./}
      if ((r > 0)); then
        printf '%d.%03d\n' $(((t1 - t0) / 1000)) $(((t1 - t0) % 1000)) >> "$times/$name"
      fi
    done
  done
}
median() { sort -n | awk '{a[NR] = $1} END {if (NR == 0) print "n/a"; else if (NR % 2) print a[(NR + 1) / 2]; else print (a[NR / 2] + a[NR / 2 + 1]) / 2}'; }
# ms NAME: the median time; ratio A B: the median of A/B within each round
ms() { median < "$times/$1" | awk '{printf "%.0f", $1}'; }
ratio() { paste "$times/$1" "$times/$2" | awk '{print $1 / $2}' | median | awk '{printf "%.2f", $1}'; }
mark() { if awk "BEGIN {exit !($1)}"; then echo met; else echo "**not met**"; fi; }
mark25() { if [ -n "$have25" ]; then mark "$1"; else echo "n/a (no JDK 25)"; fi; }

load_start=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
say "1. start-up: ${#start_group[@]} commands, $rounds rounds"
rounds start_group "$rounds"
say "2. the corpus: ${#corpus_files[@]} files in one invocation, $big_rounds rounds"
rounds corpus_group "$big_rounds"
say "3. scaling, $big_rounds rounds"
rounds scale_group "$big_rounds"

say "4. peak RSS, where the corpus run's time goes, the start-up breakdown"
rss() { (/usr/bin/time -f 'RSS %M' "$@" >/dev/null) 2>&1 | sed -n 's/^RSS //p' | tail -n 1; }
rss_corpus=n/a; rss_corpus25=n/a; rss_100k=n/a
if [ -x /usr/bin/time ]; then
  rss_corpus=$(JAVA_HOME="$java17" rss "$launcher" --failure-threshold none "${corpus_files[@]}")
  rss_100k=$(JAVA_HOME="$java17" rss "$launcher" --failure-threshold none "$work/synthetic-100000.Dockerfile")
  if [ -n "$have25" ]; then
    rss_corpus25=$(JAVA_HOME="$java25" rss "$launcher" --failure-threshold none "${corpus_files[@]}")
  fi
fi
diag=$( (DOCKERLINT_JAVA_OPTS="-XX:+CITime -Xlog:gc" JAVA_HOME="$java17" /usr/bin/time -f 'CPU %U %S' "$launcher" \
  --failure-threshold none "${corpus_files[@]}") 2>&1 || true)
cpu_corpus=$(printf '%s\n' "$diag" | sed -n 's/^CPU //p' | awk '{printf "%.0f", ($1 + $2) * 1000}')
jit_corpus=$(printf '%s\n' "$diag" | sed -n 's/.*C1 Compile Time: *\([0-9.]*\) s.*/\1/p' | awk '{printf "%.0f", $1 * 1000}')
gc_corpus=$(printf '%s\n' "$diag" | grep 'Pause' | grep -o '[0-9.]*ms$' | tr -d ms | awk '{s += $1} END {printf "%.0f", s}')

# breakdown JAVA_HOME EXITLOG COMMAND...: medians over 15 runs of the times since the java launcher
# started (its _JAVA_LAUNCHER_DEBUG report: libjvm loaded, JVM created, main class loaded; the JVM's
# uptime when it logs the heap at exit) and the whole run's wall time
breakdown() {
  local home=$1 exitlog=$2 i out t0 t1
  shift 2
  rm -f "$work/breakdown"
  for i in $(seq 1 15); do
    t0=${EPOCHREALTIME/./}
    out=$(env _JAVA_LAUNCHER_DEBUG=1 JAVA_HOME="$home" DOCKERLINT_JAVA_OPTS="$exitlog" "$@" 2>&1 || true)
    t1=${EPOCHREALTIME/./}
    printf '%s\n' "$out" | awk -v wall=$(((t1 - t0) / 1000)) '
      /micro seconds to LoadJavaVM/ {lj = $1} /micro seconds to InitializeJVM/ {ij = $1}
      /micro seconds to load main class/ {mc = $1}
      /\[gc,(heap,)?exit/ && !ex {sub(/^\[/, "", $1); sub(/s\].*/, "", $1); ex = $1 * 1e6}
      END {printf "%.1f %.1f %.1f %.1f\n", (lj + ij) / 1000, (lj + ij + mc) / 1000, (lj + ex) / 1000, wall}' >> "$work/breakdown"
  done
  local c
  for c in 1 2 3 4; do
    awk -v c=$c '{print $c}' "$work/breakdown" | median | awk '{printf "%.0f ", $1}'
  done
}
# the launcher passes the exit log option on through DOCKERLINT_JAVA_OPTS; Hello gets it directly
exit17=-Xlog:gc+heap+exit:stderr:uptime,tags
exit25=-Xlog:gc+exit:stderr:uptime,tags
bd_hello17=$(breakdown "$java17" "$exit17" "$java17/bin/java" "$exit17" -cp "$work/hello" Hello)
bd_dl17=$(breakdown "$java17" "$exit17" "$launcher" "${nosc[@]}" "$small")
bd_hello25=; bd_dl25=
if [ -n "$have25" ]; then
  bd_hello25=$(breakdown "$java25" "$exit25" "$java25/bin/java" "$exit25" -cp "$work/hello" Hello)
  bd_dl25=$(breakdown "$java25" "$exit25" "$launcher" "${nosc[@]}" "$small")
fi
bd_row() {
  local name=$1
  shift
  [ -n "$*" ] || return 0
  set -- $*
  echo "| $name | $1 | $2 | $3 | $4 |"
}

say "writing RESULTS.md"
lines() { wc -l < "$1" | tr -d ' '; }
cpu=$(sed -n 's/^model name[[:space:]]*: //p' /proc/cpuinfo 2>/dev/null | head -n 1)
mem=$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo 2>/dev/null || echo '?')
load_end=$(cut -d' ' -f1-3 /proc/loadavg 2>/dev/null || echo '?')
node_v=$(node --version)
dfl_v=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$work/node/node_modules/dockerfilelint/package.json" | head -n 1)
dfu_v=$(sed -n 's/.*"version": *"\([^"]*\)".*/\1/p' "$work/node/node_modules/dockerfile-utils/package.json" | head -n 1)
v17=$(jdk_name "$java17")
v25=n/a
if [ -n "$have25" ]; then v25=$(jdk_name "$java25"); fi
row() { echo "| $1 | $(ms "$2") | $(ratio "$2" "$3") |"; }
row25() { if [ -n "$have25" ]; then row "$@"; fi; }
r_floor17=$(ratio dl17 hello17)
r_dfl17=$(ratio dl17 dfl)
r_dfu17=$(ratio dl17 dfu)
r_five17=$(ratio five17 five_dfl)
r_corpus17=$(ratio corpus17 corpus_dfl)
r_floor25=n/a; r_dfl25=n/a; r_five25=n/a; r_corpus25=n/a
if [ -n "$have25" ]; then
  r_floor25=$(ratio dl25 hello25); r_dfl25=$(ratio dl25 dfl); r_five25=$(ratio five25 five_dfl)
  r_corpus25=$(ratio corpus25 corpus_dfl)
fi
best() { awk -v a="$1" -v b="$2" 'BEGIN {if (b == "n/a" || a + 0 <= b + 0) print a; else print b}'; }
# with ShellCheck installed (one more process per run, its cache off): rows and the target
sc_rows=; r_sc=n/a; sc_target="n/a (no shellcheck on the PATH) | n/a"
if [ -n "$have_sc" ]; then
  sc_rows="| \`bin/dockerlint FILE\` on JDK 17, ShellCheck $(shellcheck --version | sed -n 's/^version: //p') installed (uncached) | $(ms sc17) | $(ratio sc17 hello17) |"
  r_sc=$(ratio sc17 dfl)
  sc_target="${r_sc}x (JDK 17)"
  if [ -n "$have25" ]; then
    sc_rows="$sc_rows
| \`bin/dockerlint FILE\` on JDK 25, ShellCheck installed (uncached) | $(ms sc25) | $(ratio sc25 hello17) |"
    r_sc=$(best "$r_sc" "$(ratio sc25 dfl)")
    sc_target="$sc_target, $(ratio sc25 dfl)x (JDK 25)"
  fi
  sc_target="$sc_target | $(mark "$r_sc <= 0.7")"
fi
# scaling: ratio per 10x lines, raw and with the start-up (the one-line file) taken off, per round
net() { paste "$times/$1" "$times/$2" | awk '{d = $1 - $2; print (d < 1 ? 1 : d)}'; }
netratio() { paste <(net "$1" "$3") <(net "$2" "$3") | awk '{print $1 / $2}' | median | awk '{printf "%.2f", $1}'; }
scale_rows() {
  local v=$1 n prev=
  for n in 1000 10000 100000; do
    local f="$work/synthetic-$n.Dockerfile"
    if [ -z "$prev" ]; then
      echo "| $v | $(lines "$f") | $(ms syn${v}_$n) | | $(net syn${v}_$n syn${v}_one-line | median | awk '{printf "%.0f", $1}') | |"
    else
      echo "| $v | $(lines "$f") | $(ms syn${v}_$n) | $(ratio syn${v}_$n syn${v}_$prev) | $(net syn${v}_$n syn${v}_one-line | median | awk '{printf "%.0f", $1}') | $(netratio syn${v}_$n syn${v}_$prev syn${v}_one-line) |"
    fi
    prev=$n
  done
}
g17_1=$(ratio syn17_10000 syn17_1000); g17_2=$(ratio syn17_100000 syn17_10000)

out="$root/bench/RESULTS.md"
cat > "$out" <<EOF
# Benchmark results

Written by \`bench/run.sh\` on $(date -u +%Y-%m-%d) ($(date -u +%H:%M) UTC). Commands are interleaved: each round
runs every command of its group once, in a new random order, so load from elsewhere hits them alike.
Times are medians over the rounds; a ratio is the median of the ratios within each round. Compare
ratios, not absolute times, which drift with the machine and its load.

- Machine: $(nproc) cores, ${cpu:-unknown CPU}, $mem; load average at the start $load_start, at the end $load_end
- JDKs: $v17 (\`$java17\`), $v25 (\`$java25\`); launcher \`bin/dockerlint\`: C1 only with lower compile thresholds, G1 with the JDK 17 archive and SerialGC with the JDK 25 caches, no perf data, \`-Xmx192m\`; a static CDS archive on JDK 17, AOT caches on JDK 25 (made before the measurements, in a private cache)
- Peers: node $node_v, dockerfilelint $dfl_v, dockerfile-utils $dfu_v
- Rounds: $rounds (start-up group), $big_rounds (corpus and scaling), each after one round not counted
- Small file: \`$(basename "$small")\` ($(lines "$small") lines); five files: $(for f in "${five[@]}"; do printf '`%s` ' "${f#"$corpus"/}"; done)($(cat "${five[@]}" | wc -l | tr -d ' ') lines); corpus: ${#corpus_files[@]} files, $(cat "${corpus_files[@]}" | wc -l | tr -d ' ') lines

## 1. One small file, one process

| command | median ms | vs \`java Hello\` on JDK 17 |
|---|---:|---:|
| \`java -cp . Hello\` on JDK 17 (the floor) | $(ms hello17) | 1.00 |
$(row25 '`java -cp . Hello` on JDK 25' hello25 hello17)
| \`bin/dockerlint FILE\` on JDK 17 | $(ms dl17) | $r_floor17 |
$(row25 '`bin/dockerlint FILE` on JDK 25' dl25 hello17)
| \`DOCKERLINT_CDS=0 bin/dockerlint FILE\` on JDK 17 (no archive) | $(ms dl17_nocds) | $(ratio dl17_nocds hello17) |
| \`java -jar dockerlint.jar FILE\` on JDK 17 (no launcher) | $(ms jar17) | $(ratio jar17 hello17) |
| \`dockerfilelint FILE\` | $(ms dfl) | $(ratio dfl hello17) |
| \`dockerfile-utils lint FILE\` | $(ms dfu) | $(ratio dfu hello17) |
$sc_rows

The launcher against the floor of its own JDK: ${r_floor17}x on JDK 17, ${r_floor25}x on JDK 25; against
dockerfilelint: ${r_dfl17}x (JDK 17), ${r_dfl25}x (JDK 25).

Where a run's time goes (medians of 15 runs, ms since the shell started the command; _JAVA_LAUNCHER_DEBUG
for the JVM's creation and the main class, the heap log at exit for the JVM's end):

| command | JVM created | main class loaded | JVM exits | process ends |
|---|---:|---:|---:|---:|
$(bd_row 'JDK 17 `java Hello`' "$bd_hello17")
$(bd_row 'JDK 17 launcher, small file' "$bd_dl17")
$(bd_row 'JDK 25 `java Hello`' "$bd_hello25")
$(bd_row 'JDK 25 launcher, small file' "$bd_dl25")

## 2. Five files in one run (the pre-commit case)

| command | median ms | vs dockerfilelint |
|---|---:|---:|
| \`bin/dockerlint\` on JDK 17 | $(ms five17) | $r_five17 |
$(row25 '`bin/dockerlint` on JDK 25' five25 five_dfl)
| \`dockerfilelint\` | $(ms five_dfl) | 1.00 |

## 3. The corpus in one invocation

| command | median ms | vs dockerfilelint |
|---|---:|---:|
| \`bin/dockerlint\` on JDK 17, ${#corpus_files[@]} files (every default rule) | $(ms corpus17) | $r_corpus17 |
$(row25 '`bin/dockerlint` on JDK 25' corpus25 corpus_dfl)
| \`dockerfilelint\` on the same files | $(ms corpus_dfl) | 1.00 |

Peak RSS (\`/usr/bin/time -f %M\`): ${rss_corpus} KB on JDK 17, ${rss_corpus25} KB on JDK 25.
Where one JDK 17 run's time goes (\`-XX:+CITime -Xlog:gc\`): ${cpu_corpus} ms of CPU on all cores, of which
${jit_corpus} ms compiling with C1 and ${gc_corpus} ms in GC pauses; the rest is mostly the interpreter
before the compiled code takes over.

## 4. Scaling (synthetic files from \`bench/GenDockerfile.java\`)

| JDK | lines | median ms | ratio to the previous (10x lines) | minus start-up (a one-line file) | net ratio |
|---|---:|---:|---:|---:|---:|
$(scale_rows 17)
$(if [ -n "$have25" ]; then scale_rows 25; fi)

The one-line file takes $(ms syn17_one-line) ms on JDK 17$(if [ -n "$have25" ]; then echo " and $(ms syn25_one-line) ms on JDK 25"; fi). Peak RSS of the 100k-line run (JDK 17): ${rss_100k} KB.

## Targets

Issue 19 (start-up at the JVM floor), each ratio from the same interleaved rounds:

| target | measured | |
|---|---|---|
| one small file at most 1.5x \`java Hello\` on JDK 25 | ${r_floor25}x | $(mark25 "$r_floor25 <= 1.5") |
| one small file at most 2x \`java Hello\` on JDK 17 | ${r_floor17}x | $(mark "$r_floor17 <= 2") |
| one small file at most 0.5x dockerfilelint | ${r_dfl17}x (JDK 17), ${r_dfl25}x (JDK 25) | $(mark "$(best "$r_dfl17" "$r_dfl25") <= 0.5") |
| one small file with ShellCheck installed at most 0.7x dockerfilelint | $sc_target |
| five files at most 0.6x dockerfilelint | ${r_five17}x (JDK 17), ${r_five25}x (JDK 25) | $(mark "$(best "$r_five17" "$r_five25") <= 0.6") |
| the corpus at most 0.75x dockerfilelint | ${r_corpus17}x (JDK 17), ${r_corpus25}x (JDK 25) | $(mark "$(best "$r_corpus17" "$r_corpus25") <= 0.75") |
| 100k lines under 1 s (JDK 17) | $(ms syn17_100000) ms | $(mark "$(ms syn17_100000) < 1000") |
| 10x lines at most 10x time (JDK 17) | $g17_1, $g17_2 | $(mark "$g17_1 <= 10 && $g17_2 <= 10") |

Issue 6 (the first targets):

| target | measured | |
|---|---|---|
| single file at most 3x the JVM floor (JDK 17) | ${r_floor17}x | $(mark "$r_floor17 <= 3") |
| single file faster than dockerfilelint and dockerfile-utils (JDK 17) | ${r_dfl17}x and ${r_dfu17}x | $(mark "$r_dfl17 < 1 && $r_dfu17 < 1") |
| corpus at most half of dockerfilelint's time | ${r_corpus17}x (JDK 17), ${r_corpus25}x (JDK 25) | $(mark "$(best "$r_corpus17" "$r_corpus25") <= 0.5") |
| 100k lines under 2 s (JDK 17) | $(ms syn17_100000) ms | $(mark "$(ms syn17_100000) < 2000") |
| 10x lines at most 12x time (JDK 17) | $g17_1, $g17_2 | $(mark "$g17_1 <= 12 && $g17_2 <= 12") |
| corpus peak RSS under 256 MB (JDK 17) | ${rss_corpus} KB | $(mark "${rss_corpus/n\/a/999999} < 262144") |
EOF
# rows for a JDK that is not here come out as empty lines inside tables: drop those
awk '{l[NR] = $0} END {for (i = 1; i <= NR; i++) if (!(l[i] == "" && l[i - 1] ~ /^\|/ && l[i + 1] ~ /^\|/)) print l[i]}' \
  "$out" > "$out.tmp" && mv "$out.tmp" "$out"
say "wrote $out"
cat "$out"
