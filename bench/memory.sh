#!/usr/bin/env bash
# Heap per input byte for the whole lint of a file (bench/README.md, "Memory"):
#   bench/memory.sh                 # the corpus and the synthetic files with target/dockerlint.jar
#   BEFORE=old.jar bench/memory.sh  # the same with another build too, side by side
#   FIT=0 bench/memory.sh           # skip the smallest-heap and largest-file searches (slow)
# The synthetic files go to target/bench/memory (never committed).
set -euo pipefail
cd "$(dirname "$0")/.."
JAR=${JAR:-target/dockerlint.jar}
CORPUS=${CORPUS:-../shared/corpus}
OUT=target/bench/memory
[ -f "$JAR" ] || ./mvnw -q -o package -DskipTests
mkdir -p "$OUT"

gen() { # name, then awk program printing the file
  [ -s "$OUT/$1" ] || awk "BEGIN { $2 }" > "$OUT/$1"
}
# RUN echo hello world x 200,000 (4 MiB) and x 3,190,000 (just under the 64 MiB cap)
gen hello-4m.Dockerfile 'print "FROM alpine:3.19"; for (i = 0; i < 200000; i++) print "RUN echo hello world"'
gen hello-64m.Dockerfile 'print "FROM alpine:3.19"; for (i = 0; i < 3190000; i++) print "RUN echo hello world"'
# long continuation lines: 1,000 RUNs of 200 continued package lines each
gen continued.Dockerfile 'print "FROM debian:12"; for (r = 0; r < 1000; r++) { print "RUN apt-get update && apt-get install -y \\"; for (i = 0; i < 200; i++) printf "    package-%d-%d \\\n", r, i; print "    && rm -rf /var/lib/apt/lists/*" }'
# many stages, each from the one before (10,000: a lookup walks the chain, bench/README.md)
gen stages.Dockerfile 'print "FROM alpine:3.19 AS s0"; for (i = 1; i < 10000; i++) { printf "FROM s%d AS s%d\n", i - 1, i; printf "RUN echo stage %d\n", i }'
# many ARGs and ENVs
gen envargs.Dockerfile 'print "FROM alpine:3.19"; for (i = 0; i < 100000; i++) { printf "ARG VERSION_%d=1.%d.0\n", i, i; printf "ENV PATH_%d=/opt/tool-%d/bin:$VERSION_%d\n", i, i, i }'

SYNTH="$OUT/hello-4m.Dockerfile $OUT/continued.Dockerfile $OUT/stages.Dockerfile $OUT/envargs.Dockerfile"
inputs=""
[ -d "$CORPUS" ] && inputs="$CORPUS" || echo "($CORPUS is absent: synthetic files only)"
bench() { # jar, heap, files...
  local jar=$1 heap=$2
  shift 2
  java -XX:+UseSerialGC -XX:ActiveProcessorCount=1 -Xmx"$heap" -cp "$jar" bench/MemoryBench.java "$@"
}
for jar in ${BEFORE:-} "$JAR"; do
  echo "== $jar ($(date -u +%FT%TZ), load $(cut -d' ' -f1-3 /proc/loadavg))"
  # shellcheck disable=SC2086
  bench "$jar" 3g $inputs $SYNTH
  # 64 MiB: a heap of its own, and a build that runs out of it says so
  bench "$jar" "${BIG_HEAP:-8g}" "$OUT/hello-64m.Dockerfile" | tail -1 || echo "hello-64m.Dockerfile: out of memory with -Xmx${BIG_HEAP:-8g}"
done

[ "${FIT:-1}" = 0 ] && exit 0
# the launcher's flags, the heap given; a run that lints the file exits 0 or 1
VM="-XX:TieredStopAtLevel=1 -XX:Tier3BackEdgeThreshold=5000 -XX:+UseSerialGC -XX:-UsePerfData -Xss4m"
fits() { # jar, MiB, file
  local code=0
  java $VM -Xmx"$2"m -jar "$1" --no-shellcheck --format json "$3" > /dev/null 2> "$OUT/fit.err" || code=$?
  [ "$code" -le 1 ] && ! grep -q "out of memory" "$OUT/fit.err"
}
smallest_heap() { # jar, file: the smallest -Xmx (MiB, in steps of 8) that lints it, up to 1024
  local lo=8 hi=1024 mid
  fits "$1" $hi "$2" || { echo ">$hi"; return; }
  while [ $((hi - lo)) -gt 8 ]; do
    mid=$(((lo + hi) / 2))
    if fits "$1" $mid "$2"; then hi=$mid; else lo=$mid; fi
  done
  echo $hi
}
for jar in ${BEFORE:-} "$JAR"; do
  for f in $SYNTH; do
    echo "$jar $(basename "$f") $(wc -c < "$f") bytes: smallest heap $(smallest_heap "$jar" "$f") MiB"
  done
  # the largest RUN-echo file that lints with the launcher's 192 MiB, in steps of 25,000 lines (0.5 MiB)
  lo=0 hi=640000
  while [ $((hi - lo)) -gt 25000 ]; do
    mid=$(((lo + hi) / 2))
    awk -v n=$mid 'BEGIN { print "FROM alpine:3.19"; for (i = 0; i < n; i++) print "RUN echo hello world" }' > "$OUT/probe.Dockerfile"
    if fits "$jar" 192 "$OUT/probe.Dockerfile"; then lo=$mid; else hi=$mid; fi
  done
  echo "$jar: the largest RUN-echo file within -Xmx192m has about $lo lines ($((lo * 21 / 1024)) KiB)"
done
