#!/usr/bin/env sh
# Runs the JMH benchmarks of src/bench/java (parser; full lint of a typical file).
#   bench/jmh.sh                 all benchmarks with their annotated settings
#   bench/jmh.sh Parser -f 1 -wi 2 -i 3    any JMH options (a regex selects benchmarks)
set -eu
cd "$(dirname "$0")/.."
./mvnw -q -Pbench -DskipTests test-compile
exec java -cp "target/test-classes:target/classes:$(cat target/bench.classpath)" org.openjdk.jmh.Main "$@"
