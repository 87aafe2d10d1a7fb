#!/usr/bin/python3
"""PyTorch golden fixtures for equireg's core ops and a few models built from them.

Every case evaluates one expression in float64 PyTorch and writes one safetensors file,
core/src/test/resources/golden/<family>/<case>.safetensors, holding

    input0, input1, ...   the differentiable inputs
    index, mask           non-differentiable operands, as F64 (whole numbers, 0/1)
    output                the forward value
    upstream              a seeded random upstream gradient, shaped like output
    grad0, grad1, ...     the vector-Jacobian product upstream^T d output / d input_k

The family "hvp" holds second-order cases instead: for s = <upstream, output>, besides output,
upstream and grad<k> (computed with create_graph=True), a seeded direction<k> per input and
hvp<k> = d <grad, direction> / d input_k, the Hessian-vector product with respect to every input
(data and parameters); the third-order cases (third_*) add cotangent<k> and
third<k> = d <hvp, cotangent> / d input_k.

The Java tests (core/src/test/java/org/equireg/core/golden) build the same expression by
case name; integer parameters live there and here, side by side in the same order.
Inputs stay away from kinks and ties (relu at 0, clamp bounds, equal maxima), where the two
libraries may legitimately pick different subgradients.

Run with PyTorch 1.13 or later: /usr/bin/python3 scripts/golden/core_goldens.py
Each case is seeded by its name, so adding a case leaves every other fixture byte-identical.
"""

import collections
import json
import math
import pathlib
import struct
import sys
import zlib

import torch
import torch.nn.functional as F

ROOT = pathlib.Path(__file__).resolve().parents[2]
OUT = ROOT / "core" / "src" / "test" / "resources" / "golden"
OUT_FLOAT32 = ROOT / "core" / "src" / "test" / "resources" / "golden-float32"
FORMAT = "equireg core goldens v1"
FORMAT_FLOAT32 = "equireg core float32 goldens v1"

CASES = []
# Cases whose output holds infinities or NaN on purpose (a non-finite pixel); the others must be finite.
NON_FINITE = set()


Case = collections.namedtuple("Case", "family name fn inputs constants")


def case(family, name, fn, make_inputs, make_constants=lambda r: {}):
    """Registers output = fn(*inputs, **constants); both are drawn from a generator seeded by name."""
    r = Inputs(name)
    CASES.append(Case(family, name, fn, make_inputs(r), make_constants(r)))


# ---------------------------------------------------------------------------- inputs

class Inputs:
    """Seeded input factories; one generator per case, seeded by the case name."""

    def __init__(self, name):
        self.generator = torch.Generator().manual_seed(zlib.crc32(name.encode()))

    def normal(self, *shape, scale=1.0, shift=0.0):
        return torch.randn(shape, generator=self.generator, dtype=torch.float64) * scale + shift

    def uniform(self, *shape, low=0.0, high=1.0):
        return torch.rand(shape, generator=self.generator, dtype=torch.float64) * (high - low) + low

    def away(self, *shape, points=(0.0,), margin=0.1, scale=1.0):
        """Normal values at least `margin` away from each of `points` (kinks of the op)."""
        x = self.normal(*shape, scale=scale)
        for p in points:
            d = x - p
            x = torch.where(d.abs() < margin, x + torch.where(d >= 0, margin, -margin), x)
        for p in points:
            assert (x - p).abs().min() >= margin * 0.999, (shape, points)
        return x

    def positive(self, *shape, low=0.2, high=2.0):
        return self.uniform(*shape, low=low, high=high)

    def mask(self, *shape):
        return (self.uniform(*shape) < 0.5).to(torch.float64)

    def integers(self, high, *shape):
        return torch.randint(0, high, shape, generator=self.generator).to(torch.float64)


# ---------------------------------------------------------------------------- elementwise

def elementwise():
    f = "elementwise"
    case(f, "add_same", torch.add, lambda r: [r.normal(3, 4), r.normal(3, 4)])
    case(f, "add_broadcast", torch.add, lambda r: [r.normal(2, 3, 4), r.normal(3, 1)])
    case(f, "add_rank0", torch.add, lambda r: [r.normal(3, 4), r.normal()])
    case(f, "add_double", lambda x: x + 2.5, lambda r: [r.normal(3, 4)])
    case(f, "sub_broadcast", torch.sub, lambda r: [r.normal(4, 1), r.normal(3)])
    case(f, "sub_double", lambda x: x - 1.5, lambda r: [r.normal(2, 5)])
    case(f, "mul_broadcast", torch.mul, lambda r: [r.normal(2, 1, 4), r.normal(3, 1)])
    case(f, "mul_double", lambda x: x * -3.0, lambda r: [r.normal(2, 5)])
    case(f, "div_broadcast", torch.div, lambda r: [r.normal(3, 4), r.away(4, margin=0.3)])
    case(f, "div_rank0_numerator", torch.div, lambda r: [r.normal(), r.away(2, 3, margin=0.3)])
    case(f, "div_double", lambda x: x / 0.7, lambda r: [r.normal(2, 5)])
    case(f, "neg", torch.neg, lambda r: [r.normal(3, 4)])
    # Through float32 and back to the case's type: both casts round or widen, exact for PyTorch as for equireg.
    case(f, "cast_float32_roundtrip", lambda x: x.float().double().to(x.dtype), lambda r: [r.normal(3, 4)])
    for label, exponent, make in [
            ("pow_2", 2.0, lambda r: r.normal(3, 4)),
            ("pow_3", 3.0, lambda r: r.normal(3, 4)),
            ("pow_0", 0.0, lambda r: r.away(3, 4)),
            ("pow_neg1", -1.0, lambda r: r.away(3, 4, margin=0.3)),
            ("pow_0_5", 0.5, lambda r: r.positive(3, 4)),
            ("pow_1_7", 1.7, lambda r: r.positive(3, 4)),
            ("pow_neg1_5", -1.5, lambda r: r.positive(3, 4))]:
        case(f, label, lambda x, e=exponent: torch.pow(x, e), lambda r, make=make: [make(r)])
    case(f, "exp", torch.exp, lambda r: [r.normal(3, 4)])
    case(f, "log", torch.log, lambda r: [r.positive(3, 4, low=0.05, high=5.0)])
    case(f, "log1p", torch.log1p, lambda r: [torch.cat([r.uniform(8, low=-0.9, high=3.0), r.normal(4, scale=1e-9)])])
    case(f, "sqrt", torch.sqrt, lambda r: [r.positive(3, 4, low=0.05, high=5.0)])
    case(f, "abs", torch.abs, lambda r: [r.away(3, 4)])
    case(f, "tanh", torch.tanh, lambda r: [r.normal(3, 4, scale=2.0)])
    case(f, "sigmoid", torch.sigmoid, lambda r: [r.normal(3, 4, scale=3.0)])
    case(f, "relu", torch.relu, lambda r: [r.away(3, 4)])
    case(f, "leaky_relu_0_1", lambda x: F.leaky_relu(x, 0.1), lambda r: [r.away(3, 4)])
    case(f, "leaky_relu_0_01", lambda x: F.leaky_relu(x, 0.01), lambda r: [r.away(3, 4)])
    # Beyond PyTorch's threshold 20 softplus is the identity; scale 15 puts values on both sides.
    case(f, "softplus", F.softplus, lambda r: [r.away(4, 4, points=(-20.0, 20.0), scale=15.0)])
    case(f, "clamp", lambda x: torch.clamp(x, -0.5, 0.7), lambda r: [r.away(3, 4, points=(-0.5, 0.7), margin=0.05)])
    case(f, "clamp_max_only", lambda x: torch.clamp(x, max=0.3), lambda r: [r.away(3, 4, points=(0.3,), margin=0.05)])
    case(f, "maximum_broadcast", torch.maximum, lambda r: [r.normal(3, 4), r.normal(4)])
    case(f, "minimum_broadcast", torch.minimum, lambda r: [r.normal(2, 3), r.normal(2, 1)])
    where = lambda a, b, mask: torch.where(mask != 0, a, b)
    case(f, "where", where, lambda r: [r.normal(3, 4), r.normal(3, 4)], lambda r: {"mask": r.mask(3, 4)})
    case(f, "where_broadcast", where, lambda r: [r.normal(3, 4), r.normal(4)], lambda r: {"mask": r.mask(3, 1)})


# ---------------------------------------------------------------------------- reductions

def reductions():
    f = "reduction"
    case(f, "sum_all", torch.sum, lambda r: [r.normal(3, 4)])
    case(f, "sum_axis0", lambda x: x.sum(0), lambda r: [r.normal(3, 4)])
    case(f, "sum_axis1_keep", lambda x: x.sum(1, keepdim=True), lambda r: [r.normal(2, 3, 4)])
    case(f, "sum_axis_neg1", lambda x: x.sum(-1), lambda r: [r.normal(2, 3, 4)])
    case(f, "sum_axis_size1", lambda x: x.sum(1), lambda r: [r.normal(3, 1, 2)])
    case(f, "sum_rank0", torch.sum, lambda r: [r.normal()])
    case(f, "mean_all", torch.mean, lambda r: [r.normal(3, 4)])
    case(f, "mean_axis1", lambda x: x.mean(1), lambda r: [r.normal(2, 3, 4)])
    case(f, "mean_axis0_keep", lambda x: x.mean(0, keepdim=True), lambda r: [r.normal(3, 4)])
    case(f, "max_all", torch.amax, lambda r: [r.normal(3, 4)])
    case(f, "max_axis1", lambda x: x.amax(1), lambda r: [r.normal(2, 3, 4)])
    case(f, "max_axis0_keep", lambda x: x.amax(0, keepdim=True), lambda r: [r.normal(3, 4)])
    case(f, "min_all", torch.amin, lambda r: [r.normal(3, 4)])
    case(f, "min_axis1", lambda x: x.amin(1), lambda r: [r.normal(3, 4)])
    case(f, "min_axis_neg1_keep", lambda x: x.amin(-1, keepdim=True), lambda r: [r.normal(2, 3, 4)])
    case(f, "logsumexp_axis1", lambda x: torch.logsumexp(x, 1), lambda r: [r.normal(3, 4, scale=2.0)])
    case(f, "logsumexp_axis0_keep", lambda x: torch.logsumexp(x, 0, keepdim=True), lambda r: [r.normal(2, 3, 4)])
    # exp(1000) overflows: only the max-shifted form is finite.
    case(f, "logsumexp_large", lambda x: torch.logsumexp(x, -1), lambda r: [r.normal(3, 4, shift=1000.0)])
    for p, label in [(1.0, "1"), (2.0, "2"), (3.0, "3"), (1.5, "1_5"), (math.inf, "inf")]:
        name = "norm_p" + label + "_all"
        case(f, name, lambda x, p=p: torch.linalg.vector_norm(x, p), lambda r: [r.away(3, 4)])
    for p, label, axis, keep in [(1.0, "1", 0, False), (2.0, "2", 1, True), (3.0, "3", -1, False),
                                 (1.5, "1_5", 1, False), (math.inf, "inf", 0, True)]:
        name = "norm_p" + label + "_axis" + str(axis).replace("-", "_neg") + ("_keep" if keep else "")
        case(f, name, lambda x, p=p, axis=axis, keep=keep: torch.linalg.vector_norm(x, p, dim=axis, keepdim=keep),
             lambda r: [r.away(2, 3, 4)])
    case(f, "softmax_axis0", lambda x: torch.softmax(x, 0), lambda r: [r.normal(3, 4)])
    case(f, "softmax_axis1", lambda x: torch.softmax(x, 1), lambda r: [r.normal(2, 3, 4)])
    case(f, "softmax_axis_neg1", lambda x: torch.softmax(x, -1), lambda r: [r.normal(2, 3, 4, scale=3.0)])
    case(f, "softmax_axis_size1", lambda x: torch.softmax(x, 1), lambda r: [r.normal(3, 1)])
    case(f, "log_softmax_axis0", lambda x: torch.log_softmax(x, 0), lambda r: [r.normal(3, 4)])
    case(f, "log_softmax_axis_neg1", lambda x: torch.log_softmax(x, -1), lambda r: [r.normal(2, 3, 4, scale=3.0)])
    case(f, "log_softmax_large", lambda x: torch.log_softmax(x, 1), lambda r: [r.normal(3, 4, scale=300.0)])
    # A 0-d tensor has one position, which dim 0 and dim -1 both name; the result is 0-d, keepdim or not.
    scalar = lambda r: [r.normal()]
    case(f, "sum_rank0_axis0", lambda x: x.sum(0), scalar)
    case(f, "sum_rank0_axis_neg1_keep", lambda x: x.sum(-1, keepdim=True), scalar)
    case(f, "mean_rank0_axis0", lambda x: x.mean(0), scalar)
    case(f, "max_rank0_axis0_keep", lambda x: x.amax(0, keepdim=True), scalar)
    case(f, "min_rank0_axis_neg1", lambda x: x.amin(-1), scalar)
    case(f, "logsumexp_rank0_axis0", lambda x: torch.logsumexp(x, 0), scalar)
    case(f, "norm_p2_rank0_axis0", lambda x: torch.linalg.vector_norm(x, 2, dim=0), lambda r: [r.away()])
    case(f, "norm_pinf_rank0_axis_neg1_keep", lambda x: torch.linalg.vector_norm(x, math.inf, dim=-1, keepdim=True),
         lambda r: [r.away()])
    case(f, "softmax_rank0", lambda x: torch.softmax(x, 0), scalar)
    case(f, "log_softmax_rank0", lambda x: torch.log_softmax(x, -1), scalar)
    case(f, "sum_to_leading_and_size1", lambda x: x.sum_to_size(4, 1), lambda r: [r.normal(2, 4, 3)])
    case(f, "sum_to_scalar", lambda x: x.sum_to_size(()), lambda r: [r.normal(2, 3)])
    case(f, "cumsum_axis0", lambda x: torch.cumsum(x, 0), lambda r: [r.normal(3, 4)])
    case(f, "cumsum_axis_neg1", lambda x: torch.cumsum(x, -1), lambda r: [r.normal(2, 3, 4)])
    # Rows of 27: longer than three 512-bit vectors, so the row additions run whole vectors and a tail.
    case(f, "cumsum_axis1_wide_rows", lambda x: torch.cumsum(x, 1), lambda r: [r.normal(1, 4, 27)])


# ---------------------------------------------------------------------------- matmul

def linear_algebra():
    f = "matmul"
    for name, left, right in [
            ("matmul_dot", (5,), (5,)),
            ("matmul_vec_mat", (4,), (4, 3)),
            ("matmul_mat_vec", (3, 4), (4,)),
            ("matmul_mat_mat", (3, 4), (4, 5)),
            ("matmul_outer", (3, 1), (1, 4)),
            ("matmul_batched", (2, 3, 4), (2, 4, 5)),
            ("matmul_batched_broadcast", (2, 1, 3, 4), (3, 4, 5)),
            ("matmul_batch_mat", (2, 3, 4), (4, 5)),
            ("matmul_mat_batch", (3, 4), (2, 4, 5)),
            ("matmul_batch_vec", (2, 3, 4), (4,)),
            ("matmul_vec_batch", (4,), (2, 4, 3)),
            # Odd sizes, so a blocked kernel meets partial blocks on every side.
            ("matmul_odd_sizes", (13, 37), (37, 11))]:
        case(f, name, torch.matmul, lambda r, left=left, right=right: [r.normal(*left), r.normal(*right)])
    # F.linear: input (..., in), weight (out, in), bias (out) or none; odd sizes meet partial blocks.
    for name, x, out, bias in [
            ("linear_bias", (5, 4), 3, True),
            ("linear_no_bias", (5, 4), 3, False),
            ("linear_vector", (4,), 3, True),
            ("linear_batch_3d", (2, 3, 4), 5, True),
            ("linear_odd_sizes", (13, 37), 11, True)]:
        inputs = (lambda r, x=x, out=out: [r.normal(*x), r.normal(out, x[-1]), r.normal(out)]) if bias else \
            (lambda r, x=x, out=out: [r.normal(*x), r.normal(out, x[-1])])
        case(f, name, F.linear, inputs)


# ---------------------------------------------------------------------------- shape and movement

def movement():
    f = "movement"
    case(f, "reshape_infer", lambda x: x.reshape(4, -1), lambda r: [r.normal(2, 3, 4)])
    case(f, "flatten_all", torch.flatten, lambda r: [r.normal(2, 3, 4)])
    case(f, "flatten_1_2", lambda x: torch.flatten(x, 1, 2), lambda r: [r.normal(2, 3, 4, 2)])
    case(f, "permute", lambda x: x.permute(2, 0, 1), lambda r: [r.normal(2, 3, 4)])
    case(f, "transpose_0_2", lambda x: x.transpose(0, 2), lambda r: [r.normal(2, 3, 4)])
    case(f, "transpose_matrix", lambda x: x.t(), lambda r: [r.normal(3, 5)])
    case(f, "squeeze_1", lambda x: x.squeeze(1), lambda r: [r.normal(3, 1, 4)])
    case(f, "squeeze_neg1", lambda x: x.squeeze(-1), lambda r: [r.normal(3, 4, 1)])
    case(f, "unsqueeze_1", lambda x: x.unsqueeze(1), lambda r: [r.normal(3, 4)])
    case(f, "unsqueeze_neg1", lambda x: x.unsqueeze(-1), lambda r: [r.normal(3, 4)])
    case(f, "broadcast_to_new_axes", lambda x: x.expand(2, 3, 4), lambda r: [r.normal(3, 1)])
    case(f, "broadcast_to_same_rank", lambda x: x.expand(3, 4), lambda r: [r.normal(1, 4)])
    case(f, "concat_axis0", lambda a, b, c: torch.cat([a, b, c], 0),
         lambda r: [r.normal(2, 3), r.normal(1, 3), r.normal(3, 3)])
    case(f, "concat_axis_neg1", lambda a, b: torch.cat([a, b], -1), lambda r: [r.normal(2, 1), r.normal(2, 4)])
    case(f, "concat_with_empty", lambda a, b: torch.cat([a, b], 0), lambda r: [r.normal(0, 3), r.normal(2, 3)])
    case(f, "stack_axis0", lambda a, b, c: torch.stack([a, b, c], 0),
         lambda r: [r.normal(2, 3), r.normal(2, 3), r.normal(2, 3)])
    case(f, "stack_axis_neg1", lambda a, b: torch.stack([a, b], -1), lambda r: [r.normal(2, 3), r.normal(2, 3)])
    case(f, "slice_step2", lambda x: x[1:7:2], lambda r: [r.normal(7, 3)])
    case(f, "slice_negative_bounds", lambda x: x[:, -5:-1], lambda r: [r.normal(3, 8)])
    case(f, "slice_clipped_step3", lambda x: x[:, :, 2:100:3], lambda r: [r.normal(2, 2, 9)])
    case(f, "index_select_repeats", lambda x: torch.index_select(x, 0, torch.tensor([3, 1, 1, 0])),
         lambda r: [r.normal(4, 3)])
    case(f, "index_select_axis1", lambda x: torch.index_select(x, 1, torch.tensor([4, 0, 4])),
         lambda r: [r.normal(2, 5, 3)])
    case(f, "gather_axis1", lambda x, index: torch.gather(x, 1, index.long()),
         lambda r: [r.normal(3, 4)], lambda r: {"index": r.integers(4, 3, 5)})
    case(f, "gather_axis0", lambda x, index: torch.gather(x, 0, index.long()),
         lambda r: [r.normal(4, 3)], lambda r: {"index": r.integers(4, 2, 3)})
    case(f, "pad_last_two", lambda x: F.pad(x, (1, 2, 0, 1)), lambda r: [r.normal(2, 3, 4)])
    case(f, "pad_value_and_crop", lambda x: F.pad(x, (-1, 2, 1, 0), value=0.5), lambda r: [r.normal(3, 5)])
    case(f, "roll_positive", lambda x: torch.roll(x, 2, 1), lambda r: [r.normal(3, 5)])
    case(f, "roll_negative", lambda x: torch.roll(x, -1, 0), lambda r: [r.normal(4, 3)])
    case(f, "roll_beyond_length", lambda x: torch.roll(x, 7, -1), lambda r: [r.normal(2, 3, 4)])
    case(f, "flip_axis0", lambda x: torch.flip(x, [0]), lambda r: [r.normal(3, 4)])
    case(f, "flip_axes0_2", lambda x: torch.flip(x, [0, 2]), lambda r: [r.normal(2, 3, 4)])
    case(f, "flip_rank0", lambda x: torch.flip(x, [0]), lambda r: [r.normal()])
    case(f, "squeeze_rank0", lambda x: x.squeeze(0), lambda r: [r.normal()])
    case(f, "transpose_rank0", lambda x: x.transpose(0, -1), lambda r: [r.normal()])
    case(f, "index_select_rank0", lambda x: torch.index_select(x, 0, torch.tensor([0])), lambda r: [r.normal()])
    case(f, "gather_rank0", lambda x, index: torch.gather(x, 0, index.long()),
         lambda r: [r.normal()], lambda r: {"index": torch.zeros((), dtype=torch.float64)})
    for name, k, axes in [("rot90_k1", 1, (1, 2)), ("rot90_k2", 2, (1, 2)), ("rot90_k3", 3, (1, 2)),
                          ("rot90_k4", 4, (1, 2)),
                          ("rot90_k_neg1", -1, (0, 2)), ("rot90_k1_axes_reversed", 1, (2, 1))]:
        case(f, name, lambda x, k=k, axes=axes: torch.rot90(x, k, axes), lambda r: [r.normal(2, 3, 4)])


# ---------------------------------------------------------------------------- convolution and pooling

def convolution():
    f = "convolution"
    for name, x, w, bias, stride, padding, dilation, groups in [
            ("conv2d_plain", (2, 3, 5, 5), (4, 3, 3, 3), False, 1, 0, 1, 1),
            ("conv2d_bias_stride2_pad1", (2, 3, 6, 5), (4, 3, 3, 3), True, 2, 1, 1, 1),
            ("conv2d_dilation2_pad2", (1, 2, 7, 7), (3, 2, 3, 3), True, 1, 2, 2, 1),
            ("conv2d_groups2_pad1", (2, 4, 5, 5), (6, 2, 3, 3), True, 1, 1, 1, 2),
            ("conv2d_depthwise_stride2", (1, 3, 5, 5), (3, 1, 3, 3), False, 2, 1, 1, 3),
            ("conv2d_rectangular_kernel", (1, 2, 5, 6), (2, 2, 2, 3), True, 1, 1, 1, 1),
            ("conv2d_1x1", (2, 3, 4, 4), (5, 3, 1, 1), True, 1, 0, 1, 1)]:
        case(f, name, lambda x, w, b=None, s=stride, p=padding, d=dilation, g=groups: F.conv2d(x, w, b, s, p, d, g),
             lambda r, x=x, w=w, bias=bias: [r.normal(*x), r.normal(*w)] + ([r.normal(w[0])] if bias else []))
    # An infinite or NaN pixel at the right edge, at stride 1 (the direct weight-gradient path):
    # only the taps that really meet it may be infinite or NaN in the weight gradient.
    for name, value, padding in [("conv2d_inf_pixel_right_edge", math.inf, 1),
                                 ("conv2d_nan_pixel_right_edge", math.nan, 0)]:
        NON_FINITE.add(name)
        case(f, name, lambda x, w, b, p=padding: F.conv2d(x, w, b, 1, p),
             lambda r, value=value: [with_pixel(r.normal(2, 2, 5, 6), (1, 1, 2, 5), value), r.normal(3, 2, 3, 3),
                                     r.normal(3)])
    for name, x, kernel, stride, padding in [
            ("k2", (2, 3, 6, 6), 2, 2, 0),
            ("k3_s2_p1", (1, 2, 7, 7), 3, 2, 1),
            ("k3_s1_p1", (1, 2, 5, 5), 3, 1, 1),
            ("k2_s1_rectangular", (1, 1, 5, 4), 2, 1, 0),
            ("k3_s2_floor", (1, 2, 8, 8), 3, 2, 0)]:
        case(f, "max_pool2d_" + name, lambda x, k=kernel, s=stride, p=padding: F.max_pool2d(x, k, s, p),
             lambda r, x=x: [r.normal(*x)])
        case(f, "avg_pool2d_" + name,
             lambda x, k=kernel, s=stride, p=padding: F.avg_pool2d(x, k, s, p, count_include_pad=True),
             lambda r, x=x: [r.normal(*x)])


# ---------------------------------------------------------------------------- models

def with_pixel(x, index, value):
    x[index] = value
    return x


def assert_clear(values, what, margin=1e-6):
    """Models compute their own intermediate values: check that none sits on a kink."""
    closest = values.detach().abs().min().item()
    assert closest > margin, "%s comes within %g of a kink" % (what, closest)


def mlp_log_probs(x, w1, b1, w2, b2):
    hidden = torch.tanh(x @ w1.t() + b1)
    return torch.log_softmax(hidden @ w2.t() + b2, 1)


def mlp_nll(x, w1, b1, w2, b2, index):
    return -torch.gather(mlp_log_probs(x, w1, b1, w2, b2), 1, index.long()).mean()


def cnn_logits(x, conv_weight, conv_bias, weight, bias):
    # Max pooling ties only among relu's zeros, whose gradient is zero whichever wins.
    convolved = F.conv2d(x, conv_weight, conv_bias, 1, 1)
    assert_clear(convolved, "relu input")
    features = F.max_pool2d(torch.relu(convolved), 2, 2, 0)
    return torch.flatten(features, 1, -1) @ weight.t() + bias


def small_net(x, w1, b1, w2, b2):
    # The outer tanh keeps b2 from cancelling in every difference below.
    return torch.tanh(F.conv2d(torch.tanh(F.conv2d(x, w1, b1, 1, 1)), w2, b2, 1, 1))


def per_sample_norm(difference, p):
    flat = torch.flatten(difference, 1, -1)
    if p == 1:
        assert_clear(flat, "an L1 difference")
    if p == math.inf:
        top = flat.abs().topk(2, dim=1).values
        assert_clear(top[:, 0] - top[:, 1], "the gap between the two largest L-inf differences")
    return torch.linalg.vector_norm(flat, p, dim=1)


def regularizer_terms(x, w1, b1, w2, b2):
    """Mean per-sample distances for three transform pairs, as the equivariance error computes them."""
    model = lambda v: small_net(v, w1, b1, w2, b2)
    y = model(x)
    rotation = per_sample_norm(torch.rot90(y, 1, (2, 3)) - model(torch.rot90(x, 1, (2, 3))), 2.0).mean()
    shift = per_sample_norm(torch.roll(y, 1, 3) - model(torch.roll(x, 1, 3)), 1.0).mean()
    mirror = per_sample_norm(torch.log_softmax(torch.flip(y, [3]), -1)
                             - torch.log_softmax(model(torch.flip(x, [3])), -1), math.inf).mean()
    return rotation, shift, mirror


# epsilon and lambda per pair; each epsilon sits well below its error so relu(error - epsilon) is smooth.
REGULARIZER_PAIRS = [(0.5, 0.7), (1.0, 0.2), (0.1, 1.3)]


def regularizer_penalty(x, w1, b1, w2, b2):
    total = 0
    for error, (epsilon, weight) in zip(regularizer_terms(x, w1, b1, w2, b2), REGULARIZER_PAIRS):
        assert error.item() - epsilon > 0.05, (error.item(), epsilon)
        total = total + weight * torch.relu(error - epsilon)
    return total


def models():
    f = "model"
    # (batch 6, features 5) -> tanh hidden 8 -> 3 classes
    mlp = lambda r: [r.normal(6, 5), r.normal(8, 5, scale=0.5), r.normal(8), r.normal(3, 8, scale=0.5), r.normal(3)]
    case(f, "mlp_log_probs", mlp_log_probs, mlp)
    case(f, "mlp_nll", mlp_nll, mlp, lambda r: {"index": r.integers(3, 6, 1)})
    # (batch 2, 1, 6, 6) -> conv 3x3 pad 1 to 3 channels -> relu -> max pool 2 -> (2, 27) -> 4 logits
    case(f, "cnn_logits", cnn_logits, lambda r: [r.normal(2, 1, 6, 6), r.normal(3, 1, 3, 3, scale=0.5),
                                                 r.normal(3, scale=0.1), r.normal(4, 27, scale=0.3), r.normal(4)])
    # (batch 3, 1, 5, 5) in the box [0, 1] -> conv 1->2, tanh, conv 2->1, tanh; both convs 3x3 pad 1
    case(f, "regularizer_penalty", regularizer_penalty,
         lambda r: [r.uniform(3, 1, 5, 5), r.normal(2, 1, 3, 3, scale=0.5), r.normal(2, scale=0.1),
                    r.normal(1, 2, 3, 3, scale=0.5), r.normal(1, scale=0.1)])



# ---------------------------------------------------------------------------- second order

HVP_FAMILY = "hvp"
HVP_CASES = []


def hvp_case(name, fn, make_inputs, make_constants=lambda r: {}, third=False):
    """Registers a second-order case: the Hessian-vector products of <upstream, fn(inputs)> with
    respect to every input (data and parameters alike), and with `third` a third-order product too."""
    r = Inputs(HVP_FAMILY + "/" + name)
    HVP_CASES.append(Case(HVP_FAMILY, name, (fn, third), make_inputs(r), make_constants(r)))


def cube(fn):
    """fn(...) ** 3: a linear op's Hessian is zero, so the linear ops are checked through a cube,
    whose Hessian-vector product J^T (6 u * Jx * Jv) runs the op, its derivative and the derivative's own rule."""
    return lambda *args, **kwargs: fn(*args, **kwargs) ** 3


def second_order():
    c = hvp_case
    where = lambda a, b, mask: torch.where(mask != 0, a * a, b ** 3)
    # elementwise; kinks and ties kept away as in the first-order cases
    c("add_broadcast", cube(torch.add), lambda r: [r.normal(3, 4), r.normal(4)])
    c("sub_broadcast", cube(torch.sub), lambda r: [r.normal(2, 3), r.normal(2, 1)])
    c("mul_broadcast", torch.mul, lambda r: [r.normal(3, 4), r.normal(3, 1)])
    c("mul_same", lambda x: x * x, lambda r: [r.normal(3, 4)])
    c("div_broadcast", torch.div, lambda r: [r.normal(3, 4), r.away(4, margin=0.5)])
    c("maximum", cube(torch.maximum), lambda r: [r.normal(3, 4), r.normal(3, 4)])
    c("minimum_broadcast", cube(torch.minimum), lambda r: [r.normal(3, 4), r.normal(4)])
    c("where", where, lambda r: [r.normal(3, 4), r.normal(3, 4)], lambda r: {"mask": r.mask(3, 4)})
    c("neg", cube(torch.neg), lambda r: [r.normal(3, 4)])
    c("exp", torch.exp, lambda r: [r.normal(3, 4)])
    c("log", torch.log, lambda r: [r.positive(3, 4, low=0.3, high=3.0)])
    c("log1p", torch.log1p, lambda r: [r.uniform(3, 4, low=-0.5, high=3.0)])
    c("sqrt", torch.sqrt, lambda r: [r.positive(3, 4, low=0.3, high=3.0)])
    c("abs", cube(torch.abs), lambda r: [r.away(3, 4)])
    c("tanh", torch.tanh, lambda r: [r.normal(3, 4, scale=2.0)])
    c("sigmoid", torch.sigmoid, lambda r: [r.normal(3, 4, scale=3.0)])
    c("relu", cube(torch.relu), lambda r: [r.away(3, 4)])
    c("pow_3_5", lambda x: torch.pow(x, 3.5), lambda r: [r.positive(3, 4)])
    c("pow_neg1_5", lambda x: torch.pow(x, -1.5), lambda r: [r.positive(3, 4)])
    c("pow_2", lambda x: torch.pow(x, 2.0), lambda r: [r.normal(3, 4)])
    c("clamp", cube(lambda x: torch.clamp(x, -0.5, 0.7)), lambda r: [r.away(3, 4, points=(-0.5, 0.7), margin=0.05)])
    c("leaky_relu", cube(lambda x: F.leaky_relu(x, 0.1)), lambda r: [r.away(3, 4)])
    c("softplus", F.softplus, lambda r: [r.normal(3, 4, scale=3.0)])
    c("cast_float32_roundtrip", lambda x: x.float().double().to(x.dtype) * x, lambda r: [r.normal(3, 4)])
    # reductions and the normalisations built on them
    c("sum_axis1", cube(lambda x: x.sum(1)), lambda r: [r.normal(2, 3, 4)])
    c("mean_all", cube(torch.mean), lambda r: [r.normal(3, 4)])
    c("max_axis1", cube(lambda x: x.amax(1)), lambda r: [r.normal(2, 3, 4)])
    c("min_all", cube(torch.amin), lambda r: [r.normal(3, 4)])
    c("norm_p2_axis1", lambda x: torch.linalg.vector_norm(x, 2.0, dim=1), lambda r: [r.away(2, 3, 4)])
    c("norm_p3_all", lambda x: torch.linalg.vector_norm(x, 3.0), lambda r: [r.away(3, 4)])
    c("norm_p1_5_axis_neg1", lambda x: torch.linalg.vector_norm(x, 1.5, dim=-1), lambda r: [r.away(3, 4)])
    c("norm_p1_axis0", cube(lambda x: torch.linalg.vector_norm(x, 1.0, dim=0)), lambda r: [r.away(3, 4)])
    c("norm_pinf_axis1", cube(lambda x: torch.linalg.vector_norm(x, math.inf, dim=1)), lambda r: [r.away(3, 4)])
    c("logsumexp_axis1", lambda x: torch.logsumexp(x, 1), lambda r: [r.normal(3, 4, scale=2.0)])
    c("softmax_axis_neg1", lambda x: torch.softmax(x, -1), lambda r: [r.normal(2, 3, 4)])
    c("log_softmax_axis0", lambda x: torch.log_softmax(x, 0), lambda r: [r.normal(3, 4)])
    c("cumsum_axis1", cube(lambda x: torch.cumsum(x, 1)), lambda r: [r.normal(2, 5)])
    c("sum_to", cube(lambda x: x.sum_to_size(4, 1)), lambda r: [r.normal(2, 4, 3)])
    # movement
    c("reshape", cube(lambda x: x.reshape(4, -1)), lambda r: [r.normal(2, 3, 2)])
    c("permute", cube(lambda x: x.permute(2, 0, 1)), lambda r: [r.normal(2, 3, 4)])
    c("transpose", cube(lambda x: x.t()), lambda r: [r.normal(3, 4)])
    c("broadcast_to", cube(lambda x: x.expand(2, 3, 4)), lambda r: [r.normal(3, 1)])
    c("concat", cube(lambda a, b: torch.cat([a, b], -1)), lambda r: [r.normal(2, 1), r.normal(2, 3)])
    c("stack", cube(lambda a, b: torch.stack([a, b], 0)), lambda r: [r.normal(2, 3), r.normal(2, 3)])
    c("slice_step2", cube(lambda x: x[1:7:2]), lambda r: [r.normal(7, 3)])
    c("index_select_repeats", cube(lambda x: torch.index_select(x, 0, torch.tensor([3, 1, 1, 0]))),
      lambda r: [r.normal(4, 3)])
    c("gather_axis1", cube(lambda x, index: torch.gather(x, 1, index.long())), lambda r: [r.normal(3, 4)],
      lambda r: {"index": r.integers(4, 3, 5)})
    c("pad_value_and_crop", cube(lambda x: F.pad(x, (-1, 2, 1, 0), value=0.5)), lambda r: [r.normal(3, 5)])
    c("roll", cube(lambda x: torch.roll(x, 2, 1)), lambda r: [r.normal(3, 5)])
    c("flip", cube(lambda x: torch.flip(x, [0, 2])), lambda r: [r.normal(2, 3, 4)])
    c("rot90", cube(lambda x: torch.rot90(x, 1, (1, 2))), lambda r: [r.normal(2, 3, 4)])
    # matmul, linear, convolution and pooling: with respect to data and parameters
    c("matmul_mat_mat", torch.matmul, lambda r: [r.normal(3, 4), r.normal(4, 2)])
    c("matmul_batch_broadcast_tanh", lambda a, b: torch.tanh(torch.matmul(a, b)),
      lambda r: [r.normal(2, 1, 3, 4, scale=0.5), r.normal(2, 4, 2, scale=0.5)])
    c("linear_tanh", lambda x, w, b: torch.tanh(F.linear(x, w, b)),
      lambda r: [r.normal(3, 4), r.normal(5, 4, scale=0.5), r.normal(5)])
    for name, x, w, stride, padding, dilation, groups in [
            ("conv2d_stride2_pad1", (2, 3, 5, 5), (4, 3, 3, 3), 2, 1, 1, 1),
            ("conv2d_dilation2_pad2", (1, 2, 6, 6), (3, 2, 3, 3), 1, 2, 2, 1),
            ("conv2d_groups2", (1, 4, 5, 5), (4, 2, 3, 3), 1, 1, 1, 2)]:
        c(name + "_tanh", lambda x, w, b, s=stride, p=padding, d=dilation, g=groups:
          torch.tanh(F.conv2d(x, w, b, s, p, d, g)),
          lambda r, x=x, w=w: [r.normal(*x), r.normal(*w, scale=0.4), r.normal(w[0])])
    c("max_pool2d_k3_s2_p1", cube(lambda x: F.max_pool2d(x, 3, 2, 1)), lambda r: [r.normal(1, 2, 5, 5)])
    c("avg_pool2d_k3_s2_p1", cube(lambda x: F.avg_pool2d(x, 3, 2, 1, count_include_pad=True)),
      lambda r: [r.normal(1, 2, 5, 5)])
    # third order: the Hessian-vector product differentiated once more
    c("third_tanh", torch.tanh, lambda r: [r.normal(2, 3)], third=True)
    c("third_sigmoid_mul", lambda a, b: torch.sigmoid(a * b), lambda r: [r.normal(2, 3), r.normal(3)], third=True)
    c("third_conv2d_tanh", lambda x, w, b: torch.tanh(F.conv2d(x, w, b, 2, 1)),
      lambda r: [r.normal(1, 2, 4, 4), r.normal(2, 2, 3, 3, scale=0.4), r.normal(2)], third=True)
    c("third_max_pool2d", lambda x: F.max_pool2d(x, 2, 1, 0) ** 4, lambda r: [r.normal(1, 1, 3, 4)], third=True)
    c("third_log_softmax", lambda x: torch.log_softmax(x, -1), lambda r: [r.normal(2, 4)], third=True)


def vjp(outputs, inputs, seeds, create_graph):
    """sum_i seeds_i^T d outputs_i / d inputs, zeros where nothing depends on an input (outputs
    without a graph, a zero derivative, are dropped first, as PyTorch refuses them)."""
    live = [(o, s) for o, s in zip(outputs, seeds) if o.requires_grad]
    if not live:
        return [torch.zeros_like(t) for t in inputs]
    grads = torch.autograd.grad([o for o, _ in live], inputs, [s for _, s in live], allow_unused=True,
                                create_graph=create_graph)
    return [torch.zeros_like(t) if g is None else g for g, t in zip(grads, inputs)]


def evaluate_hvp(c, dtype=torch.float64):
    """The case's output, gradient, Hessian-vector product (and third-order product), in `dtype`."""
    fn, third = c.fn
    inputs = [t.to(dtype).clone().requires_grad_(True) for t in c.inputs]
    output = fn(*inputs, **c.constants)
    assert output.dtype == dtype and torch.isfinite(output).all(), c.name
    draw = lambda key, t: Inputs(c.family + "/" + c.name + "/" + key).normal(*t.shape).to(dtype)
    upstream = draw("upstream", output)
    grads = torch.autograd.grad(output, inputs, upstream, create_graph=True)
    directions = [draw("direction%d" % k, t) for k, t in enumerate(inputs)]
    hvps = vjp(grads, inputs, directions, third)
    assert any(h.abs().max().item() > 1e-8 for h in hvps if h.numel()), (c.name, "all-zero Hessian-vector product")
    tensors = {"input%d" % k: t.detach() for k, t in enumerate(inputs)}
    tensors.update(c.constants)
    tensors.update({"output": output, "upstream": upstream})
    for k in range(len(inputs)):
        tensors.update({"grad%d" % k: grads[k], "direction%d" % k: directions[k], "hvp%d" % k: hvps[k]})
    if third:
        cotangents = [draw("cotangent%d" % k, t) for k, t in enumerate(inputs)]
        thirds = vjp(hvps, inputs, cotangents, False)
        for k in range(len(inputs)):
            tensors.update({"cotangent%d" % k: cotangents[k], "third%d" % k: thirds[k]})
    return tensors


# ---------------------------------------------------------------------------- safetensors writing

def safetensors_bytes(tensors, metadata):
    """The safetensors layout: u64 LE header length, JSON header (space-padded to 8 bytes), LE data.
    float32 tensors are written as F32, everything else as F64."""
    header = {"__metadata__": metadata}
    chunks, offset = [], 0
    for name in sorted(tensors):
        single = tensors[name].dtype == torch.float32
        t = tensors[name].detach().contiguous().to(torch.float32 if single else torch.float64)
        data = t.numpy().astype("<f4" if single else "<f8").tobytes()
        header[name] = {"dtype": "F32" if single else "F64", "shape": list(t.shape),
                        "data_offsets": [offset, offset + len(data)]}
        chunks.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode()
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(chunks)


def evaluate(c, dtype=torch.float64):
    """The case in float64, or in float32 from the float64 inputs rounded (constants stay float64)."""
    inputs = [t.to(dtype).clone().requires_grad_(True) for t in c.inputs]
    output = c.fn(*inputs, **c.constants)
    assert output.dtype == dtype and (c.name in NON_FINITE or torch.isfinite(output).all()), c.name
    upstream = Inputs(c.name + "/upstream").normal(*output.shape).to(dtype)
    grads = torch.autograd.grad(output, inputs, upstream)
    for k, g in enumerate(grads):
        # A gradient of pure rounding noise (a term that cancels) would compare noise with noise.
        largest = g[torch.isfinite(g)].abs().max().item() if g.numel() else 0
        assert largest == 0 or largest > 1e-8, (c.name, k, largest)
    tensors = {"input%d" % k: t.detach() for k, t in enumerate(inputs)}
    tensors.update(c.constants)
    tensors.update({"output": output, "upstream": upstream})
    tensors.update({"grad%d" % k: g for k, g in enumerate(grads)})
    return tensors


def main():
    torch.use_deterministic_algorithms(True)
    torch.set_num_threads(1)
    for family in (elementwise, reductions, linear_algebra, movement, convolution, models):
        family()
    names = [c.name for c in CASES]
    assert len(names) == len(set(names)), "duplicate case names"
    total = 0
    for c in CASES:
        metadata = {"format": FORMAT, "family": c.family, "case": c.name, "torch": torch.__version__,
                    "generator": "scripts/golden/core_goldens.py"}
        blob = safetensors_bytes(evaluate(c), metadata)
        total += write(OUT / c.family / (c.name + ".safetensors"), blob)
        if c.family in FLOAT32_FAMILIES:
            metadata.update({"format": FORMAT_FLOAT32, "dtype": "float32"})
            blob = safetensors_bytes(evaluate(c, torch.float32), metadata)
            total += write(OUT_FLOAT32 / c.family / (c.name + ".safetensors"), blob)
    second_order()
    assert len({c.name for c in HVP_CASES}) == len(HVP_CASES), "duplicate second-order case names"
    for c in HVP_CASES:
        metadata = {"format": FORMAT, "family": c.family, "case": c.name, "torch": torch.__version__,
                    "generator": "scripts/golden/core_goldens.py"}
        total += write(OUT / c.family / (c.name + ".safetensors"), safetensors_bytes(evaluate_hvp(c), metadata))
        metadata.update({"format": FORMAT_FLOAT32, "dtype": "float32"})
        blob = safetensors_bytes(evaluate_hvp(c, torch.float32), metadata)
        total += write(OUT_FLOAT32 / c.family / (c.name + ".safetensors"), blob)
    print("wrote %d cases, %d bytes, under %s and %s" % (len(CASES) + len(HVP_CASES), total, OUT.relative_to(ROOT),
                                                       OUT_FLOAT32.relative_to(ROOT)), file=sys.stderr)


# The float32 goldens: the same cases computed by PyTorch in float32 (the models and every op family).
FLOAT32_FAMILIES = ("elementwise", "reduction", "matmul", "movement", "convolution", "model")


def write(path, blob):
    path.parent.mkdir(parents=True, exist_ok=True)
    temporary = path.with_suffix(".tmp")
    temporary.write_bytes(blob)
    temporary.replace(path)
    return len(blob)


if __name__ == "__main__":
    main()
