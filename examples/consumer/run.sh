#!/usr/bin/env bash
# Builds this application against the equireg artifacts in the local Maven repository and runs it three
# times: on the class path and on the module path with the Vector API kernels, and on the module path
# without them (scalar kernels). The three runs must print the same result line, bit for bit.
# Needs `./mvnw -B install -DskipTests` at the repository root first. Extra arguments go to Maven.
set -euo pipefail
cd "$(dirname "$0")"
../../mvnw -B -q package "$@"
DATA=../../data/digits.csv.gz
run() {
    echo "\$ java $*" >&2
    # Not `tee /dev/stderr`: reopening stderr truncates it when it is a file (a CI log).
    local output
    output=$(java "$@") || return
    printf '%s\n' "$output" >&2
    grep '^result: ' <<<"$output"
}
classpath=$(run --add-modules jdk.incubator.vector -cp 'target/classes:target/lib/*' org.example.consumer.App --data "$DATA" --require-simd)
modulepath=$(run --add-modules jdk.incubator.vector -p target/classes:target/lib -m org.example.consumer/org.example.consumer.App --data "$DATA" --require-simd)
scalar=$(run -p target/classes:target/lib -m org.example.consumer/org.example.consumer.App --data "$DATA")
if [[ "$classpath" != "$modulepath" || "$classpath" != "$scalar" ]]; then
    echo "results differ:" >&2; printf '%s\n' "$classpath" "$modulepath" "$scalar" >&2; exit 1
fi
echo "consumer: class path, module path and scalar kernels agree: $classpath"
