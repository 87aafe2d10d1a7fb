#!/usr/bin/python3
"""Writes the golden fixtures of the regularizer module from the PyTorch formulation.

Run with the system Python that has PyTorch 1.13 (float64):

    /usr/bin/python3 scripts/golden/regularizer_goldens.py

Output: regularizer/src/test/resources/golden/regularizer.safetensors (F64 only). The script is
deterministic (fixed seed), so rerunning it changes nothing unless the script changed. There is no
Python safetensors package here, so the file is laid out by hand: an 8-byte little-endian header
length, the JSON header padded with spaces to a multiple of 8 bytes, then raw little-endian F64.

Contents, by name prefix:

* ``<distance>.*`` for every distance (L1, L2, LINF, lp3, lp1_5, cross_entropy,
  cross_entropy_logits, kl_logits, kl): an MLP Linear(4, 5) - tanh - Linear(5, 3) (then softmax for
  cross_entropy and kl) with weights ``model.<state-dict name>``, inputs ``inputs`` (6, 4), three pairs
  (0: v -> v m_out^T and v -> v m_in^T; 1: identity and roll(v, 1, 1); 2: flip(., 1) on both, with
  an epsilon so large that the hinge is off), their ``epsilon`` and ``lambda`` (3,), the summed
  ``penalty`` and ``grad.<state-dict name>`` of every parameter.
* ``kl_logits.direct.*``, ``kl.direct.*``: KL(a || b) per sample of (5, 2, 4) outputs (logits, or
  softmax probabilities for kl) via ``F.kl_div(log q, log p, log_target=True)`` summed per sample,
  and the gradients of ``sum(distance * weights)`` for both arguments.
* ``conv.*``: a conv net (1 -> 2 -> 1 channels, 3x3, padding 1, tanh between) on (3, 1, 6, 6) images
  with pairs (rot90, rot90), (rotate 0.3 rad zeros, same), (rotate -0.7 rad border, same),
  (scale 1.2 zeros, same), L2 distance, epsilon 0, lambdas ``lambda`` (4,).
* ``<transform>.*``: ``x`` (2, 3, 7, 5) non-square images, ``out`` = transform(x), ``upstream`` and
  ``grad`` = d sum(out * upstream) / dx, for the bilinear warps (rotations, scalings, an affine map,
  via affine_grid + grid_sample, align_corners=False), a Gaussian blur and a 2x downsampling.

Second order, in regularizer/src/test/resources/golden/second_order.safetensors (written after the
first file, from a seed of its own, so the first file is unchanged):

* ``warp.<transform>.*``: f(x, w, b) = tanh(transform(conv2d(x, w, b, padding=1))) on (2, 2, 7, 5)
  images, for the five bilinear warps (and the Gaussian blur): ``input0..2``, ``output``, ``upstream``,
  ``grad0..2`` (create_graph=True), ``direction0..2`` and ``hvp0..2`` = d <grads, directions> / d input_k.
  PyTorch 1.13 cannot differentiate grid_sample twice, so the warps are applied as explicit
  interpolation matrices built from the library's convention (AffineWarp: out(p) = in(A^-1 (p - t)),
  pixels about the centre, x right, y up, bilinear between pixel centres, zero or border padding);
  the script first asserts that each matrix reproduces grid_sample's values and gradients.
  ``warp32.<transform>.*``: the same in float32 (inputs rounded to float32; stored as F64, exactly).
* ``penalty.*``: the conv-net penalty of ``conv.*`` above with its four pairs, the warps as
  matrices: ``model.<key>``, ``inputs``, ``lambda``, ``value``, ``grad.<key>``, ``direction.<key>`` and
  ``hvp.<key>``, the Hessian-vector product of the penalty with respect to the weights.
* ``input_gradient_penalty.*``: for the same model, pairs and inputs x and a ``target``,
  L(x) = mse(model(x), target) + penalty(x) and R = |dL/dx|^2 (dL/dx with create_graph=True):
  ``value`` = R and ``grad.<key>`` = dR/dw for every weight.

The regularizer's formulation (DESIGN.md): for each pair,
error = mean_i |flatten(f_out(model(v_i)) - model(f_in(v_i)))|_p (log-probabilities first for the
cross entropies) and penalty = lambda * relu(error - epsilon); the result is the sum over pairs.
"""

import math
import os

import torch
import torch.nn.functional as F

import f64_safetensors

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "regularizer", "src", "test",
                   "resources", "golden", "regularizer.safetensors")

torch.manual_seed(20240611)
torch.set_default_dtype(torch.float64)

tensors = {}


def put(name, tensor):
    tensors[name] = tensor.detach().to(torch.float64).contiguous()


def write(path):
    f64_safetensors.write(path, tensors)


# ---------------------------------------------------------------- the distances

def log_probabilities(x, kind):
    if kind == "cross_entropy_logits":
        return F.log_softmax(x, dim=-1)
    if kind == "cross_entropy":
        return torch.log(x)  # the Java guard clamps at 2^-1022; these probabilities are far above it
    return x


def per_sample_distance(a, b, kind, p):
    if kind in ("kl", "kl_logits"):
        # KL(a || b) per sample; F.kl_div takes (log q, log p) and computes p (log p - log q)
        log_p = F.log_softmax(a, dim=-1) if kind == "kl_logits" else torch.log(a)
        log_q = F.log_softmax(b, dim=-1) if kind == "kl_logits" else torch.log(b)
        return F.kl_div(log_q, log_p, log_target=True, reduction="none").reshape(a.shape[0], -1).sum(1)
    a, b = log_probabilities(a, kind), log_probabilities(b, kind)
    difference = (a - b).reshape(a.shape[0], -1)
    return torch.linalg.vector_norm(difference, ord=p, dim=1)


def penalty(model, pairs, inputs, kind, p):
    total = 0
    model_of_v = model(inputs)
    for f_out, f_in, epsilon, lam in pairs:
        error = per_sample_distance(f_out(model_of_v), model(f_in(inputs)), kind, p).mean()
        total = total + lam * F.relu(error - epsilon)
    return total


DISTANCES = [("L1", 1.0), ("L2", 2.0), ("LINF", math.inf), ("lp3", 3.0), ("lp1_5", 1.5),
             ("cross_entropy", 2.0), ("cross_entropy_logits", 2.0)]
# generated after every other case, so adding them left the earlier fixtures' random draws unchanged
KL_DISTANCES = [("kl_logits", None), ("kl", None)]


def distance_case(name, p):
    layers = [torch.nn.Linear(4, 5), torch.nn.Tanh(), torch.nn.Linear(5, 3)]
    if name in ("cross_entropy", "kl"):
        layers.append(torch.nn.Softmax(dim=-1))
    model = torch.nn.Sequential(*layers).double()
    inputs = torch.rand(6, 4)
    if name in ("cross_entropy", "kl"):
        m_out = torch.tensor([[0.0, 1.0, 0.0], [0.0, 0.0, 1.0], [1.0, 0.0, 0.0]])  # keeps probabilities positive
    else:
        m_out = torch.randn(3, 3)
    m_in = torch.randn(4, 4)
    epsilon = torch.tensor([0.05, 0.0, 1000.0])
    lam = torch.tensor([0.7, 1.3, 2.0])
    pairs = [(lambda y: y @ m_out.T, lambda v: v @ m_in.T, epsilon[0], lam[0]),
             (lambda y: y, lambda v: torch.roll(v, 1, 1), epsilon[1], lam[1]),
             (lambda y: torch.flip(y, [1]), lambda v: torch.flip(v, [1]), epsilon[2], lam[2])]
    result = penalty(model, pairs, inputs, name, p)
    result.backward()
    for key, value in model.state_dict().items():
        put("%s.model.%s" % (name, key), value)
    for key, parameter in model.named_parameters():
        put("%s.grad.%s" % (name, key), parameter.grad)
    put(name + ".inputs", inputs)
    put(name + ".m_out", m_out)
    put(name + ".m_in", m_in)
    put(name + ".epsilon", epsilon)
    put(name + ".lambda", lam)
    put(name + ".penalty", result.reshape(()))


def kl_direct_case(name):
    """The per-sample distance alone on (5, 2, 4) outputs, and its gradients for both arguments."""
    a = torch.randn(5, 2, 4, dtype=torch.float64)
    b = torch.randn(5, 2, 4, dtype=torch.float64)
    if name == "kl":
        a, b = F.softmax(a, dim=-1), F.softmax(b, dim=-1)
    a.requires_grad_(True)
    b.requires_grad_(True)
    d = per_sample_distance(a, b, name, None)
    weights = torch.arange(1, 6, dtype=torch.float64)
    (d * weights).sum().backward()
    put(name + ".direct.a", a.detach())
    put(name + ".direct.b", b.detach())
    put(name + ".direct.distance", d.detach())
    put(name + ".direct.weights", weights)
    put(name + ".direct.grad_a", a.grad)
    put(name + ".direct.grad_b", b.grad)


# ---------------------------------------------------------------- the bilinear warps

def affine_theta(matrix, translation, height, width):
    """theta of affine_grid for out(p) = in(A^-1 (p - t)), p in pixels about the centre, x right, y up."""
    inverse = torch.linalg.inv(matrix)
    flip_y = torch.diag(torch.tensor([1.0, -1.0]))
    to_normalised = torch.diag(torch.tensor([2.0 / width, 2.0 / height]))
    linear = to_normalised @ flip_y @ inverse @ flip_y @ torch.linalg.inv(to_normalised)
    offset = -(to_normalised @ flip_y @ inverse @ translation)
    return torch.cat([linear, offset.reshape(2, 1)], dim=1)


def warp(x, matrix, translation, padding):
    n, c, h, w = x.shape
    theta = affine_theta(matrix, translation, h, w).unsqueeze(0).expand(n, 2, 3)
    grid = F.affine_grid(theta, list(x.shape), align_corners=False)
    return F.grid_sample(x, grid, mode="bilinear", padding_mode=padding, align_corners=False)


def rotation(radians):
    return torch.tensor([[math.cos(radians), -math.sin(radians)], [math.sin(radians), math.cos(radians)]])


def scaling(factor):
    return torch.tensor([[factor, 0.0], [0.0, factor]])


ZERO = torch.zeros(2)
WARPS = {
    "rotate_0.4_zeros": lambda x: warp(x, rotation(0.4), ZERO, "zeros"),
    "rotate_-1.1_border": lambda x: warp(x, rotation(-1.1), ZERO, "border"),
    "scale_1.3_zeros": lambda x: warp(x, scaling(1.3), ZERO, "zeros"),
    "scale_0.7_border": lambda x: warp(x, scaling(0.7), ZERO, "border"),
    "affine_zeros": lambda x: warp(x, torch.tensor([[1.1, 0.3], [-0.2, 0.9]]), torch.tensor([0.8, -1.3]), "zeros"),
}


def gaussian_kernel(sigma, radius):
    xs = torch.arange(-radius, radius + 1, dtype=torch.float64)
    kernel = torch.exp(-xs * xs / (2 * sigma * sigma))
    return kernel / kernel.sum()


def blur(x):
    kernel = gaussian_kernel(0.8, 2)
    weight = torch.outer(kernel, kernel).reshape(1, 1, 5, 5).repeat(x.shape[1], 1, 1, 1).to(x.dtype)
    return F.conv2d(x, weight, padding=2, groups=x.shape[1])


def transform_case(name, function, shape):
    x = torch.rand(*shape, requires_grad=True)
    out = function(x)
    upstream = torch.randn(out.shape)
    (out * upstream).sum().backward()
    put(name + ".x", x)
    put(name + ".out", out)
    put(name + ".upstream", upstream)
    put(name + ".grad", x.grad)


# ---------------------------------------------------------------- the image model

def conv_case():
    model = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3, padding=1), torch.nn.Tanh(),
                                torch.nn.Conv2d(2, 1, 3, padding=1)).double()
    inputs = torch.rand(3, 1, 6, 6)
    lam = torch.tensor([1.0, 0.5, 2.0, 0.8])
    zero = torch.zeros(2)
    transforms = [lambda x: torch.rot90(x, 1, (-2, -1)),
                  lambda x: warp(x, rotation(0.3), zero, "zeros"),
                  lambda x: warp(x, rotation(-0.7), zero, "border"),
                  lambda x: warp(x, scaling(1.2), zero, "zeros")]
    pairs = [(t, t, 0.0, lam[i]) for i, t in enumerate(transforms)]
    result = penalty(model, pairs, inputs, "L2", 2.0)
    result.backward()
    for key, value in model.state_dict().items():
        put("conv.model." + key, value)
    for key, parameter in model.named_parameters():
        put("conv.grad." + key, parameter.grad)
    put("conv.inputs", inputs)
    put("conv.lambda", lam)
    put("conv.penalty", result.reshape(()))


# ---------------------------------------------------------------- second order

SECOND_ORDER_OUT = os.path.join(os.path.dirname(OUT), "second_order.safetensors")


def warp_matrix(matrix, translation, height, width, padding):
    """The (height*width, height*width) bilinear interpolation matrix of AffineWarp's plan."""
    (a, b), (c, d) = matrix.tolist()
    determinant = a * d - b * c
    inverse = [d / determinant, -b / determinant, -c / determinant, a / determinant]
    centre_row, centre_column = (height - 1) / 2.0, (width - 1) / 2.0
    result = torch.zeros(height * width, height * width)
    for i in range(height):
        for j in range(width):
            x = j - centre_column - float(translation[0])
            y = centre_row - i - float(translation[1])
            row = centre_row - (inverse[2] * x + inverse[3] * y)
            column = centre_column + (inverse[0] * x + inverse[1] * y)
            if padding == "border":
                row = min(max(row, 0.0), height - 1.0)
                column = min(max(column, 0.0), width - 1.0)
            row0, column0 = math.floor(row), math.floor(column)
            fraction_row, fraction_column = row - row0, column - column0
            for r, q, weight in [(row0, column0, (1 - fraction_row) * (1 - fraction_column)),
                                 (row0, column0 + 1, (1 - fraction_row) * fraction_column),
                                 (row0 + 1, column0, fraction_row * (1 - fraction_column)),
                                 (row0 + 1, column0 + 1, fraction_row * fraction_column)]:
                if 0 <= r < height and 0 <= q < width:
                    result[i * width + j, r * width + q] += weight
    return result


def matrix_warp(matrix, translation, padding):
    """The warp as a matrix product, differentiable to any order; checked against grid_sample."""
    def apply(x):
        h, w = x.shape[-2:]
        m = warp_matrix(matrix, translation, h, w, padding).to(x.dtype)
        return (x.reshape(*x.shape[:-2], h * w) @ m.t()).reshape(x.shape)
    return apply


MATRIX_WARPS = {
    "rotate_0.4_zeros": matrix_warp(rotation(0.4), ZERO, "zeros"),
    "rotate_-1.1_border": matrix_warp(rotation(-1.1), ZERO, "border"),
    "scale_1.3_zeros": matrix_warp(scaling(1.3), ZERO, "zeros"),
    "scale_0.7_border": matrix_warp(scaling(0.7), ZERO, "border"),
    "affine_zeros": matrix_warp(torch.tensor([[1.1, 0.3], [-0.2, 0.9]]), torch.tensor([0.8, -1.3]), "zeros"),
}


def assert_matrices_match_grid_sample():
    for name, function in MATRIX_WARPS.items():
        for shape in [(2, 3, 7, 5), (3, 1, 6, 6)]:
            x = torch.rand(*shape, requires_grad=True)
            upstream = torch.randn(shape)
            by_matrix, by_grid = function(x), WARPS[name](x)
            assert torch.allclose(by_matrix, by_grid, rtol=0, atol=1e-12), name
            g_matrix, = torch.autograd.grad(by_matrix, x, upstream)
            g_grid, = torch.autograd.grad(by_grid, x, upstream)
            assert torch.allclose(g_matrix, g_grid, rtol=0, atol=1e-12), name


def second_order_warp_case(name, transform):
    x = torch.rand(2, 2, 7, 5)
    w = torch.randn(2, 2, 3, 3) * 0.4
    b = torch.randn(2) * 0.1
    upstream = torch.randn(2, 2, 7, 5)
    directions = [torch.randn(t.shape) for t in (x, w, b)]
    # float64, then float32 from the same values rounded (stored widened to F64, exact)
    for prefix, dtype in [("warp.", torch.float64), ("warp32.", torch.float32)]:
        inputs = [t.to(dtype).requires_grad_(True) for t in (x, w, b)]
        output = torch.tanh(transform(F.conv2d(inputs[0], inputs[1], inputs[2], padding=1)))
        grads = torch.autograd.grad(output, inputs, upstream.to(dtype), create_graph=True)
        hvps = torch.autograd.grad(grads, inputs, [d.to(dtype) for d in directions])
        prefix += name + "."
        put(prefix + "output", output)
        put(prefix + "upstream", upstream.to(dtype))
        for k in range(3):
            put(prefix + "input%d" % k, inputs[k])
            put(prefix + "grad%d" % k, grads[k])
            put(prefix + "direction%d" % k, directions[k].to(dtype))
            put(prefix + "hvp%d" % k, hvps[k])


def penalty_model_and_pairs():
    model = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3, padding=1), torch.nn.Tanh(),
                                torch.nn.Conv2d(2, 1, 3, padding=1)).double()
    lam = torch.tensor([1.0, 0.5, 2.0, 0.8])
    transforms = [lambda x: torch.rot90(x, 1, (-2, -1)),
                  matrix_warp(rotation(0.3), ZERO, "zeros"),
                  matrix_warp(rotation(-0.7), ZERO, "border"),
                  matrix_warp(scaling(1.2), ZERO, "zeros")]
    pairs = [(t, t, 0.0, lam[i]) for i, t in enumerate(transforms)]
    return model, pairs, lam


def second_order_penalty_cases():
    model, pairs, lam = penalty_model_and_pairs()
    inputs = torch.rand(3, 1, 6, 6)
    parameters = list(model.parameters())
    value = penalty(model, pairs, inputs, "L2", 2.0)
    grads = torch.autograd.grad(value, parameters, create_graph=True)
    directions = [torch.randn(p.shape) for p in parameters]
    hvps = torch.autograd.grad(grads, parameters, directions)
    for key, tensor in model.state_dict().items():
        put("penalty.model." + key, tensor)
    put("penalty.inputs", inputs)
    put("penalty.lambda", lam)
    put("penalty.value", value.reshape(()))
    for (key, _), grad, direction, hvp in zip(model.named_parameters(), grads, directions, hvps):
        put("penalty.grad." + key, grad)
        put("penalty.direction." + key, direction)
        put("penalty.hvp." + key, hvp)
    # an input-gradient penalty of the regularized loss, differentiated with respect to the weights
    x = inputs.clone().requires_grad_(True)
    target = torch.randn(3, 1, 6, 6)
    loss = F.mse_loss(model(x), target) + penalty(model, pairs, x, "L2", 2.0)
    gradient_of_x, = torch.autograd.grad(loss, x, create_graph=True)
    value = (gradient_of_x ** 2).sum()
    grads = torch.autograd.grad(value, parameters)
    put("input_gradient_penalty.target", target)
    put("input_gradient_penalty.value", value.reshape(()))
    for (key, _), grad in zip(model.named_parameters(), grads):
        put("input_gradient_penalty.grad." + key, grad)


def second_order():
    tensors.clear()
    torch.manual_seed(20261206)
    assert_matrices_match_grid_sample()
    for name, transform in MATRIX_WARPS.items():
        second_order_warp_case(name, transform)
    second_order_warp_case("gaussian_blur", blur)
    second_order_penalty_cases()
    write(SECOND_ORDER_OUT)
    print("wrote %d tensors to %s" % (len(tensors), os.path.normpath(SECOND_ORDER_OUT)))


def main():
    for name, p in DISTANCES:
        distance_case(name, p)
    for name, function in WARPS.items():
        transform_case(name, function, (2, 3, 7, 5))
    transform_case("gaussian_blur", blur, (2, 3, 7, 5))
    transform_case("downsample_2", lambda x: F.avg_pool2d(x, 2), (2, 3, 6, 8))
    conv_case()
    for name, p in KL_DISTANCES:
        distance_case(name, p)
        kl_direct_case(name)
    write(OUT)
    print("wrote %d tensors to %s" % (len(tensors), os.path.normpath(OUT)))
    second_order()


if __name__ == "__main__":
    main()
