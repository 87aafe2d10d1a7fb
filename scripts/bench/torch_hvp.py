#!/usr/bin/env python3
"""PyTorch's side of HessianVectorTimer: a Hessian-vector product of a workload's task loss with
respect to all parameters (double backward, create_graph=True) against one forward and backward,
with the same protocol (warm-up, then the median over blocks of the mean time per call).

Usage: torch_hvp.py [workload] [float64|float32] [threads]
"""
import statistics
import sys
import time

import torch

workload_name = sys.argv[1] if len(sys.argv) > 1 else "cnn-digits"
dtype = torch.float32 if len(sys.argv) > 2 and sys.argv[2] == "float32" else torch.float64
threads = int(sys.argv[3]) if len(sys.argv) > 3 else 1
sys.argv = [sys.argv[0], "--threads", str(threads), "--out", "/dev/null"]
import torch_workloads  # noqa: E402  (parses its own arguments at import)


def median_ms(action, block=0.5, repeats=7):
    start = time.perf_counter()
    calls = 0
    while calls < 3 or time.perf_counter() - start < 2:
        action()
        calls += 1
    per_call = (time.perf_counter() - start) / calls
    per_block = max(1, int(block / per_call))
    samples = []
    for _ in range(repeats):
        start = time.perf_counter()
        for _ in range(per_block):
            action()
        samples.append((time.perf_counter() - start) / per_block * 1e3)
    return statistics.median(samples)


def main():
    torch.set_num_threads(threads)
    torch.manual_seed(0)
    model, shape, batch, task_loss, *_ = torch_workloads.workload(workload_name, dtype)
    model = model.to(dtype)
    inputs = torch.rand(batch, *shape, dtype=dtype)
    params = list(model.parameters())
    direction = [torch.randn_like(p) for p in params]

    def forward_backward():
        for p in params:
            p.grad = None
        task_loss(model(inputs)).backward()

    def hessian_vector():
        grads = torch.autograd.grad(task_loss(model(inputs)), params, create_graph=True)
        dot = sum((g * v).sum() for g, v in zip(grads, direction))
        torch.autograd.grad(dot, params)

    plain = median_ms(forward_backward)
    product = median_ms(hessian_vector)
    print(f"torch {workload_name} {dtype} forward+backward {plain:.3f} ms, hvp {product:.3f} ms, ratio {product / plain:.2f}")


if __name__ == "__main__":
    main()
