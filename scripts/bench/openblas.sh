#!/usr/bin/env bash
# Prints a directory to put first on LD_LIBRARY_PATH so that PyTorch's libblas.so.3 is OpenBLAS (what
# the comparison's targets assume), or nothing when the system BLAS already is OpenBLAS. Debian's
# libopenblas0-pthread package is downloaded and unpacked, not installed, under
# benchmarks/target/openblas on first use: the system's own BLAS choice stays as it is.
# Exits non-zero (printing nothing) when the package cannot be had.
set -euo pipefail
cd "$(dirname "$0")/../.."

system_blas=$(ldconfig -p | awk '/libblas\.so\.3 / && !found {print $NF; found = 1}')
if [ -n "$system_blas" ] && readlink -f "$system_blas" | grep -qi openblas; then
    exit 0
fi

unpacked=benchmarks/target/openblas
find_library() {
    find "$unpacked" -path '*openblas-pthread*' -name libblas.so.3 -print -quit 2>/dev/null || true
}
library=$(find_library)
if [ -z "$library" ]; then
    mkdir -p "$unpacked"
    (cd "$unpacked" && { apt-get download libopenblas0-pthread >/dev/null 2>&1 \
        || { apt-get update -qq >/dev/null 2>&1 && apt-get download libopenblas0-pthread >/dev/null 2>&1; }; }) \
        || { echo "openblas.sh: could not download libopenblas0-pthread" >&2; exit 1; }
    dpkg -x "$unpacked"/libopenblas0-pthread_*.deb "$unpacked"
    library=$(find_library)
fi
[ -n "$library" ] || { echo "openblas.sh: no libblas.so.3 in the unpacked package" >&2; exit 1; }
echo "$(cd "$(dirname "$library")" && pwd)"
