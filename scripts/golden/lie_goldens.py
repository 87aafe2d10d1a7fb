#!/usr/bin/python3
"""Writes the Lie derivative golden fixtures from an independent PyTorch formulation.

Run with the system Python that has PyTorch (float64):

    /usr/bin/python3 scripts/golden/lie_goldens.py

Output: regularizer/src/test/resources/golden/lie.safetensors (F64 only, a few kilobytes). The
script is deterministic (fixed seed). The safetensors file is laid out by hand as in
regularizer_goldens.py (no Python safetensors package here).

The warp is an explicit interpolation matrix M(t) of shape (H W, H W), built from the sample
positions of Transforms.rotate / Transforms.affine (pixels about the centre, x right, y up,
out(p) = in(A_t^-1 (p - b_t))), and differentiated in t by torch.autograd.functional.jvp. At t = 0
every sample point sits on a pixel centre where bilinear interpolation has a kink, and autograd
through the interpolation weights gives the derivative of whichever cell the weights were built
on: the cell [k, k + 1] gives the forward difference, the cell [k - 1, k] the backward one. The
golden tangent is their mean (the central derivative, the library's convention). Border padding
samples a copy of the image padded by one replicated pixel, which is what clamping the position
does within a pixel of the edge. Before anything is written the matrix warp is checked against
F.grid_sample with the affine_grid theta that the regularizer's goldens already match to the
Java warps, at finite t, so the convention is verified rather than assumed.

Contents:

* ``x`` (3, 1, 7, 6) images in [0, 1]; ``classifier.<state-dict name>``: Conv2d(1, 3, 3, padding 1)
  - Tanh - Conv2d(3, 2, 3, padding 1) - Tanh - Flatten - Linear(84, 4).
* ``classifier.rotation``, ``classifier.translation_x_border``, ``classifier.scale``: the invariance
  Lie derivatives d/dt model(T_t x) at t = 0, shape (3, 4) (rotation and scale with zero padding,
  translation by t pixels along x with border padding).
* ``image.<state-dict name>``: Conv2d(1, 2, 3, padding 1) - Tanh - Conv2d(2, 1, 3, padding 1);
  ``image.rotation``: the equivariance Lie derivative d/dt model(T_t x) - tangent(model(x)), (3, 1, 7, 6).
* ``tangent.rotation``, ``tangent.translation_x_border``, ``tangent.scale``: the tangents of x.
"""

import math
import os

import torch
import torch.nn.functional as F
from torch.autograd.functional import jvp

import f64_safetensors

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "regularizer", "src", "test",
                   "resources", "golden", "lie.safetensors")

torch.manual_seed(20261206)
torch.set_default_dtype(torch.float64)

tensors = {}


def put(name, tensor):
    tensors[name] = tensor.detach().to(torch.float64).contiguous()


def write(path):
    f64_safetensors.write(path, tensors)


# ---------------------------------------------------------------- the families (A_t, b_t) as functions of t

def rotation(t):
    c, s = torch.cos(t), torch.sin(t)
    return torch.stack([torch.stack([c, -s]), torch.stack([s, c])]), torch.zeros(2) * t


def scale(t):
    e = torch.exp(t)
    return torch.stack([torch.stack([e, 0 * e]), torch.stack([0 * e, e])]), torch.zeros(2) * t


def translation_x(t):
    one = torch.ones(()) + 0 * t
    return torch.stack([torch.stack([one, 0 * t]), torch.stack([0 * t, one])]), torch.stack([t, 0 * t])


# ---------------------------------------------------------------- the interpolation-matrix warp

def source_positions(family, t, height, width):
    """(row, column) each output pixel reads, as functions of t: the AffineWarp formula."""
    matrix, translation = family(t)
    inverse = torch.linalg.inv(matrix)
    rows = torch.arange(height, dtype=torch.float64).repeat_interleave(width)
    columns = torch.arange(width, dtype=torch.float64).repeat(height)
    centre_row, centre_column = (height - 1) / 2.0, (width - 1) / 2.0
    x = columns - centre_column - translation[0]
    y = centre_row - rows - translation[1]
    source_x = inverse[0, 0] * x + inverse[0, 1] * y
    source_y = inverse[1, 0] * x + inverse[1, 1] * y
    return centre_row - source_y, centre_column + source_x


def interpolation_matrix(row, column, height, width, cell_row, cell_column):
    """M (output pixels, input pixels) with out = M in (flattened planes): bilinear on the given cells,
    zero outside the input plane of height x width."""
    m = torch.zeros(row.shape[0], height * width) + 0 * row.sum()  # carries t's graph
    fraction_row = row - cell_row
    fraction_column = column - cell_column
    pixels = torch.arange(row.shape[0])
    for d_row, d_column, weight in ((0, 0, (1 - fraction_row) * (1 - fraction_column)),
                                    (0, 1, (1 - fraction_row) * fraction_column),
                                    (1, 0, fraction_row * (1 - fraction_column)),
                                    (1, 1, fraction_row * fraction_column)):
        r = cell_row.long() + d_row
        c = cell_column.long() + d_column
        inside = (r >= 0) & (r < height) & (c >= 0) & (c < width)
        m = m.index_put((pixels[inside], (r * width + c)[inside]), weight[inside], accumulate=True)
    return m


def matrix_warp(x, family, t, padding, side=None):
    """T_t x by the interpolation matrix. side None: cells from floor (any t); +1 / -1: the cells
    [k, k + 1] / [k - 1, k] of the pixel each point sits on at t = 0 (for the one-sided derivatives)."""
    n, channels, height, width = x.shape
    if padding == "border":  # one replicated pixel around, positions shifted into the padded image
        padded = F.pad(x, (1, 1, 1, 1), mode="replicate")
        row, column = source_positions(family, t, height, width)
        if side is None:  # finite t: clamping is border padding; near t = 0 the replicated pixel is the same
            row, column = row.clamp(0, height - 1), column.clamp(0, width - 1)
        row, column = row + 1, column + 1
        plane_height, plane_width = height + 2, width + 2
        planes = padded.reshape(n * channels, plane_height * plane_width)
    else:
        row, column = source_positions(family, t, height, width)
        plane_height, plane_width = height, width
        planes = x.reshape(n * channels, height * width)
    if side is None:
        cell_row, cell_column = torch.floor(row.detach()), torch.floor(column.detach())
    else:
        row0, column0 = source_positions(family, torch.zeros(()), height, width)
        offset = 1.0 if padding == "border" else 0.0
        cell_row = torch.round(row0) + offset - (0 if side > 0 else 1)
        cell_column = torch.round(column0) + offset - (0 if side > 0 else 1)
    m = interpolation_matrix(row, column, plane_height, plane_width, cell_row, cell_column)
    # m maps padded planes to the h x w output: rows index output pixels
    return (planes @ m.T).reshape(n, channels, height, width)


def central_derivative(function_of_t):
    """The mean of the derivatives at t = 0 built on the forward and on the backward cells."""
    t0 = torch.zeros(())
    one = torch.ones(())
    forward = jvp(lambda t: function_of_t(t, +1), (t0,), (one,))[1]
    backward = jvp(lambda t: function_of_t(t, -1), (t0,), (one,))[1]
    return (forward + backward) / 2


# ---------------------------------------------------------------- the convention check

def affine_theta(matrix, translation, height, width):
    """theta of affine_grid for out(p) = in(A^-1 (p - t)) (as in regularizer_goldens.py)."""
    inverse = torch.linalg.inv(matrix)
    flip_y = torch.diag(torch.tensor([1.0, -1.0]))
    to_normalised = torch.diag(torch.tensor([2.0 / width, 2.0 / height]))
    linear = to_normalised @ flip_y @ inverse @ flip_y @ torch.linalg.inv(to_normalised)
    offset = -(to_normalised @ flip_y @ inverse @ translation)
    return torch.cat([linear, offset.reshape(2, 1)], dim=1)


def check_convention(x):
    n, _, height, width = x.shape
    for family in (rotation, scale, translation_x):
        for t in (0.3, -0.45):
            for padding in ("zeros", "border"):
                matrix, translation = family(torch.tensor(t))
                theta = affine_theta(matrix, translation, height, width).unsqueeze(0).expand(n, 2, 3)
                grid = F.affine_grid(theta, list(x.shape), align_corners=False)
                expected = F.grid_sample(x, grid, mode="bilinear", padding_mode=padding, align_corners=False)
                actual = matrix_warp(x, family, torch.tensor(t), padding)
                error = (expected - actual).abs().max().item()
                assert error < 1e-12, f"{family.__name__} t={t} {padding}: matrix warp differs by {error}"


# ---------------------------------------------------------------- the cases

FAMILIES = {"rotation": (rotation, "zeros"), "translation_x_border": (translation_x, "border"), "scale": (scale, "zeros")}


def main():
    x = torch.rand(3, 1, 7, 6)
    check_convention(x)
    put("x", x)
    classifier = torch.nn.Sequential(torch.nn.Conv2d(1, 3, 3, padding=1), torch.nn.Tanh(),
                                     torch.nn.Conv2d(3, 2, 3, padding=1), torch.nn.Tanh(),
                                     torch.nn.Flatten(), torch.nn.Linear(2 * 7 * 6, 4)).double()
    for key, value in classifier.state_dict().items():
        put("classifier." + key, value)
    for name, (family, padding) in FAMILIES.items():
        put("tangent." + name, central_derivative(lambda t, side: matrix_warp(x, family, t, padding, side)))
        put("classifier." + name,
            central_derivative(lambda t, side: classifier(matrix_warp(x, family, t, padding, side))))
    image = torch.nn.Sequential(torch.nn.Conv2d(1, 2, 3, padding=1), torch.nn.Tanh(),
                                torch.nn.Conv2d(2, 1, 3, padding=1)).double()
    for key, value in image.state_dict().items():
        put("image." + key, value)
    with torch.no_grad():
        y = image(x)
    lie = (central_derivative(lambda t, side: image(matrix_warp(x, rotation, t, "zeros", side)))
           - central_derivative(lambda t, side: matrix_warp(y, rotation, t, "zeros", side)))
    put("image.rotation", lie)
    write(OUT)
    print(f"wrote {len(tensors)} tensors to {os.path.normpath(OUT)}")


if __name__ == "__main__":
    main()
