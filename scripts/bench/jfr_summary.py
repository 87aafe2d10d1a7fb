#!/usr/bin/python3
"""Summarizes a JFR recording of equireg training steps: where the time goes and who allocates.

Usage: /usr/bin/python3 scripts/bench/jfr_summary.py RECORDING.jfr [TOP]

Sections, each as a share of all samples (or bytes):
- self time: the method on top of each sample: execution samples (threads running Java code) and
  native-method samples (threads in native code, such as StrictMath.tanh on JDK 17); JFR's profile
  settings take the first every 10 ms and the second every 20 ms, so a native sample counts twice;
- time by op: each sample charged to the innermost public Tensor method on its stack (a forward op),
  or else to the op code called by the autodiff engine (a backward closure), or else to the innermost
  nn / regularizer method; this is inclusive time;
- allocation by site: JFR's allocation samples (their weights estimate bytes), by allocating method
  and the op it serves. The first sample of each thread is dropped: its weight covers everything the
  thread allocated before the recording started.
"""
import collections
import re
import subprocess
import sys

FRAME = re.compile(r"^\s+([\w$.<>]+)\(")
WEIGHT = re.compile(r"^\s+weight = ([\d.]+) (bytes|kB|MB|GB)")
THREAD = re.compile(r'^\s+(?:sampledThread|eventThread) = "([^"]*)"')
UNITS = {"bytes": 1, "kB": 1e3, "MB": 1e6, "GB": 1e9}
# Milliseconds between samples in JFR's "profile" settings, as weights relative to Java samples.
SAMPLE_WEIGHTS = {"jdk.ExecutionSample": 1, "jdk.NativeMethodSample": 2}


def events(recording, kind):
    """Yields (thread, weight in bytes or None, frames innermost first) per event."""
    text = subprocess.run(["jfr", "print", "--events", kind, "--stack-depth", "64", recording],
                          check=True, capture_output=True, text=True).stdout
    for block in text.split("\n}\n"):
        frames, weight, thread = [], None, None
        for line in block.splitlines():
            match = FRAME.match(line)
            if match:
                frames.append(match.group(1))
                continue
            match = WEIGHT.match(line)
            if match:
                weight = float(match.group(1)) * UNITS[match.group(2)]
                continue
            match = THREAD.match(line)
            if match:
                thread = match.group(1)
        if frames:
            yield thread, weight, frames


def short(method):
    return method.replace("org.equireg.", "").replace("jdk.incubator.vector.", "vector.")


def op_of(frames):
    """The op a sample serves: the innermost public Tensor method or backward closure, else nn."""
    for index, frame in enumerate(frames):
        if frame.startswith("org.equireg.core.Autograd.") and index > 0:
            return short(frames[index - 1]).split(".lambda$")[0] + " (backward)"
        if frame.startswith("org.equireg.core.Tensor.") and "lambda$" not in frame \
                and not frame.endswith((".accumulateGrad", ".shape")):
            return short(frame)
    for frame in frames:
        if frame.startswith(("org.equireg.nn.", "org.equireg.regularizer.")):
            return short(frame)
    return short(frames[0])


def table(title, counter, total, top, unit):
    print("\n%s (total %s)" % (title, unit(total)))
    for key, value in counter.most_common(top):
        print("  %5.1f%%  %-12s %s" % (100.0 * value / total, unit(value), key))


def main():
    if len(sys.argv) not in (2, 3):
        raise SystemExit(__doc__)
    recording = sys.argv[1]
    top = int(sys.argv[2]) if len(sys.argv) == 3 else 15
    self_time, by_op, samples = collections.Counter(), collections.Counter(), 0
    for kind, weight in SAMPLE_WEIGHTS.items():
        for _, _, frames in events(recording, kind):
            samples += weight
            self_time[short(frames[0])] += weight
            by_op[op_of(frames)] += weight
    allocation, seen_threads = collections.Counter(), set()
    for thread, weight, frames in events(recording, "jdk.ObjectAllocationSample"):
        if thread not in seen_threads:
            seen_threads.add(thread)
            continue
        allocation["%s <- %s" % (short(frames[0]), op_of(frames))] += weight or 0
    if samples:
        table("self time", self_time, samples, top, lambda n: "%d" % n)
        table("time by op", by_op, samples, top, lambda n: "%d" % n)
    total = sum(allocation.values())
    if total:
        table("allocation by site", allocation, total, top, lambda b: "%.1f MB" % (b / 1e6))


if __name__ == "__main__":
    main()
