#!/usr/bin/python3
"""Table of scripts/bench/gemm_compare.sh's rounds: per shape and dtype, equireg's and PyTorch's GFLOP/s
(medians over rounds of each round's median), their ratio, and equireg's fraction of the core's
multiply-add peak (PeakFmaBenchmark, times the thread count).

Usage: /usr/bin/python3 scripts/bench/gemm_report.py RESULTS_DIRECTORY
"""
import glob
import json
import os
import statistics
import sys

TO_NANOSECONDS = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
PEAK_FLOPS_PER_CALL = 2.0 * 12 * 65536


def median_nanoseconds(entry):
    metric = entry["primaryMetric"]
    return statistics.median(score for fork in metric["rawData"] for score in fork) * TO_NANOSECONDS[metric["scoreUnit"]]


def flops(shape):
    m, k, n = (int(size) for size in shape.split("x"))
    return 2.0 * m * k * n


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    directory = sys.argv[1]
    equireg, torch, peak = {}, {}, {}
    threads = 1
    for path in sorted(glob.glob(os.path.join(directory, "java-r*.json"))):
        with open(path) as source:
            for entry in json.load(source):
                suite = entry["benchmark"].split(".")[-2]
                params = entry.get("params", {})
                for argument in entry.get("jvmArgs", []):
                    if argument.startswith("-Dequireg.threads="):
                        threads = int(argument.split("=")[1])
                if suite == "PeakFmaBenchmark":
                    peak.setdefault(params["dtype"], []).append(PEAK_FLOPS_PER_CALL / median_nanoseconds(entry))
                elif suite == "MatmulBenchmark":
                    key = (params["shape"], params["dtype"])
                    equireg.setdefault(key, []).append(flops(params["shape"]) / median_nanoseconds(entry))
    blas = "?"
    for path in sorted(glob.glob(os.path.join(directory, "torch-r*.json"))):
        with open(path) as source:
            report = json.load(source)
        blas = ", ".join(report["blas"]) or "none found"
        for result in report["results"]:
            if result["kind"] == "matmul":
                torch.setdefault((result["shape"], result["dtype"]), []).append(result["gflops"])
    with open(os.path.join(directory, "machine.json")) as source:
        machine = source.read().strip()
    print("machine: %s" % machine.replace("\n", " "))
    with open(os.path.join(directory, "load.txt")) as source:
        print("load: " + "; ".join(line.strip() for line in source))
    print("PyTorch BLAS: %s; threads %d; rounds %d" % (blas, threads, len(glob.glob(os.path.join(directory, "java-r*.json")))))
    for dtype, values in sorted(peak.items()):
        print("peak (one core, %s): %.1f GFLOP/s" % (dtype, statistics.median(values)))
    print()
    print("| shape m x k x n | dtype | equireg GFLOP/s | of peak | PyTorch GFLOP/s | equireg / PyTorch speed |")
    print("|---|---|---|---|---|---|")
    for key in sorted(equireg, key=lambda key: (key[1], -flops(key[0]))):
        ours = statistics.median(equireg[key])
        theirs = statistics.median(torch[key]) if key in torch else None
        of_peak = "%.0f%%" % (100 * ours / (statistics.median(peak[key[1]]) * threads)) if key[1] in peak else ""
        print("| %s | %s | %.1f | %s | %s | %s |" % (
            key[0], key[1], ours, of_peak, "%.1f" % theirs if theirs else "",
            "%.2f" % (ours / theirs) if theirs else ""))


if __name__ == "__main__":
    main()
