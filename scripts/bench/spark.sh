#!/usr/bin/env bash
# equireg-spark's measurements (docs/spark.md): sweep throughput with 1 and 2 executors against a plain
# loop, and data-parallel step time and bytes for cnn-digits and cnn28 with 2 workers against one process.
# Needs `./mvnw -B -q -DskipTests package` first; run from the repository root on a quiet machine.
# Usage: scripts/bench/spark.sh [RUNS STEPS DP_STEPS [PARTS]]   (defaults: 6 runs of 200 steps, 20 data-parallel
#        steps, PARTS "sweep dp": the sweep's throughput and the data-parallel steps; "dp" alone skips the sweep)
set -euo pipefail
cd "$(dirname "$0")/../.."
runs=${1:-6}
steps=${2:-200}
dp_steps=${3:-20}
parts=${4:-"sweep dp"}
jar=examples/target/equireg-examples.jar
classpath_file=examples/target/spark-classpath.txt
[[ -f $jar && -f $classpath_file ]] || { echo "build first: ./mvnw -B -q -DskipTests package" >&2; exit 1; }
# local-cluster launches executors through Spark's launcher, which wants a Spark home whose jars/ is the class path.
home=$PWD/examples/target/bench-spark-home
rm -rf "$home" && mkdir -p "$home/jars"
ln -s "$PWD/$jar" "$home/jars/"
tr ':' '\n' < "$classpath_file" | while read -r dependency; do ln -sf "$dependency" "$home/jars/"; done
opens=()
for package in java.lang java.lang.invoke java.nio java.util sun.nio.ch sun.util.calendar sun.security.action; do
    opens+=("--add-opens=java.base/$package=ALL-UNNAMED")
done
bench() {
    SPARK_HOME=$home SPARK_SCALA_VERSION=2.13 SPARK_LOCAL_IP=127.0.0.1 java --add-modules jdk.incubator.vector "${opens[@]}" \
        -Dequireg.threads=1 -Dlog4j2.configurationFile="$PWD/examples/spark-log4j2.properties" \
        -cp "$jar:$(cat "$classpath_file")" org.equireg.examples.sparkbench.SparkBench "$@" 2>/dev/null
}
echo "# $(date -u +%FT%TZ), $(java -version 2>&1 | head -1), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
if [[ " $parts " == *" sweep "* ]]; then
    bench loop "$runs" "$steps"
    bench sweep 1 "$runs" "$steps"
    bench sweep 2 "$runs" "$steps"
fi
if [[ " $parts " == *" dp "* ]]; then
    bench dp cnn-digits 2 "$dp_steps"
    bench dp cnn28 2 "$dp_steps"
fi
