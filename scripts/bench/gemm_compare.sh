#!/usr/bin/env bash
# equireg's matrix product against PyTorch's (OpenBLAS) at the square sizes and at the training
# workloads' shapes, in both dtypes, in alternating rounds (equireg, then PyTorch, then equireg ...), with
# each kernel's fraction of the core's multiply-add peak (PeakFmaBenchmark). Both sides go through their
# tensor API: MatmulBenchmark (Tensor.matmul) and torch.mm.
#
# Usage: scripts/bench/gemm_compare.sh [--avx2] [--threads N] [--rounds R] [--quick]
#   --avx2     256-bit vectors on both sides: the JVM with -XX:UseAVX=2; PyTorch with
#              ATEN_CPU_CAPABILITY=avx2, ONEDNN_MAX_CPU_ISA=AVX2 and OPENBLAS_CORETYPE=Haswell (OpenBLAS's
#              AVX2 kernels: it picks its kernels by CPU, not by ATen's setting)
#   --threads  kernel threads on both sides (default 1)
#   --rounds   alternating rounds (default 3); the table gives the median over rounds
# Output: benchmarks/results/gemm-<UTC time>/ (raw JSON per round, load.txt, table.md, also printed).
set -euo pipefail
cd "$(dirname "$0")/../.."

shapes=512x512x512,1024x1024x1024,64x256x256,64x784x256,64x6272x64,16x144x1024
avx2=false
threads=1
rounds=3
quick=false
while [ $# -gt 0 ]; do
    case "$1" in
        --avx2) avx2=true ;;
        --threads) threads="$2"; shift ;;
        --rounds) rounds="$2"; shift ;;
        --quick) quick=true ;;
        *) echo "gemm_compare.sh: unknown option $1" >&2; exit 2 ;;
    esac
    shift
done

out="benchmarks/results/gemm-$(date -u +%Y%m%dT%H%M%SZ)"
mkdir -p "$out"
note_load() { echo "$1: $(cut -d' ' -f1-3 /proc/loadavg)" >> "$out/load.txt"; }

./mvnw -B -q -pl benchmarks -am package -DskipTests
jar=benchmarks/target/benchmarks.jar
java_flags=(--add-modules=jdk.incubator.vector -Dequireg.threads="$threads")
torch_env=(env MALLOC_MMAP_MAX_=0 MALLOC_TRIM_THRESHOLD_=68719476736 MALLOC_TOP_PAD_=268435456)
if $avx2; then
    java_flags+=(-XX:UseAVX=2)
    torch_env+=(ATEN_CPU_CAPABILITY=avx2 ONEDNN_MAX_CPU_ISA=AVX2 DNNL_MAX_CPU_ISA=AVX2 OPENBLAS_CORETYPE=Haswell)
fi
if blas_dir=$(scripts/bench/openblas.sh); then
    [ -n "$blas_dir" ] && torch_env+=("LD_LIBRARY_PATH=$blas_dir${LD_LIBRARY_PATH:+:$LD_LIBRARY_PATH}")
else
    echo "gemm_compare.sh: OpenBLAS unavailable; PyTorch runs on the system BLAS (the table names it)" >&2
fi
if $quick; then
    jmh_timing=(-f 1 -wi 1 -w 300ms -i 2 -r 300ms)
    torch_timing=(--warmup 0.3 --block 0.1 --repeats 3)
else
    jmh_timing=(-f 1 -wi 2 -w 1s -i 5 -r 1s)
    torch_timing=(--warmup 1 --block 0.25 --repeats 9)
fi
java "${java_flags[@]}" -cp "$jar" org.equireg.benchmarks.MachineInfo 2>/dev/null > "$out/machine.json"

note_load start
for round in $(seq 1 "$rounds"); do
    java "${java_flags[@]}" -jar "$jar" 'MatmulBenchmark|PeakFmaBenchmark' -p shape="$shapes" \
        -p dtype=float64,float32 "${jmh_timing[@]}" -rf json -rff "$out/java-r$round.json" > "$out/java-r$round.log" 2>&1
    note_load "after equireg round $round"
    "${torch_env[@]}" /usr/bin/python3 scripts/bench/torch_workloads.py --threads "$threads" --workloads '' \
        --matmul "$shapes" "${torch_timing[@]}" --out "$out/torch-r$round.json" 2> "$out/torch-r$round.log"
    note_load "after PyTorch round $round"
done
/usr/bin/python3 scripts/bench/gemm_report.py "$out" | tee "$out/table.md"
echo "raw results: $out" >&2
