#!/usr/bin/env bash
# Where one workload's training step spends its time and allocates: runs the step under StepTimer
# for a warm-up, records JFR (method sampling and allocation sampling) over the timed part only, and
# prints the summary of scripts/bench/jfr_summary.py. Needs benchmarks.jar (compare.sh builds it).
#
# Usage: scripts/bench/profile.sh WORKLOAD [true|false (regularized, default true)] [THREADS (default 1)]
#        [WARMUP_SECONDS (default 20)] [PROFILE_SECONDS (default 10)] [DTYPE float64|float32 (default float64)]
# Output: benchmarks/target/profile-WORKLOAD-REGULARIZED-tN-DTYPE.jfr and the summary on stdout.
set -euo pipefail
cd "$(dirname "$0")/../.."
workload=${1:?usage: profile.sh WORKLOAD [true|false] [THREADS] [WARMUP_SECONDS] [PROFILE_SECONDS] [DTYPE]}
regularized=${2:-true}
threads=${3:-1}
warmup=${4:-20}
seconds=${5:-10}
dtype=${6:-float64}
recording="benchmarks/target/profile-$workload-$regularized-t$threads-$dtype.jfr"
java --add-modules=jdk.incubator.vector -Dequireg.threads="$threads" -XX:+UseParallelGC -Xms2g -Xmx2g \
    -XX:StartFlightRecording=delay="${warmup}s",filename="$recording",settings=profile \
    -cp benchmarks/target/benchmarks.jar org.equireg.benchmarks.StepTimer --workloads "$workload" \
    --regularized "$regularized" --dtype "$dtype" --warmup "$((warmup + 1))" --block "$seconds" --repeats 1 2>/dev/null
/usr/bin/python3 scripts/bench/jfr_summary.py "$recording"
