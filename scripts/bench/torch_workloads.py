#!/usr/bin/python3
"""PyTorch side of the equireg performance comparison.

Times the five training-step workloads of org.equireg.benchmarks.Workloads (same shapes, batch,
regularizer and update; see the table below) and square float matrix products, in float64 and
float32, on a given number of threads, and writes the medians as JSON.

One training step = zero the gradients, task loss on the batch, plus (when regularized) the
equivariance penalty on n = 32 fresh samples from U[0, 1)^inputShape for the one transform pair,
backward, SGD update (lr 0.01, no momentum). The penalty is equireg's EquivarianceError with one pair:

    error   = mean_i dist(f_out(model(v_i)), model(f_in(v_i)))
    penalty = lambda * relu(error - epsilon),   epsilon = 0, lambda = 1

dist is the per-sample L2 norm of the flattened difference (Distance.L2), or that norm between the
log_softmax of both (Distance.CROSS_ENTROPY_LOGITS). model(v) and model(f_in(v)) are two forward
passes, as in the reference package; --batch-passes makes them one pass over the concatenated batch,
as equireg's EquivarianceError does by default (same arithmetic, fewer and larger ops).

Timing: steps run for --warmup seconds, then --repeats blocks of at least --block seconds each;
the reported time is the median over blocks of the mean time per step in the block.

Usage: /usr/bin/python3 scripts/bench/torch_workloads.py --threads 1 --out torch-t1.json
"""
import argparse
import json
import os
import statistics
import sys
import time


def parse_arguments():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, required=True, help="intra-op threads (OpenMP and BLAS)")
    parser.add_argument("--out", required=True, help="JSON file to write")
    parser.add_argument("--dtypes", default="float64,float32")
    parser.add_argument("--workloads", default="mlp-shift,mlp-digits,cnn-digits,cnn28,fcn-seg")
    parser.add_argument("--matmul", default="512,1024",
                        help="matrix products: square sizes (512) or m x k x n shapes (64x256x256); empty for none")
    parser.add_argument("--warmup", type=float, default=1.0, help="seconds of warm-up per case")
    parser.add_argument("--block", type=float, default=0.3, help="minimum seconds per timed block")
    parser.add_argument("--repeats", type=int, default=7, help="timed blocks per case")
    parser.add_argument("--batch-passes", action="store_true", help="one forward pass over v and f_in(v)")
    parser.add_argument("--check", action="store_true", help="run each step once and exit (no timing)")
    return parser.parse_args()


ARGUMENTS = parse_arguments()
# Thread pools read these when the libraries load, so they are set before importing torch.
for variable in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS"):
    os.environ[variable] = str(ARGUMENTS.threads)

import torch  # noqa: E402
import torch.nn.functional as F  # noqa: E402
from torch import nn  # noqa: E402

BATCH = 64
SAMPLES = 32  # regularizer n
LEARNING_RATE = 0.01
EPSILON = 0.0
LAMBDA = 1.0


def mlp(sizes):
    """Linear layers of the given widths with tanh between them (none after the last)."""
    layers = []
    for index in range(len(sizes) - 1):
        if index > 0:
            layers.append(nn.Tanh())
        layers.append(nn.Linear(sizes[index], sizes[index + 1]))
    return nn.Sequential(*layers)


def cnn(side):
    """conv 1->16, ReLU, conv 16->32, ReLU (3x3, padding 1), max-pool 2, linear ->64, ReLU, linear 64->10."""
    pooled = side // 2
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, 1, 1), nn.ReLU(),
        nn.Conv2d(16, 32, 3, 1, 1), nn.ReLU(),
        nn.MaxPool2d(2), nn.Flatten(),
        nn.Linear(32 * pooled * pooled, 64), nn.ReLU(),
        nn.Linear(64, 10))


def fcn():
    """Three 3x3 convolutions 1->16->16->1, padding 1, ReLU between them."""
    return nn.Sequential(
        nn.Conv2d(1, 16, 3, 1, 1), nn.ReLU(),
        nn.Conv2d(16, 16, 3, 1, 1), nn.ReLU(),
        nn.Conv2d(16, 1, 3, 1, 1))


def l2(a, b):
    return (a - b).flatten(1).norm(dim=1)


def cross_entropy_logits(a, b):
    return l2(F.log_softmax(a, dim=-1), F.log_softmax(b, dim=-1))


def identity(x):
    return x


def roll_features(x):
    return torch.roll(x, 1, dims=-1)


def flip_digit(x):
    """Horizontal flip of each flattened 8x8 image."""
    return x.reshape(-1, 8, 8).flip(2).reshape(-1, 64)


def rot90(x):
    return torch.rot90(x, 1, dims=(-2, -1))


def workload(name, dtype):
    """(model, input shape without batch, batch input, task loss of the output, f_out, f_in, dist)."""
    if name == "mlp-shift":
        model, shape = mlp([64, 256, 256, 64]), (64,)
        target = torch.rand(BATCH, 64, dtype=dtype)
        return model, shape, BATCH, lambda out: F.mse_loss(out, target), roll_features, roll_features, l2
    if name == "mlp-digits":
        model, shape = mlp([64, 128, 128, 10]), (64,)
        labels = torch.randint(0, 10, (BATCH,))
        return (model, shape, BATCH, lambda out: F.cross_entropy(out, labels), identity, flip_digit,
                cross_entropy_logits)
    if name in ("cnn-digits", "cnn28"):
        side = 8 if name == "cnn-digits" else 28
        model, shape = cnn(side), (1, side, side)
        labels = torch.randint(0, 10, (BATCH,))
        return model, shape, BATCH, lambda out: F.cross_entropy(out, labels), identity, rot90, cross_entropy_logits
    if name == "fcn-seg":
        batch = 16
        model, shape = fcn(), (1, 32, 32)
        target = torch.rand(batch, 1, 32, 32, dtype=dtype)
        return model, shape, batch, lambda out: F.mse_loss(out, target), rot90, rot90, l2
    raise ValueError("unknown workload " + name)


def training_step(name, regularized, dtype):
    """A function running one training step, and returning the loss as a float."""
    torch.manual_seed(0)
    model, shape, batch, task_loss, f_out, f_in, dist = workload(name, dtype)
    model = model.to(dtype)
    inputs = torch.rand(batch, *shape, dtype=dtype)
    optimizer = torch.optim.SGD(model.parameters(), lr=LEARNING_RATE)

    def step():
        optimizer.zero_grad(set_to_none=True)
        loss = task_loss(model(inputs))
        if regularized:
            samples = torch.rand(SAMPLES, *shape, dtype=dtype)
            if ARGUMENTS.batch_passes:
                plain, transformed = model(torch.cat([samples, f_in(samples)])).split(SAMPLES)
            else:
                plain, transformed = model(samples), model(f_in(samples))
            error = dist(f_out(plain), transformed).mean()
            loss = loss + LAMBDA * torch.relu(error - EPSILON)
        loss.backward()
        optimizer.step()
        return loss.item()

    return step


def median_seconds(action):
    """Median over timed blocks of the mean seconds per call of action, after a warm-up."""
    start = time.perf_counter()
    calls = 0
    while calls < 3 or time.perf_counter() - start < ARGUMENTS.warmup:
        action()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    calls_per_block = max(1, int(ARGUMENTS.block / per_call))
    samples = []
    for _ in range(ARGUMENTS.repeats):
        start = time.perf_counter()
        for _ in range(calls_per_block):
            action()
        samples.append((time.perf_counter() - start) / calls_per_block)
    return statistics.median(samples), samples


def loaded_blas():
    """File names of the BLAS libraries mapped into this process (which one torch really calls)."""
    with open("/proc/self/maps") as maps:
        names = {line.split()[-1] for line in maps if "blas" in line.lower() and "/" in line}
    return sorted(os.path.basename(name) for name in names)


def main():
    torch.set_num_threads(ARGUMENTS.threads)
    dtypes = [getattr(torch, name) for name in ARGUMENTS.dtypes.split(",") if name]
    names = [name for name in ARGUMENTS.workloads.split(",") if name]
    results = []
    for dtype in dtypes:
        for name in names:
            for regularized in (False, True):
                step = training_step(name, regularized, dtype)
                loss = step()
                if not (loss == loss and abs(loss) < float("inf")):
                    raise SystemExit("torch_workloads: %s loss is %r" % (name, loss))
                if ARGUMENTS.check:
                    print("%-10s %-7s regularized=%-5s loss=%.6f" % (name, str(dtype)[6:], regularized, loss))
                    continue
                seconds, samples = median_seconds(step)
                results.append({"kind": "step", "workload": name, "regularized": regularized,
                                "dtype": str(dtype)[6:], "ms": seconds * 1e3,
                                "samples_ms": [s * 1e3 for s in samples]})
                print("%-10s %-7s regularized=%-5s %9.3f ms/step" % (name, str(dtype)[6:], regularized, seconds * 1e3),
                      file=sys.stderr)
        for shape in [text for text in ARGUMENTS.matmul.split(",") if text and not ARGUMENTS.check]:
            m, k, n = [int(size) for size in shape.split("x")] if "x" in shape else [int(shape)] * 3
            a = torch.rand(m, k, dtype=dtype)
            b = torch.rand(k, n, dtype=dtype)
            seconds, samples = median_seconds(lambda: torch.mm(a, b))
            flops = 2.0 * m * k * n
            results.append({"kind": "matmul", "size": m if m == k == n else shape, "shape": "%dx%dx%d" % (m, k, n),
                            "dtype": str(dtype)[6:], "gflops": flops / seconds / 1e9,
                            "samples_gflops": [flops / s / 1e9 for s in samples]})
            print("matmul %s %-7s %8.2f GFLOP/s" % (shape, str(dtype)[6:], flops / seconds / 1e9), file=sys.stderr)
    report = {"torch": torch.__version__, "python": sys.version.split()[0], "threads": ARGUMENTS.threads,
              "torch_threads": torch.get_num_threads(), "blas": loaded_blas(),
              "malloc": {name: value for name, value in os.environ.items() if name.startswith("MALLOC_")},
              "protocol": {"warmup_s": ARGUMENTS.warmup, "block_s": ARGUMENTS.block, "repeats": ARGUMENTS.repeats,
                           "batch_passes": ARGUMENTS.batch_passes},
              "results": results}
    if not ARGUMENTS.check:
        temporary = ARGUMENTS.out + ".tmp"
        with open(temporary, "w") as out:
            json.dump(report, out, indent=1)
        os.replace(temporary, ARGUMENTS.out)


if __name__ == "__main__":
    main()
