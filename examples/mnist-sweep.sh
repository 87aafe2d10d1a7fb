#!/usr/bin/env bash
# Runs the MNIST sweep on Apache Spark (org.equireg.examples.mnist.MnistSweep) with the Spark jars Maven
# resolved: after `./mvnw -B -q -DskipTests package`, from the repository root. Arguments go to the program
# (--help lists them). Under spark-submit, use examples/target/equireg-examples.jar instead (docs/spark.md).
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
jar="$here/target/equireg-examples.jar"
classpath_file="$here/target/spark-classpath.txt"
if [[ ! -f "$jar" || ! -f "$classpath_file" ]]; then
    echo "error: $jar or $classpath_file missing; build first: ./mvnw -B -q -DskipTests package" >&2
    exit 1
fi
opens=()
for package in java.lang java.lang.invoke java.nio java.util sun.nio.ch sun.util.calendar sun.security.action; do
    opens+=("--add-opens=java.base/$package=ALL-UNNAMED")
done
exec java --add-modules jdk.incubator.vector "${opens[@]}" \
    -Dlog4j2.configurationFile="$here/spark-log4j2.properties" \
    ${SWEEP_JAVA_OPTS:-} \
    -cp "$jar:$(cat "$classpath_file")" org.equireg.examples.mnist.MnistSweep "$@"
