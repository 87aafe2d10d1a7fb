#!/usr/bin/python3
"""PyTorch side of org.equireg.benchmarks.LieDerivativeBenchmark.

The MNIST study's CNN (conv 1->16, ReLU, max-pool 2, conv 16->32, ReLU, max-pool 2, linear
1568->128, ReLU, linear 128->10) on 64 random images of (1, 28, 28), float64:

* task:   cross-entropy forward and backward;
* lie:    the Lie derivative along rotation, d/dt model(T_t x) at t = 0, computed as lie-deriv does
          (lee/lie_derivs.py): a Jacobian-vector product by two backward passes (a dummy cotangent v,
          grad(y, x, v, create_graph=True), then its gradient with respect to v in the direction of
          the tangent); the input tangent is the central-difference formula equireg uses, so both
          sides do the same arithmetic apart from the JVP;
* layers: 16 probes of the per-layer attribution, as in lie-deriv's lee/layerwise_lee.py: every
          layer's own Lie derivative (one double-backward JVP per layer), then one backward pass
          per probe.

Timing: --warmup seconds, then --repeats blocks of at least --block seconds; the median of the
blocks' mean times is printed in milliseconds.

Usage: /usr/bin/python3 scripts/bench/lie_torch.py --threads 1
"""
import argparse
import statistics
import time

import torch
import torch.nn.functional as F


def rotation_tangent(x):
    """d/dt rotate(t) x at t = 0: central differences times the flow (y, x) in (row, column) speeds."""
    n, c, h, w = x.shape
    rows = torch.arange(h, dtype=x.dtype).reshape(h, 1)
    columns = torch.arange(w, dtype=x.dtype).reshape(1, w)
    y = (h - 1) / 2.0 - rows
    xs = columns - (w - 1) / 2.0
    padded = F.pad(x, (1, 1, 1, 1))
    d_row = (padded[:, :, 2:, 1:-1] - padded[:, :, :-2, 1:-1]) / 2
    d_column = (padded[:, :, 1:-1, 2:] - padded[:, :, 1:-1, :-2]) / 2
    return xs * d_row + y * d_column


def jvp(f, x, u):
    """lie-deriv's Jacobian-vector product: two backward passes."""
    with torch.enable_grad():
        x = x.detach().requires_grad_(True)
        y = f(x)
        v = torch.ones_like(y, requires_grad=True)
        (vjp,) = torch.autograd.grad(y, [x], [v], create_graph=True)
        (ju,) = torch.autograd.grad(vjp, [v], [u], create_graph=True)
        return ju


def model_and_data():
    torch.manual_seed(42)
    model = torch.nn.Sequential(torch.nn.Conv2d(1, 16, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                torch.nn.Conv2d(16, 32, 3, padding=1), torch.nn.ReLU(), torch.nn.MaxPool2d(2),
                                torch.nn.Flatten(), torch.nn.Linear(1568, 128), torch.nn.ReLU(),
                                torch.nn.Linear(128, 10)).double()
    images = torch.rand(64, 1, 28, 28, dtype=torch.float64)
    labels = torch.randint(0, 10, (64,))
    return model, images, labels


def task(model, images, labels):
    model.zero_grad()
    loss = F.cross_entropy(model(images), labels)
    loss.backward()
    return loss.item()


def lie(model, images, labels):
    return jvp(model, images, rotation_tangent(images)).abs().sum().item()


def layers(model, images, labels, probes=16):
    activations = [images]
    with torch.no_grad():
        for layer in model:
            activations.append(layer(activations[-1]))
    local = []
    for k, layer in enumerate(model):
        h = activations[k]
        if h.dim() < 4:
            local.append(None)
            continue
        term = jvp(layer, h, rotation_tangent(h)).detach()
        if activations[k + 1].dim() == 4:
            term = term - rotation_tangent(activations[k + 1])
        local.append(term)
    total = 0.0
    for _ in range(probes):
        taps = []
        h = images
        for k, layer in enumerate(model):
            h = layer(h)
            if local[k] is not None:
                tap = torch.zeros_like(h, requires_grad=True)
                h = h + tap
                taps.append((tap, local[k]))
        z = torch.randn_like(h)
        grads = torch.autograd.grad((h * z).sum(), [tap for tap, _ in taps])
        total += sum(((g * l).flatten(1).sum(1) ** 2).mean().item() for g, (_, l) in zip(grads, taps))
    return total


def time_it(work, arguments, warmup, block, repeats):
    end = time.perf_counter() + warmup
    while time.perf_counter() < end:
        work(*arguments)
    means = []
    for _ in range(repeats):
        count, start = 0, time.perf_counter()
        while time.perf_counter() - start < block:
            work(*arguments)
            count += 1
        means.append((time.perf_counter() - start) / count)
    return statistics.median(means) * 1e3


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--threads", type=int, required=True)
    parser.add_argument("--warmup", type=float, default=3.0)
    parser.add_argument("--block", type=float, default=1.0)
    parser.add_argument("--repeats", type=int, default=8)
    options = parser.parse_args()
    torch.set_num_threads(options.threads)
    model, images, labels = model_and_data()
    results = {name: time_it(work, (model, images, labels), options.warmup, options.block, options.repeats)
               for name, work in (("task", task), ("lie", lie), ("layers", layers))}
    print(f"torch {torch.__version__}, {options.threads} threads, float64, batch 64, ms per call (median of "
          f"{options.repeats} blocks)")
    for name, ms in results.items():
        print(f"{name:7s} {ms:9.2f} ms  {ms / results['task']:6.2f} x task")


if __name__ == "__main__":
    main()
