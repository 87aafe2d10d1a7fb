#!/usr/bin/python3
"""Writes the safetensors fixtures that core's io tests read and its fuzz test mutates.

Run with the system Python that has NumPy and PyTorch (1.13 is enough):

    /usr/bin/python3 scripts/safetensors_fixtures.py

Output: core/src/test/resources/safetensors/*.safetensors. The script is deterministic, so
rerunning it changes nothing unless the script changed. There is no Python safetensors package
here, so files are laid out by hand: an 8-byte little-endian header length, the JSON header padded
with spaces to a multiple of 8 bytes, then the raw little-endian data.

Each dtype_<DTYPE>.safetensors holds "value" (stored in DTYPE) and "expected" (F64): the value's
exact float64 conversion, by NumPy for floats, by PyTorch for bfloat16 (NumPy has none), and by
Python's correctly rounded int -> float for integers.
"""

import json
import math
import os
import struct

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "core", "src", "test", "resources", "safetensors")

FLOAT_VALUES = [0.0, -0.0, 1.0, -1.5, math.pi, 0.1, 1e-310, 5e-324, 1.7976931348623157e308,
                math.inf, -math.inf, math.nan]
F32_EXTRA = [1.401298464324817e-45, 3.4028234663852886e38, 16777217.0, 1e39]
F16_EXTRA = [65504.0, 6.103515625e-05, 5.960464477539063e-08, 2049.0, 1e-9, 70000.0]
BF16_EXTRA = [3.0e38, 1e-40, 9.2e-41, 257.0]
INT_VALUES = {
    "I64": [0, -1, 12345, 2**53, 2**53 + 1, 2**53 + 3, 2**63 - 1, -2**63],
    "I32": [0, -1, 7, 2**31 - 1, -2**31],
    "I16": [0, -1, 300, 2**15 - 1, -2**15],
    "I8": [0, -1, 100, 127, -128],
    "U64": [0, 1, 2**53 + 1, 2**63, 2**63 + 1, 2**64 - 1, 2**64 - 2**10 - 1],
    "U32": [0, 1, 2**31, 2**32 - 1],
    "U16": [0, 1, 2**15, 2**16 - 1],
    "U8": [0, 1, 128, 255],
}
NUMPY_INT = {"I64": "<i8", "I32": "<i4", "I16": "<i2", "I8": "i1",
             "U64": "<u8", "U32": "<u4", "U16": "<u2", "U8": "u1"}


def write(path, tensors, metadata=None, python_defaults=False):
    """Writes tensors, a list of (name, dtype, shape, raw little-endian bytes), in list order.

    By default the bytes equal what the Java writer produces for the same content; with
    python_defaults the header is json.dumps's default output, keys sorted: spaces after separators,
    non-ASCII as \\u escapes (surrogate pairs beyond the BMP), and data order unlike header order.
    """
    header, buffers, offset = {}, [], 0
    if metadata:
        header["__metadata__"] = metadata
    for name, dtype, shape, data in tensors:
        header[name] = {"dtype": dtype, "shape": list(shape), "data_offsets": [offset, offset + len(data)]}
        buffers.append(data)
        offset += len(data)
    if python_defaults:
        text = json.dumps(header, sort_keys=True).encode("utf-8")
    else:
        text = json.dumps(header, separators=(",", ":"), ensure_ascii=False).encode("utf-8")
    text += b" " * (-len(text) % 8)
    with open(os.path.join(OUT, path), "wb") as file:
        file.write(struct.pack("<Q", len(text)) + text + b"".join(buffers))


def f64(values, shape=None):
    array = np.asarray(values, dtype="<f8")
    return ("F64", list(shape if shape is not None else array.shape), array.tobytes())


def dtype_fixture(dtype, raw, expected):
    """raw: stored bytes; expected: a float64 array of the same length."""
    expected = np.asarray(expected, dtype="<f8")
    value = (dtype, [len(expected)], raw)
    write("dtype_%s.safetensors" % dtype, [("value",) + value, ("expected",) + f64(expected)])


def float_fixtures():
    dtype_fixture("F64", np.asarray(FLOAT_VALUES, dtype="<f8").tobytes(), FLOAT_VALUES)
    for dtype, numpy_type, extra in [("F32", "<f4", F32_EXTRA), ("F16", "<f2", F16_EXTRA)]:
        with np.errstate(over="ignore"):
            stored = np.asarray(FLOAT_VALUES + extra, dtype=numpy_type)
        dtype_fixture(dtype, stored.tobytes(), stored.astype("<f8"))
    stored = torch.tensor(FLOAT_VALUES + BF16_EXTRA, dtype=torch.bfloat16)
    raw = stored.view(torch.int16).numpy().astype("<i2").tobytes()
    dtype_fixture("BF16", raw, stored.to(torch.float64).numpy())


def int_fixtures():
    for dtype, values in INT_VALUES.items():
        raw = np.asarray(values, dtype=NUMPY_INT[dtype]).tobytes()
        dtype_fixture(dtype, raw, [float(v) for v in values])
    dtype_fixture("BOOL", bytes([0, 1, 1, 0]), [0.0, 1.0, 1.0, 0.0])


def shapes_fixture():
    cube = np.arange(24, dtype="<f8") / 8 - 1
    write("shapes.safetensors", [
        ("scalar",) + f64(2.5, shape=[]),
        ("empty",) + f64([], shape=[0]),
        ("empty_3d",) + f64([], shape=[3, 0, 2]),
        ("cube",) + f64(cube, shape=[2, 3, 4]),
        ("row",) + f64([1, 2, 3, 4, 5], shape=[1, 5]),
    ])


def metadata_fixture():
    metadata = {"format": "pt", "note": "quote \" backslash \\ newline \n tab \t bell \x07 slash /",
                "unicode": "\u00e9\u4e2d\U0001F600", "": "empty key"}
    write("metadata.safetensors", [("w\u00e9ight",) + f64([1.0, -2.0], shape=[2])], metadata=metadata)


def mixed_fixture():
    """Many dtypes in one file, its header as another writer might lay it out."""
    write("mixed.safetensors", [
        ("z.first", "F32", [2], np.asarray([1.5, -2.25], dtype="<f4").tobytes()),
        ("a.empty", "F16", [0, 4], b""),
        ("m.bias", "I32", [3], np.asarray([1, -2, 3], dtype="<i4").tobytes()),
        ("b.flag", "BOOL", [], bytes([1])),
        ("k.half", "F16", [2, 1], np.asarray([0.5, -65504], dtype="<f2").tobytes()),
    ], metadata={"source": "mixed \u00e9 \U0001F600"}, python_defaults=True)


def writer_reference_fixture():
    """What the Java writer must produce byte for byte (its test builds the same tensors)."""
    tensors = [("layer.0.weight",) + f64(np.arange(6) / 4 - 0.5, shape=[2, 3]),
               ("layer.0.bias",) + f64([0.1, -0.2], shape=[2]),
               ("step",) + f64(3.0, shape=[]),
               ("nothing",) + f64([], shape=[0, 5])]
    write("writer_reference.safetensors", tensors, metadata={"epoch": "3", "format": "pt"})


def fuzz_seeds():
    """Extra seeds for the fuzz test (which also mutates every other fixture)."""
    write("seed_empty.safetensors", [])
    write("seed_metadata_only.safetensors", [], metadata={"k": "v", "\u00e9": "\\u"})
    tensors = []
    for i, (dtype, numpy_type) in enumerate([("F64", "<f8"), ("F32", "<f4"), ("F16", "<f2"), ("I64", "<i8"),
                                             ("I32", "<i4"), ("I16", "<i2"), ("I8", "i1"), ("U8", "u1")]):
        for shape in ([], [0], [3], [2, 2], [1, 0, 3]):
            count = int(np.prod(shape))
            raw = np.arange(count, dtype=numpy_type).tobytes()
            tensors.append(("t%d.%s" % (i, "x".join(map(str, shape)) or "scalar"), dtype, shape, raw))
    tensors.append(("mask", "BOOL", [2, 2], bytes([1, 0, 0, 1])))
    write("seed_many_small.safetensors", tensors, python_defaults=True)


def main():
    os.makedirs(OUT, exist_ok=True)
    float_fixtures()
    int_fixtures()
    shapes_fixture()
    metadata_fixture()
    mixed_fixture()
    writer_reference_fixture()
    fuzz_seeds()


if __name__ == "__main__":
    main()
