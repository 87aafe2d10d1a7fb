#!/usr/bin/env bash
# Runs the JMH kernel suites (matmul, conv2d, elementwise, reductions, softmax, and the float64/float32
# kernel suites Gemm/Conv/ElementwiseKernelBenchmark) on each thread count
# and prints their throughput (scripts/bench/kernel_report.py). About 16 minutes per thread count.
#
# Usage: scripts/bench/kernels.sh [THREAD_COUNTS (default "1 2")] [JMH regex (default all kernel suites)]
# Output: benchmarks/results/kernels-<UTC time>/kernels-tN.json (raw JMH JSON) and kernels.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
threads_list=${1:-"1 2"}
pattern=${2:-'MatmulBenchmark|Conv2dBenchmark|ElementwiseBenchmark|ReductionBenchmark|SoftmaxBenchmark|KernelBenchmark|PeakFmaBenchmark'}
out="benchmarks/results/kernels-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
./mvnw -B -q -pl benchmarks -am package -DskipTests
java --add-modules=jdk.incubator.vector -cp benchmarks/target/benchmarks.jar org.equireg.benchmarks.MachineInfo \
    2>/dev/null > "$out/machine.json"
files=()
for threads in $threads_list; do
    java --add-modules=jdk.incubator.vector -Dequireg.threads="$threads" -jar benchmarks/target/benchmarks.jar \
        "$pattern" -rf json -rff "$out/kernels-t$threads.json" > "$out/kernels-t$threads.log"
    files+=("$out/kernels-t$threads.json")
done
{ cat "$out/machine.json"; echo "load average: $(cut -d' ' -f1-3 /proc/loadavg)"; echo;
  /usr/bin/python3 scripts/bench/kernel_report.py "${files[@]}"; } | tee "$out/kernels.md"
