#!/usr/bin/python3
"""Writes the golden fixtures that the nn module's tests compare against, computed by PyTorch in float64.

Run with the system Python that has PyTorch (1.13) and NumPy:

    /usr/bin/python3 scripts/golden/nn_goldens.py

Output: nn/src/test/resources/golden/*.safetensors, each a flat map of F64 tensors whose names are
paths ("<case>/output"). The script is deterministic (fixed seeds), so rerunning it changes nothing
unless the script changed. There is no Python safetensors package here, so files are laid out by
hand: an 8-byte little-endian header length, the JSON header padded with spaces to a multiple of 8,
then the raw little-endian data.

Files and their cases (the Java tests name the same cases and fail on any case they do not know):
  layers       every layer: state (parameters and buffers, before the forward pass), input, output,
               upstream gradient, input gradient, parameter gradients
  batchnorm    three training steps of BatchNorm1d/2d: outputs and running statistics after each
               step, then one evaluation-mode output
  losses       every loss and reduction: input, target, value, upstream, input gradient
  optimizers   five steps of each optimizer on a small MLP: parameters after every step and the
               optimizer state at the end; one case clips the gradient norm before each step
  schedules    the learning rate per epoch of StepLR and CosineAnnealingLR (PyTorch's recursive form)
  erf          erf and erfc from Python's math module on a grid
  second_order Hessian-vector products of layers and losses: for s = <upstream, output>, the
               gradients (create_graph=True) of the input and every parameter, a direction per
               tensor, and hvp = d <grads, directions> / d tensor for the input and every parameter;
               under <case>/float32/ the output, gradients and products computed in float32 from the
               same values rounded (stored widened to F64)
"""

import copy
import math
import os

import torch
import torch.nn as nn
import torch.nn.functional as F

import f64_safetensors

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "nn", "src", "test", "resources", "golden")

torch.set_default_dtype(torch.float64)


def save(name, tensors):
    """Writes {name: tensor} as F64 in insertion order."""
    f64_safetensors.write(os.path.join(OUT, name + ".safetensors"), tensors)


# ---------------------------------------------------------------------------------------------- layers

def randomize_batch_norm(layer):
    with torch.no_grad():
        layer.weight.uniform_(0.5, 1.5)
        layer.bias.uniform_(-0.5, 0.5)
        layer.running_mean.uniform_(-0.5, 0.5)
        layer.running_var.uniform_(0.5, 1.5)
    return layer


def randomize_affine(layer):
    with torch.no_grad():
        for parameter in layer.parameters():
            parameter.uniform_(0.5, 1.5)
    return layer


def gelu_tanh():
    return nn.GELU(approximate="tanh")


LAYER_CASES = [
    # name, factory, input shape, input scale
    ("linear", lambda: nn.Linear(3, 2), (4, 3), 1),
    ("linear_no_bias", lambda: nn.Linear(3, 2, bias=False), (2, 5, 3), 1),
    ("conv", lambda: nn.Conv2d(2, 3, 3, stride=1, padding=1), (2, 2, 5, 5), 1),
    ("conv_no_bias", lambda: nn.Conv2d(3, 2, 2, stride=1, padding=0, bias=False), (1, 3, 4, 4), 1),
    ("conv_strided_dilated_grouped", lambda: nn.Conv2d(4, 6, 3, stride=2, padding=2, dilation=2, groups=2), (2, 4, 7, 7), 1),
    ("max_pool", lambda: nn.MaxPool2d(2), (2, 3, 4, 6), 1),
    ("max_pool_overlapping", lambda: nn.MaxPool2d(3, stride=2, padding=1), (2, 2, 7, 5), 1),
    ("avg_pool", lambda: nn.AvgPool2d(2), (2, 3, 4, 6), 1),
    ("avg_pool_padded", lambda: nn.AvgPool2d(3, stride=2, padding=1), (2, 2, 7, 5), 1),
    ("adaptive_avg_pool", lambda: nn.AdaptiveAvgPool2d((2, 3)), (2, 2, 5, 7), 1),
    ("adaptive_avg_pool_upsampling", lambda: nn.AdaptiveAvgPool2d((4, 3)), (1, 2, 3, 2), 1),
    ("flatten", lambda: nn.Flatten(), (2, 3, 2, 2), 1),
    ("batch_norm_1d_train", lambda: randomize_batch_norm(nn.BatchNorm1d(3)), (5, 3), 1),
    ("batch_norm_1d_eval", lambda: randomize_batch_norm(nn.BatchNorm1d(3)).eval(), (5, 3), 1),
    ("batch_norm_1d_length_train", lambda: randomize_batch_norm(nn.BatchNorm1d(2)), (3, 2, 4), 1),
    ("batch_norm_2d_train", lambda: randomize_batch_norm(nn.BatchNorm2d(3)), (2, 3, 4, 4), 1),
    ("batch_norm_2d_eval", lambda: randomize_batch_norm(nn.BatchNorm2d(3)).eval(), (2, 3, 4, 4), 1),
    ("layer_norm", lambda: randomize_affine(nn.LayerNorm((2, 3))), (4, 2, 3), 1),
    ("identity", lambda: nn.Identity(), (3, 4), 1),
    ("relu", lambda: nn.ReLU(), (3, 4), 1),
    ("leaky_relu", lambda: nn.LeakyReLU(0.2), (3, 4), 1),
    ("tanh", lambda: nn.Tanh(), (3, 4), 2),
    ("sigmoid", lambda: nn.Sigmoid(), (3, 4), 2),
    ("gelu", lambda: nn.GELU(), (4, 5), 2),
    ("gelu_tanh", gelu_tanh, (4, 5), 2),
    ("softmax", lambda: nn.Softmax(dim=1), (3, 4), 2),
    ("log_softmax", lambda: nn.LogSoftmax(dim=-1), (3, 4), 2),
    ("sequential", lambda: nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 3)), (6, 4), 1),
]


def layers():
    tensors = {}
    for index, (name, factory, shape, scale) in enumerate(LAYER_CASES):
        torch.manual_seed(1000 + index)
        module = factory()
        for key, value in module.state_dict().items():
            tensors["%s/state/%s" % (name, key)] = value.clone()
        x = (torch.randn(shape) * scale).requires_grad_(True)
        y = module(x)
        upstream = torch.randn(y.shape)
        y.backward(upstream)
        tensors[name + "/input"] = x.detach()
        tensors[name + "/output"] = y.detach()
        tensors[name + "/upstream"] = upstream
        tensors[name + "/grad/input"] = x.grad
        for key, parameter in module.named_parameters():
            tensors["%s/grad/%s" % (name, key)] = parameter.grad
    save("layers", tensors)


# ---------------------------------------------------------------------------------------------- batch norm

def batchnorm():
    tensors = {}
    cases = [("bn1d", nn.BatchNorm1d(3, eps=1e-5, momentum=0.1), (6, 3)),
             ("bn2d", nn.BatchNorm2d(2, eps=1e-3, momentum=0.3), (3, 2, 3, 3))]
    torch.manual_seed(7)
    for name, layer, shape in cases:
        with torch.no_grad():
            layer.weight.uniform_(0.5, 1.5)
            layer.bias.uniform_(-0.5, 0.5)
        tensors[name + "/state/weight"] = layer.weight.detach().clone()
        tensors[name + "/state/bias"] = layer.bias.detach().clone()
        for step in range(3):
            x = torch.randn(shape) * (step + 1) + step
            tensors["%s/step%d/input" % (name, step)] = x
            tensors["%s/step%d/output" % (name, step)] = layer(x).detach()
            tensors["%s/step%d/running_mean" % (name, step)] = layer.running_mean.clone()
            tensors["%s/step%d/running_var" % (name, step)] = layer.running_var.clone()
            tensors["%s/step%d/num_batches_tracked" % (name, step)] = layer.num_batches_tracked.clone()
        layer.eval()
        x = torch.randn(shape)
        tensors[name + "/eval/input"] = x
        tensors[name + "/eval/output"] = layer(x).detach()
    save("batchnorm", tensors)


# ---------------------------------------------------------------------------------------------- losses

def losses():
    tensors = {}
    torch.manual_seed(11)
    a, b = torch.randn(3, 4), torch.randn(3, 4)
    logits = torch.randn(5, 4) * 2
    labels = torch.tensor([3, 0, 1, 3, 2])
    probabilities = torch.randn(5, 4).softmax(1)
    huge = torch.tensor([[1e4, 0, -1e4, 5e3], [-1e4, 1e4, 1e4, 0], [0, 0, 0, 0], [-1e4, -1e4, -1e4, 1e4], [3, 1e4, -2, 0]])
    bce_targets = torch.rand(3, 4)
    bce_huge_logits = torch.tensor([[1e4, -1e4, 1e4, -1e4], [0, 0, 30, -30], [700, -700, 1e-3, -1e-3]])
    bce_huge_targets = torch.tensor([[1, 0, 0, 1], [1, 0.25, 0.5, 0.5], [0.1, 0.9, 1, 0]])
    cases = [
        ("mse_mean", a, b, lambda x, t: F.mse_loss(x, t)),
        ("mse_sum", a, b, lambda x, t: F.mse_loss(x, t, reduction="sum")),
        ("mse_none", a, b, lambda x, t: F.mse_loss(x, t, reduction="none")),
        ("l1_mean", a, b, lambda x, t: F.l1_loss(x, t)),
        ("l1_none", a, b, lambda x, t: F.l1_loss(x, t, reduction="none")),
        ("smooth_l1_mean", a, b, lambda x, t: F.smooth_l1_loss(x, t)),
        ("smooth_l1_beta_half_sum", a, b, lambda x, t: F.smooth_l1_loss(x, t, beta=0.5, reduction="sum")),
        ("cross_entropy_mean", logits, labels, lambda x, t: F.cross_entropy(x, t)),
        ("cross_entropy_sum", logits, labels, lambda x, t: F.cross_entropy(x, t, reduction="sum")),
        ("cross_entropy_none", logits, labels, lambda x, t: F.cross_entropy(x, t, reduction="none")),
        ("cross_entropy_smoothing", logits, labels, lambda x, t: F.cross_entropy(x, t, label_smoothing=0.1)),
        ("cross_entropy_probabilities", logits, probabilities, lambda x, t: F.cross_entropy(x, t)),
        ("cross_entropy_probabilities_smoothing_none", logits, probabilities,
         lambda x, t: F.cross_entropy(x, t, label_smoothing=0.2, reduction="none")),
        ("cross_entropy_huge_none", huge, labels, lambda x, t: F.cross_entropy(x, t, reduction="none")),
        ("nll_mean", logits.log_softmax(1), labels, lambda x, t: F.nll_loss(x, t)),
        ("nll_none", logits.log_softmax(1), labels, lambda x, t: F.nll_loss(x, t, reduction="none")),
        ("bce_logits_mean", a, bce_targets, lambda x, t: F.binary_cross_entropy_with_logits(x, t)),
        ("bce_logits_huge_none", bce_huge_logits, bce_huge_targets,
         lambda x, t: F.binary_cross_entropy_with_logits(x, t, reduction="none")),
    ]
    for name, x, target, loss in cases:
        x = x.detach().clone().requires_grad_(True)
        value = loss(x, target)
        upstream = torch.randn(value.shape) if value.dim() > 0 else torch.tensor(1.0)
        value.backward(upstream)
        tensors[name + "/input"] = x.detach()
        tensors[name + "/target"] = target.double()
        tensors[name + "/value"] = value.detach()
        tensors[name + "/upstream"] = upstream
        tensors[name + "/grad/input"] = x.grad
    save("losses", tensors)


# ---------------------------------------------------------------------------------------------- optimizers

OPTIMIZER_CASES = [
    ("sgd", lambda p: torch.optim.SGD(p, lr=0.1), None),
    ("sgd_momentum", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9), None),
    ("sgd_nesterov_weight_decay", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9, nesterov=True, weight_decay=0.01), None),
    ("sgd_dampening_weight_decay", lambda p: torch.optim.SGD(p, lr=0.05, momentum=0.8, dampening=0.3, weight_decay=0.05), None),
    ("sgd_momentum_clipped", lambda p: torch.optim.SGD(p, lr=0.1, momentum=0.9), 0.1),
    ("adam", lambda p: torch.optim.Adam(p, lr=0.01), None),
    ("adam_weight_decay", lambda p: torch.optim.Adam(p, lr=0.02, betas=(0.8, 0.99), eps=1e-6, weight_decay=0.1), None),
    ("adamw", lambda p: torch.optim.AdamW(p, lr=0.01), None),
    ("adamw_custom", lambda p: torch.optim.AdamW(p, lr=0.02, betas=(0.85, 0.995), eps=1e-7, weight_decay=0.2), None),
]


def mlp():
    return nn.Sequential(nn.Linear(4, 3), nn.Tanh(), nn.Linear(3, 2))


def optimizers():
    tensors = {}
    torch.manual_seed(21)
    initial = mlp().state_dict()
    x, y = torch.randn(5, 4), torch.randn(5, 2)
    for key, value in initial.items():
        tensors["initial/" + key] = value.clone()
    tensors["x"], tensors["y"] = x, y
    for name, factory, max_norm in OPTIMIZER_CASES:
        model = mlp()
        model.load_state_dict(initial)
        optimizer = factory(list(model.parameters()))
        for step in range(1, 6):
            optimizer.zero_grad()
            F.mse_loss(model(x), y).backward()
            if max_norm is not None:
                tensors["%s/step%d/total_norm" % (name, step)] = nn.utils.clip_grad_norm_(model.parameters(), max_norm)
            optimizer.step()
            for key, value in model.state_dict().items():
                tensors["%s/step%d/%s" % (name, step, key)] = value.clone()
        for index, state in optimizer.state_dict()["state"].items():
            for key, value in state.items():
                if value is None:    # SGD without momentum keeps momentum_buffer = None
                    continue
                tensors["%s/state/%d/%s" % (name, index, key)] = torch.as_tensor(value, dtype=torch.float64).clone()
    save("optimizers", tensors)


# ---------------------------------------------------------------------------------------------- schedules

def schedules():
    tensors = {}
    cases = [("step_lr", 0.1, lambda o: torch.optim.lr_scheduler.StepLR(o, step_size=3, gamma=0.5)),
             ("cosine_annealing", 0.1, lambda o: torch.optim.lr_scheduler.CosineAnnealingLR(o, T_max=5, eta_min=0.001))]
    for name, base, factory in cases:
        optimizer = torch.optim.SGD([torch.zeros(1, requires_grad=True)], lr=base)
        schedule = factory(optimizer)
        rates = []
        for epoch in range(13):
            rates.append(optimizer.param_groups[0]["lr"])
            optimizer.step()
            schedule.step()
        tensors[name + "/rates"] = torch.tensor(rates)
    save("schedules", tensors)


# ---------------------------------------------------------------------------------------------- erf

def erf():
    xs = [i / 100 for i in range(-800, 801)] + [9.0, 10.0, 12.5, 15.0, 20.0, 25.0, 26.0]
    save("erf", {"x": torch.tensor(xs), "erf": torch.tensor([math.erf(x) for x in xs]),
                 "erfc": torch.tensor([math.erfc(x) for x in xs])})


# ---------------------------------------------------------------------------------------------- second order

def second_order_cases():
    labels = torch.tensor([2, 0, 1, 2, 1, 0])
    mlp = lambda: nn.Sequential(nn.Linear(4, 5), nn.Tanh(), nn.Linear(5, 3))
    conv = lambda: nn.Sequential(nn.Conv2d(2, 3, 3, padding=1), nn.Tanh(), nn.Flatten(), nn.Linear(3 * 4 * 4, 2))
    identity = lambda: nn.Identity()
    # name, module factory, input shape and scale, target (or None), head applied to the module's output
    return [
        ("gelu", lambda: nn.GELU(), (4, 5), 2, None, lambda y, t: y),
        ("gelu_tanh", gelu_tanh, (4, 5), 2, None, lambda y, t: y),
        ("layer_norm", lambda: randomize_affine(nn.LayerNorm((2, 3))), (4, 2, 3), 1, None, lambda y, t: y),
        ("batch_norm_1d_train", lambda: randomize_batch_norm(nn.BatchNorm1d(3)), (6, 3), 1, None, lambda y, t: y),
        ("batch_norm_2d_train", lambda: randomize_batch_norm(nn.BatchNorm2d(2)), (3, 2, 3, 3), 1, None,
         lambda y, t: y),
        ("mlp", mlp, (6, 4), 1, None, lambda y, t: y),
        ("conv_tanh_linear", conv, (2, 2, 4, 4), 1, None, lambda y, t: y),
        ("mlp_cross_entropy", mlp, (6, 4), 1, labels, lambda y, t: F.cross_entropy(y, t)),
        ("mlp_mse_sum", mlp, (6, 4), 1, torch.randn(6, 3), lambda y, t: F.mse_loss(y, t, reduction="sum")),
        ("cross_entropy_probabilities_smoothing", identity, (6, 3), 2, torch.randn(6, 3).softmax(1),
         lambda y, t: F.cross_entropy(y, t, label_smoothing=0.2)),
        ("nll_none", identity, (6, 3), 1, labels, lambda y, t: F.nll_loss(y.log_softmax(1), t, reduction="none")),
        ("bce_logits_mean", identity, (3, 4), 2, torch.rand(3, 4),
         lambda y, t: F.binary_cross_entropy_with_logits(y, t)),
        ("smooth_l1_none", identity, (3, 4), 1, torch.randn(3, 4),
         lambda y, t: F.smooth_l1_loss(y, t, beta=0.7, reduction="none")),
    ]


def second_order():
    tensors = {}
    for index, (name, factory, shape, scale, target, head) in enumerate(second_order_cases()):
        torch.manual_seed(2000 + index)
        module = factory()
        for key, value in module.state_dict().items():
            tensors["%s/state/%s" % (name, key)] = value.clone()
        x = torch.randn(shape) * scale
        output = head(module(x), target)
        upstream = torch.randn(output.shape)
        names = ["input"] + [key for key, _ in module.named_parameters()]
        directions = [torch.randn(x.shape)] + [torch.randn(p.shape) for p in module.parameters()]
        if target is not None:
            tensors[name + "/target"] = target.double()
        # float64, then float32 from the same values rounded (stored widened to F64, exactly)
        for prefix, dtype in [(name + "/", torch.float64), (name + "/float32/", torch.float32)]:
            model = copy.deepcopy(module).to(dtype)
            point = x.to(dtype).requires_grad_(True)
            cast_target = target.to(dtype) if target is not None and target.is_floating_point() else target
            output = head(model(point), cast_target)
            leaves = [point] + list(model.parameters())
            grads = torch.autograd.grad(output, leaves, upstream.to(dtype), create_graph=True)
            # a gradient with no graph (a bias feeding the output linearly) has a zero derivative; PyTorch refuses it
            live = [(g, d.to(dtype)) for g, d in zip(grads, directions) if g.requires_grad]
            hvps = torch.autograd.grad([g for g, _ in live], leaves, [d for _, d in live], allow_unused=True)
            if dtype == torch.float64:
                tensors[name + "/input"] = x
                tensors[name + "/upstream"] = upstream
            tensors[prefix + "output"] = output.detach()
            for key, leaf, grad, direction, hvp in zip(names, leaves, grads, directions, hvps):
                tensors["%sgrad/%s" % (prefix, key)] = grad.detach()
                if dtype == torch.float64:
                    tensors["%sdirection/%s" % (prefix, key)] = direction
                tensors["%shvp/%s" % (prefix, key)] = torch.zeros_like(leaf) if hvp is None else hvp
    save("second_order", tensors)


if __name__ == "__main__":
    layers()
    batchnorm()
    losses()
    optimizers()
    schedules()
    erf()
    second_order()
