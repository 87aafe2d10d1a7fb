#!/usr/bin/python3
"""Builds the equireg vs PyTorch ratio table from one results directory of scripts/bench/compare.sh.

Reads machine.json, load.txt, java-tN.json (raw JMH JSON: training steps and matmul), optionally
java-steps-tN.json (StepTimer, when compare.sh ran with --java timer) and torch-tN.json, and prints
Markdown. Every time is the median over repeated runs: JMH measurement iterations on the Java side,
timed blocks on the PyTorch side. Conversions: GFLOP/s = 2 n^3 / (nanoseconds per product);
a ratio below 1 means equireg is faster.

Targets: step with regularizer <= 0.5x PyTorch float64 and, in float32, <= 0.7x PyTorch float32 on
every workload and thread count; regularizer overhead (step with / step without) <= 2.3; matmul 512
and 1024 >= PyTorch (OpenBLAS) GFLOP/s in both dtypes; equireg 2 threads >= 1.7x 1 thread at 1024.

Usage: /usr/bin/python3 scripts/bench/report.py benchmarks/results/<run>
"""
import glob
import json
import os
import re
import statistics
import sys

STEP_BENCHMARK = "org.equireg.benchmarks.TrainingStepBenchmark.step"
MATMUL_BENCHMARK = "org.equireg.benchmarks.MatmulBenchmark.matmul"
WORKLOADS = ["mlp-shift", "mlp-digits", "cnn-digits", "cnn28", "fcn-seg"]
# Images (or rows) through forward and backward per step: the task batch, plus 2 n = 64 for the
# regularizer (model(v) and model(f_in(v)), n = 32). Their ratio bounds the overhead from below when
# time is proportional to work: 2.0 at batch 64, 5.0 for fcn-seg at batch 16.
TASK_BATCH = {"mlp-shift": 64, "mlp-digits": 64, "cnn-digits": 64, "cnn28": 64, "fcn-seg": 16}
REGULARIZER_ROWS = 64
STEP_RATIO_TARGET = 0.5
OVERHEAD_TARGET = 2.3
MATMUL_RATIO_TARGET = 1.0
SCALING_TARGET = 1.7
FLOAT32_STEP_TARGET = {1: 0.7, 2: 0.7}   # equireg float32 / PyTorch float32, by threads
FLOAT32_ALLOCATION_TARGET = 0.55        # equireg float32 / float64 bytes allocated per step
FLOAT32_MATMUL_SPEEDUP = 1.8            # equireg float32 / float64 GFLOP/s at one thread
TO_MILLISECONDS = {"ms/op": 1.0, "us/op": 1e-3, "ns/op": 1e-6, "s/op": 1e3}


def load(path):
    with open(path) as source:
        return json.load(source)


def jmh_median_ms(entry):
    """Median over all measurement iterations (every fork) of a JMH average-time result, in ms."""
    metric = entry["primaryMetric"]
    iterations = [score for fork in metric["rawData"] for score in fork]
    return statistics.median(iterations) * TO_MILLISECONDS[metric["scoreUnit"]]


def jmh_allocation(entry):
    """Bytes allocated per operation from -prof gc, or None when the profiler was off."""
    for name, metric in entry.get("secondaryMetrics", {}).items():
        if name.endswith("gc.alloc.rate.norm"):
            return metric["score"]
    return None


def spread(samples):
    """(max - min) / median of repeated measurements: how noisy the machine was."""
    return (max(samples) - min(samples)) / statistics.median(samples)


def noise(directory, threads_list):
    """Median spread over the training-step cases of each side, as text."""
    java_spreads, torch_spreads = [], []
    for threads in threads_list:
        jmh_path = os.path.join(directory, "java-t%d.json" % threads)
        for entry in load(jmh_path) if os.path.exists(jmh_path) else []:
            if entry["benchmark"] == STEP_BENCHMARK:
                java_spreads.append(spread([s for fork in entry["primaryMetric"]["rawData"] for s in fork]))
        torch_path = os.path.join(directory, "torch-t%d.json" % threads)
        for result in load(torch_path)["results"] if os.path.exists(torch_path) else []:
            if result["kind"] == "step":
                torch_spreads.append(spread(result["samples_ms"]))
    parts = ["%s %.0f%%" % (side, 100 * statistics.median(values))
             for side, values in (("equireg", java_spreads), ("PyTorch", torch_spreads)) if values]
    return ", ".join(parts) if parts else "n/a"


def java_results(directory, threads):
    """{(workload, regularized[, "float32"]): (ms, bytes)} and {size[, "float32"]: GFLOP/s} for one thread
    count; float64 results keep the old keys."""
    steps, matmul = {}, {}
    jmh_path = os.path.join(directory, "java-t%d.json" % threads)
    for entry in load(jmh_path) if os.path.exists(jmh_path) else []:
        params = entry.get("params", {})
        single = params.get("dtype", "float64") == "float32"
        if entry["benchmark"] == STEP_BENCHMARK:
            key = (params["workload"], params["regularized"] == "true") + (("float32",) if single else ())
            steps[key] = (jmh_median_ms(entry), jmh_allocation(entry))
        elif entry["benchmark"] == MATMUL_BENCHMARK:
            m, k, n = (int(size) for size in params["shape"].split("x"))
            if m == k == n:
                matmul[(n, "float32") if single else n] = 2.0 * m * k * n / (jmh_median_ms(entry) * 1e6)
    timer_path = os.path.join(directory, "java-steps-t%d.json" % threads)
    if os.path.exists(timer_path):
        for result in load(timer_path)["results"]:
            single = result.get("dtype", "float64") == "float32"
            steps[(result["workload"], result["regularized"]) + (("float32",) if single else ())] = (
                result["ms"], result["alloc_bytes_per_step"])
    return steps, matmul


def torch_results(directory, threads):
    """{(workload, regularized, dtype): ms}, {(size, dtype): GFLOP/s} and the run's header."""
    path = os.path.join(directory, "torch-t%d.json" % threads)
    if not os.path.exists(path):
        return {}, {}, {}
    report = load(path)
    steps, matmul = {}, {}
    for result in report["results"]:
        if result["kind"] == "step":
            steps[(result["workload"], result["regularized"], result["dtype"])] = result["ms"]
        else:
            matmul[(result["size"], result["dtype"])] = result["gflops"]
    return steps, matmul, report


def ratio(numerator, denominator):
    return None if numerator is None or denominator is None else numerator / denominator


def number(value, digits=2):
    return "n/a" if value is None else "%.*f" % (digits, value)


def verdict(value, target, at_most, tally):
    """'met' or 'MISSED by x%', and counts the outcome."""
    if value is None:
        return "n/a"
    met = value <= target if at_most else value >= target
    tally["met" if met else "missed"] += 1
    if met:
        return "met"
    return "MISSED by %.0f%%" % (abs(value / target - 1) * 100)


def thread_counts(directory):
    found = set()
    for path in glob.glob(os.path.join(directory, "*-t*.json")):
        match = re.search(r"-t(\d+)\.json$", path)
        if match:
            found.add(int(match.group(1)))
    return sorted(found)


def header(directory, torch_header, threads_list):
    lines = ["## equireg vs PyTorch: %s" % os.path.basename(os.path.normpath(directory)), ""]
    machine_path = os.path.join(directory, "machine.json")
    if os.path.exists(machine_path):
        machine = load(machine_path)
        lines.append("- equireg: JDK %s (%s), CPU %s, %d processors, kernels: vector width %d bits (%d doubles; %s)"
                     % (machine["jdk"], machine["vm"], machine["cpu"], machine["processors"],
                        machine["vector_bits"], machine["double_lanes"], machine["simd"]))
    if torch_header:
        lines.append("- PyTorch %s (Python %s), BLAS loaded: %s; malloc settings: %s; protocol: %s"
                     % (torch_header["torch"], torch_header["python"], ", ".join(torch_header["blas"]),
                        torch_header.get("malloc") or "glibc defaults", torch_header["protocol"]))
    load_path = os.path.join(directory, "load.txt")
    if os.path.exists(load_path):
        with open(load_path) as source:
            lines.append("- load average (1, 5, 15 min) at each phase: "
                         + "; ".join(line.strip() for line in source if line.strip()))
    lines.append("- noise: median over the step cases of (max - min) / median of the repeated runs: "
                 + noise(directory, threads_list))
    lines.append("- times are medians over repeated runs; ratio = equireg / PyTorch (below 1: equireg faster)")
    lines.append("- work ratio: rows through forward and backward with / without the regularizer, (batch + 2 n) / batch;"
                 " the overhead cannot go much below it")
    return lines


def step_table(threads_list, java, torch, tally):
    lines = ["", "### Training step with the regularizer (ms/step, float64 unless stated)", "",
             "| workload | threads | equireg | PyTorch f64 | ratio (<= %.1f) | PyTorch f32 | ratio vs f32 "
             "| overhead equireg (<= %.1f) | overhead PyTorch | work ratio | equireg alloc/step |"
             % (STEP_RATIO_TARGET, OVERHEAD_TARGET),
             "|---|---|---|---|---|---|---|---|---|---|---|"]
    for workload in WORKLOADS:
        for threads in threads_list:
            java_steps, torch_steps = java[threads][0], torch[threads][0]
            with_reg, allocation = java_steps.get((workload, True), (None, None))
            without_reg = java_steps.get((workload, False), (None, None))[0]
            torch64 = torch_steps.get((workload, True, "float64"))
            torch32 = torch_steps.get((workload, True, "float32"))
            step_ratio = ratio(with_reg, torch64)
            float32_ratio = ratio(with_reg, torch32)
            overhead = ratio(with_reg, without_reg)
            torch_overhead = ratio(torch64, torch_steps.get((workload, False, "float64")))
            float32_cell = "%s (info: float64 against float32)" % number(float32_ratio)
            work_ratio = (TASK_BATCH[workload] + REGULARIZER_ROWS) / TASK_BATCH[workload]
            lines.append("| %s | %d | %s | %s | %s %s | %s | %s | %s %s | %s | %s | %s |" % (
                workload, threads, number(with_reg, 3), number(torch64, 3), number(step_ratio),
                verdict(step_ratio, STEP_RATIO_TARGET, True, tally), number(torch32, 3), float32_cell,
                number(overhead), verdict(overhead, OVERHEAD_TARGET, True, tally), number(torch_overhead),
                number(work_ratio, 1),
                "n/a" if allocation is None else "%.2f MB" % (allocation / 1e6)))
    lines += ["", "### Training step without the regularizer (ms/step, float64)", "",
              "| workload | threads | equireg | PyTorch f64 | ratio | PyTorch f32 | equireg alloc/step |",
              "|---|---|---|---|---|---|---|"]
    for workload in WORKLOADS:
        for threads in threads_list:
            java_steps, torch_steps = java[threads][0], torch[threads][0]
            plain, allocation = java_steps.get((workload, False), (None, None))
            torch64 = torch_steps.get((workload, False, "float64"))
            lines.append("| %s | %d | %s | %s | %s | %s | %s |" % (
                workload, threads, number(plain, 3), number(torch64, 3), number(ratio(plain, torch64)),
                number(torch_steps.get((workload, False, "float32")), 3),
                "n/a" if allocation is None else "%.2f MB" % (allocation / 1e6)))
    return lines


def float32_table(threads_list, java, torch, tally):
    """equireg float32 beside its float64 and PyTorch float32."""
    if not any(key[-1] == "float32" for threads in threads_list for key in java[threads][0]):
        return []
    lines = ["", "### Training step with the regularizer in float32 (ms/step)", "",
             "| workload | threads | equireg f32 | equireg f64 | f32 / f64 | PyTorch f32 | ratio (<= %.1f at 1 thread, "
             "<= %.1f at 2) | equireg f32 alloc/step | alloc f32 / f64 (<= %.2f) |"
             % (FLOAT32_STEP_TARGET[1], FLOAT32_STEP_TARGET[2], FLOAT32_ALLOCATION_TARGET),
             "|---|---|---|---|---|---|---|---|---|"]
    for workload in WORKLOADS:
        for threads in threads_list:
            java_steps, torch_steps = java[threads][0], torch[threads][0]
            single, single_allocation = java_steps.get((workload, True, "float32"), (None, None))
            double, double_allocation = java_steps.get((workload, True), (None, None))
            torch32 = torch_steps.get((workload, True, "float32"))
            versus_torch = ratio(single, torch32)
            allocation_ratio = ratio(single_allocation, double_allocation)
            lines.append("| %s | %d | %s | %s | %s | %s | %s %s | %s | %s %s |" % (
                workload, threads, number(single, 3), number(double, 3), number(ratio(single, double)),
                number(torch32, 3), number(versus_torch),
                verdict(versus_torch, FLOAT32_STEP_TARGET.get(threads, 1.0), True, tally),
                "n/a" if single_allocation is None else "%.2f MB" % (single_allocation / 1e6),
                number(allocation_ratio), verdict(allocation_ratio, FLOAT32_ALLOCATION_TARGET, True, tally)))
    sizes = sorted(key[0] for threads in threads_list for key in java[threads][1] if isinstance(key, tuple))
    if sizes:
        lines += ["", "### Square matmul in float32 (GFLOP/s)", "",
                  "| n | threads | equireg f32 | equireg f64 | f32 / f64 (>= %.1f) | PyTorch f32 | ratio (>= 1.0) |"
                  % FLOAT32_MATMUL_SPEEDUP, "|---|---|---|---|---|---|---|"]
        for size in sorted(set(sizes)):
            for threads in threads_list:
                single = java[threads][1].get((size, "float32"))
                double = java[threads][1].get(size)
                speedup = ratio(single, double)
                versus_torch = ratio(single, torch[threads][1].get((size, "float32")))
                lines.append("| %d | %d | %s | %s | %s %s | %s | %s %s |" % (
                    size, threads, number(single, 1), number(double, 1), number(speedup),
                    verdict(speedup, FLOAT32_MATMUL_SPEEDUP, False, tally) if threads == 1 else "(info)",
                    number(torch[threads][1].get((size, "float32")), 1), number(versus_torch),
                    verdict(versus_torch, 1.0, False, tally) if threads == 1 else "(info)"))
    return lines


def matmul_table(threads_list, java, torch, tally):
    lines = ["", "### Square matmul, float64 (GFLOP/s = 2 n^3 / time)", "",
             "| n | threads | equireg | PyTorch f64 | ratio (>= %.2f) | PyTorch f32 |" % MATMUL_RATIO_TARGET,
             "|---|---|---|---|---|---|"]
    sizes = sorted({size for threads in threads_list for size in java[threads][1] if not isinstance(size, tuple)}
                   | {size for threads in threads_list for (size, _) in torch[threads][1]})
    for size in sizes:
        for threads in threads_list:
            mine = java[threads][1].get(size)
            theirs = torch[threads][1].get((size, "float64"))
            share = ratio(mine, theirs)
            lines.append("| %d | %d | %s | %s | %s %s | %s |" % (
                size, threads, number(mine, 1), number(theirs, 1), number(share),
                verdict(share, MATMUL_RATIO_TARGET, False, tally),
                number(torch[threads][1].get((size, "float32")), 1)))
    if 1 in java and 2 in java and 1024 in java[1][1] and 1024 in java[2][1]:
        scaling = java[2][1][1024] / java[1][1][1024]
        torch_scaling = ratio(torch[2][1].get((1024, "float64")), torch[1][1].get((1024, "float64")))
        lines += ["", "2-thread scaling at n = 1024: equireg %.2fx (>= %.1f: %s), PyTorch f64 %sx"
                  % (scaling, SCALING_TARGET, verdict(scaling, SCALING_TARGET, False, tally), number(torch_scaling))]
    return lines


def main():
    if len(sys.argv) != 2:
        raise SystemExit(__doc__)
    directory = sys.argv[1]
    threads_list = thread_counts(directory)
    java = {threads: java_results(directory, threads) for threads in threads_list}
    torch = {threads: torch_results(directory, threads) for threads in threads_list}
    torch_header = next((torch[threads][2] for threads in threads_list if torch[threads][2]), None)
    tally = {"met": 0, "missed": 0}
    lines = header(directory, torch_header, threads_list)
    lines += step_table(threads_list, java, torch, tally)
    lines += matmul_table(threads_list, java, torch, tally)
    lines += float32_table(threads_list, java, torch, tally)
    lines += ["", "Targets: %d met, %d missed." % (tally["met"], tally["missed"])]
    print("\n".join(lines))


if __name__ == "__main__":
    main()
