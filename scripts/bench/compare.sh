#!/usr/bin/env bash
# equireg vs PyTorch on this machine, in one go: builds benchmarks.jar, then for each thread count runs
# the Java side (JMH: the five training steps with and without the regularizer under -prof gc, and
# matmul 512 and 1024, each in float64 and float32) and the PyTorch side
# (scripts/bench/torch_workloads.py: the same steps in float64 and float32, and matmul), and prints
# the ratio tables, float32 beside PyTorch float32 among them (scripts/bench/report.py).
#
# Usage: scripts/bench/compare.sh [--quick] [--threads "1 2"] [--java jmh|timer] [--system-blas]
#                                 [--torch-batch-passes] [--torch-default-malloc] [--avx2]
#   --quick        shorter runs (about 4 minutes instead of about 11 on an idle 2-core machine), for checking the machinery
#   --threads      thread counts to compare (Java: -Dequireg.threads=N; PyTorch: set_num_threads(N)
#                  and OMP/OpenBLAS threads N)
#   --java timer   time the Java steps with StepTimer (the PyTorch script's protocol) instead of JMH;
#                  matmul still runs under JMH
#   --system-blas  run PyTorch on the system's libblas.so.3 instead of OpenBLAS (see openblas.sh)
#   --torch-batch-passes  PyTorch's regularizer runs model(v) and model(f_in(v)) as one pass, as equireg
#                  does, instead of two as the reference package does
#   --torch-default-malloc  leave glibc malloc as it is for PyTorch. By default PyTorch runs with malloc
#                  keeping freed memory (MALLOC_MMAP_MAX_=0, no trimming), as the JVM keeps its heap:
#                  otherwise every float64 convolution at batch >= 30 gets its im2col buffer (> 32 MB)
#                  freshly mapped and page-faults through it, which on this VM costs ~17x the arithmetic
#   --avx2         256-bit vectors on both sides of an AVX-512 machine: the JVM with -XX:UseAVX=2, PyTorch
#                  with ATEN_CPU_CAPABILITY=avx2, ONEDNN_MAX_CPU_ISA=AVX2 and OPENBLAS_CORETYPE=Haswell
#                  (OpenBLAS picks its kernels by CPU, not by ATen's setting)
# The JVM is $JAVA_HOME/bin/java when JAVA_HOME is set, else java on the PATH.
# Output: benchmarks/results/<UTC time>/: machine.json, load.txt, java-tN.json (raw JMH JSON),
# torch-tN.json, table.md (also printed).
set -euo pipefail
cd "$(dirname "$0")/../.."

python=/usr/bin/python3
threads_list="1 2"
quick=false
java_harness=jmh
system_blas=false
torch_options=()
default_malloc=false
avx2=false
while [ $# -gt 0 ]; do
    case "$1" in
        --quick) quick=true ;;
        --threads) threads_list="$2"; shift ;;
        --java) java_harness="$2"; shift ;;
        --system-blas) system_blas=true ;;
        --torch-batch-passes) torch_options+=(--batch-passes) ;;
        --torch-default-malloc) default_malloc=true ;;
        --avx2) avx2=true ;;
        *) echo "compare.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done
case "$java_harness" in jmh|timer) ;; *) echo "compare.sh: --java takes jmh or timer" >&2; exit 2 ;; esac

out="benchmarks/results/$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
note_load() { echo "$1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"; }

./mvnw -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
java_flags=(--add-modules=jdk.incubator.vector)
$avx2 && java_flags+=(-XX:UseAVX=2)
"$java_bin" "${java_flags[@]}" -cp "$jar" org.equireg.benchmarks.MachineInfo 2>/dev/null > "$out/machine.json"

torch_env=(env)
if ! $default_malloc; then
    torch_env+=(MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736 MALLOC_TOP_PAD_=268435456)
fi
if $avx2; then
    torch_env+=(ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 DNNL_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Haswell)
fi
if ! $system_blas; then
    if blas_dir=$(scripts/bench/openblas.sh); then
        [ -n "$blas_dir" ] && torch_env+=("LD_LIBRARY_PATH=$blas_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
    else
        echo "compare.sh: OpenBLAS unavailable; PyTorch runs on the system BLAS (the table names it)" >&2
    fi
fi

if $quick; then
    jmh_timing=(-f 1 -wi 2 -w 500ms -i 3 -r 500ms)
    timer_timing=(--warmup 1 --block 0.3 --repeats 3)
    torch_timing=(--warmup 0.5 --block 0.2 --repeats 3)
else
    # the annotations: 1 fork; steps 6 x 1 s warm-up, 9 x 0.5 s measured; matmul 3 x 1 s, 5 x 1 s
    jmh_timing=()
    timer_timing=(--warmup 6 --block 0.5 --repeats 9)
    torch_timing=(--warmup 1 --block 0.25 --repeats 9)
fi

note_load start
for threads in $threads_list; do
    echo "=== equireg, $threads thread(s)" >&2
    if [ "$java_harness" = jmh ]; then
        pattern='TrainingStepBenchmark|MatmulBenchmark'
    else
        pattern='MatmulBenchmark'
        "$java_bin" "${java_flags[@]}" -Dequireg.threads="$threads" -cp "$jar" org.equireg.benchmarks.StepTimer \
            --dtype both "${timer_timing[@]}" --out "$out/java-steps-t$threads.json" >&2
    fi
    "$java_bin" "${java_flags[@]}" -Dequireg.threads="$threads" -jar "$jar" "$pattern" \
        -p shape=512x512x512,1024x1024x1024 -p dtype=float64,float32 -prof gc "${jmh_timing[@]}" \
        -rf json -rff "$out/java-t$threads.json" > "$out/java-t$threads.log" 2>&1
    grep -E '^(Benchmark|TrainingStep|Matmul)' "$out/java-t$threads.log" | grep -v ':gc\.' >&2 || true
    note_load "after equireg t$threads"

    echo "=== PyTorch, $threads thread(s)" >&2
    "${torch_env[@]}" "$python" scripts/bench/torch_workloads.py --threads "$threads" "${torch_timing[@]}" "${torch_options[@]}" \
        --out "$out/torch-t$threads.json"
    note_load "after PyTorch t$threads"
done

"$python" scripts/bench/report.py "$out" | tee "$out/table.md"
echo "raw results: $out" >&2
