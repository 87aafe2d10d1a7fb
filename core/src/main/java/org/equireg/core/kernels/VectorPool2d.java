package org.equireg.core.kernels;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorShuffle;
import jdk.incubator.vector.VectorSpecies;

/**
 * Vector API max pooling, one vector of consecutive windows of an output row at a time, each window's
 * pixels in one lane. Over 2 x 2 windows at stride 2 ({@link #max2x2}), two rows of the image are loaded
 * as four vectors and split into their even and odd columns; so are rows narrower than a vector of
 * windows ({@link #max2x2Packed}), once the caller has packed their plane's even rows end to end, and its
 * odd rows. (Gathers by index would need no packing, but on JDK 17 C2 compiles them to boxed vectors
 * once index vectors of two shapes have been used in the JVM, as doubles and floats do.) Over any square
 * window at stride 1 or 2 ({@link #maxRun}), one tap at a time: at stride 1 a tap of consecutive
 * windows is one load, at stride 2 two loads split into their even columns. The scalar twin is
 * {@link ScalarPool2d}; both pick, per window, the first maximum in row-major order (a later pixel
 * replaces the current one only when strictly greater), so they give the same values and the same argmax
 * as {@link Pool2d}'s window loop.
 */
final class VectorPool2d {
    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;
    // Lane i takes element 2i (or 2i + 1) of two vectors laid end to end: lane 2i mod LANES of the first
    // vector in the low half of the lanes, of the second in the high half. Two one-vector rearranges and
    // a blend, since the two-vector rearrange allocates on JDK 17.
    private static final VectorShuffle<Double> EVEN = VectorShuffle.fromOp(SPECIES, i -> 2 * i % LANES);
    private static final VectorShuffle<Double> ODD = VectorShuffle.fromOp(SPECIES, i -> (2 * i + 1) % LANES);
    private static final VectorMask<Double> HIGH_HALF = VectorMask.fromLong(SPECIES, -1L << LANES / 2);

    private VectorPool2d() {
    }

    /** Windows per call. */
    static int windows() {
        return LANES;
    }

    /**
     * The {@link #windows()} windows whose top-left pixels are {@code top, top + 2, ...}, written to
     * {@code out} and {@code argmax} from {@code o} on; returns false when a window holds a NaN (or the
     * four pixels of some lane sum to NaN, as infinities of both signs do): the run is then left to the
     * caller, who recomputes it window by window.
     */
    static boolean max2x2(double[] in, int top, int width, double[] out, int[] argmax, int o) {
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, in, top);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, in, top + LANES);
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, in, top + width);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES, in, top + width + LANES);
        DoubleVector topLeft = a0.rearrange(EVEN).blend(a1.rearrange(EVEN), HIGH_HALF);
        DoubleVector topRight = a0.rearrange(ODD).blend(a1.rearrange(ODD), HIGH_HALF);
        DoubleVector bottomLeft = b0.rearrange(EVEN).blend(b1.rearrange(EVEN), HIGH_HALF);
        DoubleVector bottomRight = b0.rearrange(ODD).blend(b1.rearrange(ODD), HIGH_HALF);
        // One test for NaN in any of the four: a NaN pixel makes the sum NaN.
        if (topLeft.add(topRight).add(bottomLeft).add(bottomRight).test(VectorOperators.IS_NAN).anyTrue()) {
            return false;
        }
        DoubleVector best = topLeft;
        DoubleVector code = DoubleVector.zero(SPECIES);
        VectorMask<Double> greater = topRight.compare(VectorOperators.GT, best);
        best = best.blend(topRight, greater);
        code = code.blend(1.0, greater);
        greater = bottomLeft.compare(VectorOperators.GT, best);
        best = best.blend(bottomLeft, greater);
        code = code.blend((double) width, greater);
        greater = bottomRight.compare(VectorOperators.GT, best);
        best = best.blend(bottomRight, greater);
        code = code.blend(width + 1.0, greater);
        // The codes, each maximum's place past its window's top-left pixel, pass through out (exact
        // integers), which then receives the maxima. (Converted in vector registers, they would need a
        // float-to-int conversion, which C2 on JDK 17 does not compile to vector code, or a cast to another
        // shape, which it boxes once the other dtype's cast has been compiled too.)
        code.intoArray(out, o);
        for (int i = 0; i < LANES; i++) {
            argmax[o + i] = top + 2 * i + (int) out[o + i];
        }
        best.intoArray(out, o);
        return true;
    }

    /**
     * The {@link #windows()} windows {@code at, at + 1, ...} of a plane whose rows are narrower than a
     * vector of windows, laid end to end across its rows: {@code rows} holds the plane's even rows one
     * after another from 0 and its odd rows from {@code bottom}, each cut to an even width, so that window
     * w's pixels are elements {@code 2w, 2w + 1} of both halves. Written to {@code out} and {@code argmax}
     * from {@code o} on, as {@link #max2x2} does, the argmax back in the image: window w's top-left pixel
     * is {@code base + corners[w]}, its rows {@code width} apart. Returns false as {@link #max2x2} does.
     */
    static boolean max2x2Packed(double[] rows, int bottom, int at, int base, int width, int[] corners, double[] out,
                                int[] argmax, int o) {
        DoubleVector a0 = DoubleVector.fromArray(SPECIES, rows, 2 * at);
        DoubleVector a1 = DoubleVector.fromArray(SPECIES, rows, 2 * at + LANES);
        DoubleVector b0 = DoubleVector.fromArray(SPECIES, rows, bottom + 2 * at);
        DoubleVector b1 = DoubleVector.fromArray(SPECIES, rows, bottom + 2 * at + LANES);
        DoubleVector topLeft = a0.rearrange(EVEN).blend(a1.rearrange(EVEN), HIGH_HALF);
        DoubleVector topRight = a0.rearrange(ODD).blend(a1.rearrange(ODD), HIGH_HALF);
        DoubleVector bottomLeft = b0.rearrange(EVEN).blend(b1.rearrange(EVEN), HIGH_HALF);
        DoubleVector bottomRight = b0.rearrange(ODD).blend(b1.rearrange(ODD), HIGH_HALF);
        if (topLeft.add(topRight).add(bottomLeft).add(bottomRight).test(VectorOperators.IS_NAN).anyTrue()) {
            return false;
        }
        DoubleVector best = topLeft;
        DoubleVector code = DoubleVector.zero(SPECIES);
        VectorMask<Double> greater = topRight.compare(VectorOperators.GT, best);
        best = best.blend(topRight, greater);
        code = code.blend(1.0, greater);
        greater = bottomLeft.compare(VectorOperators.GT, best);
        best = best.blend(bottomLeft, greater);
        code = code.blend((double) width, greater);
        greater = bottomRight.compare(VectorOperators.GT, best);
        best = best.blend(bottomRight, greater);
        code = code.blend(width + 1.0, greater);
        code.intoArray(out, o);
        for (int i = 0; i < LANES; i++) {
            argmax[o + i] = base + corners[at + i] + (int) out[o + i];
        }
        best.intoArray(out, o);
        return true;
    }

    /**
     * The {@link #windows()} windows of a stride-1 or stride-2 row whose top-left pixels are {@code top,
     * top + stride, ...}, every one inside the image, written to {@code out} and {@code argmax} from
     * {@code o} on; tap t of a window lies {@code taps[t]} past its top-left pixel, the taps in row-major
     * order. Reads up to {@code top + taps[last] + stride * windows()}. Returns false when a window holds a
     * NaN (or the pixels of some lane sum to NaN, as infinities of both signs do): the run is then left to
     * the caller, who recomputes it window by window.
     */
    static boolean maxRun(double[] in, int top, int stride, int[] taps, double[] out, int[] argmax, int o) {
        // One loop per method, and no vector passed to or returned from a call: on JDK 17 a vector merged
        // from two loops is boxed (allocated) per step, and so is one crossing a call C2 declines to
        // inline (which it may, depending on what was compiled before).
        return stride == 1 ? maxRunStride1(in, top, taps, out, argmax, o) : maxRunStride2(in, top, taps, out, argmax, o);
    }

    /** {@link #maxRun} at stride 1. */
    private static boolean maxRunStride1(double[] in, int top, int[] taps, double[] out, int[] argmax, int o) {
        DoubleVector best = DoubleVector.fromArray(SPECIES, in, top + taps[0]);
        DoubleVector code = DoubleVector.zero(SPECIES);
        DoubleVector sum = best;
        for (int t = 1; t < taps.length; t++) {
            DoubleVector x = DoubleVector.fromArray(SPECIES, in, top + taps[t]);
            sum = sum.add(x);
            VectorMask<Double> greater = x.compare(VectorOperators.GT, best);
            best = best.blend(x, greater);
            code = code.blend((double) t, greater);
        }
        if (sum.test(VectorOperators.IS_NAN).anyTrue()) {
            return false;
        }
        code.intoArray(out, o);
        writeArgmax(top, 1, taps, out, argmax, o);
        best.intoArray(out, o);
        return true;
    }

    /** {@link #maxRun} at stride 2: each tap is elements {@code at, at + 2, ..., at + 2 (LANES - 1)}. */
    private static boolean maxRunStride2(double[] in, int top, int[] taps, double[] out, int[] argmax, int o) {
        DoubleVector low = DoubleVector.fromArray(SPECIES, in, top + taps[0]);
        DoubleVector high = DoubleVector.fromArray(SPECIES, in, top + taps[0] + LANES);
        DoubleVector best = low.rearrange(EVEN).blend(high.rearrange(EVEN), HIGH_HALF);
        DoubleVector code = DoubleVector.zero(SPECIES);
        DoubleVector sum = best;
        for (int t = 1; t < taps.length; t++) {
            low = DoubleVector.fromArray(SPECIES, in, top + taps[t]);
            high = DoubleVector.fromArray(SPECIES, in, top + taps[t] + LANES);
            DoubleVector x = low.rearrange(EVEN).blend(high.rearrange(EVEN), HIGH_HALF);
            sum = sum.add(x);
            VectorMask<Double> greater = x.compare(VectorOperators.GT, best);
            best = best.blend(x, greater);
            code = code.blend((double) t, greater);
        }
        if (sum.test(VectorOperators.IS_NAN).anyTrue()) {
            return false;
        }
        code.intoArray(out, o);
        writeArgmax(top, 2, taps, out, argmax, o);
        best.intoArray(out, o);
        return true;
    }

    /** The argmax of each window from the tap numbers, which pass through {@code out} as exact small integers. */
    private static void writeArgmax(int top, int stride, int[] taps, double[] out, int[] argmax, int o) {
        for (int i = 0; i < LANES; i++) {
            argmax[o + i] = top + stride * i + taps[(int) out[o + i]];
        }
    }
}
