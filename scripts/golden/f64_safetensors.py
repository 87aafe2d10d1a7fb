"""Writes a flat {name: tensor} map as a safetensors file of F64 tensors, in insertion order, by hand
(no safetensors package here): an 8-byte little-endian header length, the JSON header padded with
spaces to a multiple of 8, then the tensors' little-endian doubles. The file is written atomically
(a temporary file renamed over it), so an interrupted run leaves the old fixture whole."""
import json
import os
import struct

import numpy as np
import torch


def encode(tensors):
    """The file's bytes for {name: tensor or array-like}, each stored as float64."""
    header, buffers, offset = {}, [], 0
    for name, value in tensors.items():
        array = torch.as_tensor(value, dtype=torch.float64).detach()
        data = np.ascontiguousarray(array.numpy(), dtype="<f8").tobytes()
        header[name] = {"dtype": "F64", "shape": list(array.shape), "data_offsets": [offset, offset + len(data)]}
        buffers.append(data)
        offset += len(data)
    text = json.dumps(header, separators=(",", ":")).encode("utf-8")
    text += b" " * (-len(text) % 8)
    return struct.pack("<Q", len(text)) + text + b"".join(buffers)


def write(path, tensors):
    """Writes encode(tensors) to path atomically, creating its folder."""
    os.makedirs(os.path.dirname(os.path.abspath(path)), exist_ok=True)
    temporary = path + ".tmp"
    with open(temporary, "wb") as file:
        file.write(encode(tensors))
    os.replace(temporary, path)
