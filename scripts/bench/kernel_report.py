#!/usr/bin/python3
"""Throughput table of the JMH kernel suites from raw JMH JSON (scripts/bench/kernels.sh writes it).

Conversions (the operation counts stated in each benchmark class's Javadoc), from the median over
measurement iterations of the time per call:
- MatmulBenchmark, shape m x k x n: GFLOP/s = 2 m k n / ns;
- Conv2dBenchmark, layer b x c x h x w x o (3x3, padding 1): forward 2 b o c 9 h w floating-point
  operations, forwardBackward three times that;
- ElementwiseBenchmark: add and mul move 24 bytes per element, relu, tanh and exp 16; GB/s = bytes / ns;
- ReductionBenchmark: 8 bytes per element read;
- SoftmaxBenchmark: forward 16 bytes per element, forward plus backward 40;
- the dtype kernel suites (parameter dtype = float64 or float32, kernels called directly):
  GemmKernelBenchmark as MatmulBenchmark; ConvKernelBenchmark forward, backwardInput and backwardWeight
  2 b o c 9 h w each; ElementwiseKernelBenchmark in elements per nanosecond (Gelem/s), so that the two
  dtypes compare directly;
- PeakFmaBenchmark (the core's multiply-add peak at the JVM's vector width): GFLOP/s = 2 * 12 * 65536 / ns.
  When the files hold it, every GFLOP/s row with a dtype gets its fraction of that peak (of the
  peak times the thread count for multi-threaded rows: the peak is one core's).

Usage: /usr/bin/python3 scripts/bench/kernel_report.py kernels-tN.json [...]
"""
import json
import statistics
import sys

TO_NANOSECONDS = {"ns/op": 1.0, "us/op": 1e3, "ms/op": 1e6, "s/op": 1e9}
BYTES_PER_ELEMENT = {"add": 24, "mul": 24, "relu": 16, "tanh": 16, "exp": 16, "sumAll": 8, "sumRows": 8,
                     "sumColumns": 8, "max": 8, "softmax": 16, "logSoftmax": 16, "logSoftmaxForwardBackward": 40}


def sizes(text):
    return [int(size) for size in text.split("x")]


def throughput(suite, method, params, nanoseconds):
    """(value, unit) for one result."""
    if suite == "PeakFmaBenchmark":
        return 2.0 * 12 * 65536 / nanoseconds, "GFLOP/s"
    if suite == "ElementwiseKernelBenchmark":
        return int(params["size"]) / nanoseconds, "Gelem/s"
    if suite in ("MatmulBenchmark", "GemmKernelBenchmark"):
        m, k, n = sizes(params["shape"])
        return 2.0 * m * k * n / nanoseconds, "GFLOP/s"
    if suite in ("Conv2dBenchmark", "ConvKernelBenchmark"):
        batch, channels, height, width, out = sizes(params["layer"])
        flops = 2.0 * batch * out * channels * 9 * height * width
        return flops * (3 if method == "forwardBackward" else 1) / nanoseconds, "GFLOP/s"
    if suite == "Pool2dKernelBenchmark":  # 2 x 2 windows at stride 2: output elements per ns
        batch, channels, height, width = sizes(params["shape"])
        return batch * channels * (height // 2) * (width // 2) / nanoseconds, "Gwindows/s"
    if suite == "SoftmaxBenchmark":
        rows, columns = sizes(params["shape"])
        elements = rows * columns
    else:
        elements = int(params["size"])
    return BYTES_PER_ELEMENT[method] * elements / nanoseconds, "GB/s"


def rows(paths):
    """(suite, method, params, threads, nanoseconds, value, unit) for every result in the files."""
    for path in paths:
        with open(path) as source:
            results = json.load(source)
        for entry in results:
            suite, method = entry["benchmark"].split(".")[-2:]
            metric = entry["primaryMetric"]
            iterations = [score for fork in metric["rawData"] for score in fork]
            nanoseconds = statistics.median(iterations) * TO_NANOSECONDS[metric["scoreUnit"]]
            params = entry.get("params", {})
            value, unit = throughput(suite, method, params, nanoseconds)
            threads = next((argument.split("=")[1] for argument in entry.get("jvmArgs", [])
                            if argument.startswith("-Dequireg.threads=")), "default")
            yield suite, method, params, threads, nanoseconds, value, unit


def main():
    if len(sys.argv) < 2:
        raise SystemExit(__doc__)
    results = list(rows(sys.argv[1:]))
    peak = {params["dtype"]: value for suite, _, params, _, _, value, _ in results if suite == "PeakFmaBenchmark"}
    print("| benchmark | parameters | threads | time per call | throughput | of peak |")
    print("|---|---|---|---|---|---|")
    for suite, method, params, threads, nanoseconds, value, unit in results:
        fraction = ""
        if unit == "GFLOP/s" and suite != "PeakFmaBenchmark" and params.get("dtype") in peak:
            cores = int(threads) if threads.isdigit() else 1
            fraction = "%.0f%%" % (100 * value / (peak[params["dtype"]] * cores))
        print("| %s.%s | %s | %s | %.1f us | %.2f %s | %s |" % (
            suite, method, ", ".join("%s=%s" % item for item in params.items()), threads,
            nanoseconds / 1e3, value, unit, fraction))


if __name__ == "__main__":
    main()
