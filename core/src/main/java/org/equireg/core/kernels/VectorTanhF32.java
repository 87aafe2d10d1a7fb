package org.equireg.core.kernels;

import static org.equireg.core.kernels.ScalarTanhF32.C2;
import static org.equireg.core.kernels.ScalarTanhF32.C3;
import static org.equireg.core.kernels.ScalarTanhF32.C4;
import static org.equireg.core.kernels.ScalarTanhF32.C5;
import static org.equireg.core.kernels.ScalarTanhF32.C6;
import static org.equireg.core.kernels.ScalarTanhF32.C7;
import static org.equireg.core.kernels.ScalarTanhF32.C8;
import static org.equireg.core.kernels.ScalarTanhF32.INV_LN2;
import static org.equireg.core.kernels.ScalarTanhF32.LN2_HI;
import static org.equireg.core.kernels.ScalarTanhF32.LN2_LO;
import static org.equireg.core.kernels.ScalarTanhF32.ROUNDING_SHIFT;
import static org.equireg.core.kernels.ScalarTanhF32.TANH_SATURATION;

import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.IntVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API float32 tanh, written by hand as {@link VectorTanh}'s float twin; scalar twin
 * {@link ScalarTanhF32} (algorithm and accuracy there). Three loops over blocks, as {@link VectorTanh},
 * because C2 falls back to boxed vectors in one loop this long.
 */
final class VectorTanhF32 {
    private static final VectorSpecies<Float> SPECIES = VectorShapeF32.SPECIES;
    private static final int LANES = VectorShapeF32.LANES;
    /** Elements per block: the passes meet in scratch arrays of this length, which stay in L1. */
    private static final int TANH_BLOCK = 1024;
    /** The blocks' work arrays, per thread (a parallel run calls this on several threads at once). */
    private static final ScratchF32 E = new ScratchF32();
    private static final ScratchF32 E_LO = new ScratchF32();
    private static final ScratchF32 SCALE = new ScratchF32();

    private VectorTanhF32() {
    }

    static void tanh(float[] x, int xOffset, float[] out, int outOffset, int length) {
        int block = Math.min(length, TANH_BLOCK);
        float[] e = E.take(block); // each pass reads only what the one before wrote in this block
        float[] eLo = E_LO.take(block);
        float[] scale = SCALE.take(block);
        for (int start = 0; start < length; start += block) {
            int n = Math.min(block, length - start);
            tanhSeries(x, xOffset + start, e, eLo, scale, n);
            tanhExpm1(e, eLo, scale, n);
            tanhQuotient(x, xOffset + start, e, eLo, out, outOffset + start, n);
        }
        E.give(e);
        E_LO.give(eLo);
        SCALE.give(scale);
    }

    /** expm1(r) as expm1R + expm1RLo, and 2^k; no scalar tail: {@link #tanhQuotient} finishes the run. */
    private static void tanhSeries(float[] x, int xOffset, float[] expm1R, float[] expm1RLo, float[] scale,
                                   int length) {
        for (int i = 0, bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            FloatVector a = FloatVector.fromArray(SPECIES, x, xOffset + i).abs().min(TANH_SATURATION);
            VectorMask<Float> small = a.compare(VectorOperators.LT, 1f);
            FloatVector y = a.mul(broadcast(2f).blend(-2f, small));
            FloatVector shifted = y.fma(broadcast(INV_LN2), broadcast(ROUNDING_SHIFT));
            FloatVector k = shifted.sub(ROUNDING_SHIFT);
            FloatVector rHi = k.fma(broadcast(-LN2_HI), y);
            FloatVector r = k.fma(broadcast(-LN2_LO), rHi);
            FloatVector rLo = k.fma(broadcast(-LN2_LO), rHi.sub(r));
            FloatVector rq = r.mul(expm1Series(r));
            FloatVector sum = rq.fma(r, r);
            sum.intoArray(expm1R, i);
            rq.fma(r, r.sub(sum)).add(rLo.fma(sum, rLo)).intoArray(expm1RLo, i);
            shifted.reinterpretAsInts().add(127).lanewise(VectorOperators.LSHL, 23).reinterpretAsFloats()
                    .intoArray(scale, i);
        }
    }

    /** In place: e + eLo = 2^k (expm1R + expm1RLo) + (2^k - 1). */
    private static void tanhExpm1(float[] e, float[] eLo, float[] scale, int length) {
        for (int i = 0, bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            FloatVector power = FloatVector.fromArray(SPECIES, scale, i);
            FloatVector scaled = power.mul(FloatVector.fromArray(SPECIES, e, i));
            FloatVector offset = power.sub(1f);
            FloatVector sum = scaled.add(offset);
            twoSumError(scaled, offset, sum).add(power.mul(FloatVector.fromArray(SPECIES, eLo, i))).intoArray(eLo, i);
            sum.intoArray(e, i);
        }
    }

    /** out = sign(x) (|x| &lt; 1 ? -e / (e + 2) : 1 - 2 / (e + 2)) with e = e + eLo, one Newton correction. */
    private static void tanhQuotient(float[] x, int xOffset, float[] e, float[] eLo, float[] out, int outOffset,
                                     int length) {
        FloatVector one = broadcast(1f);
        FloatVector two = broadcast(2f);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            FloatVector v = FloatVector.fromArray(SPECIES, x, xOffset + i);
            VectorMask<Float> small = v.abs().min(TANH_SATURATION).compare(VectorOperators.LT, 1f);
            FloatVector sum = FloatVector.fromArray(SPECIES, e, i);
            FloatVector sumLo = FloatVector.fromArray(SPECIES, eLo, i);
            FloatVector d = sum.add(two);
            FloatVector dLo = twoSumError(sum, two, d).add(sumLo);
            FloatVector numerator = two.blend(sum.neg(), small);
            FloatVector numeratorLo = broadcast(0f).blend(sumLo.neg(), small);
            FloatVector inverse = one.div(d);
            FloatVector quotient = numerator.mul(inverse);
            FloatVector residual = quotient.neg().fma(d, numerator).add(numeratorLo.sub(quotient.mul(dLo)));
            quotient = residual.fma(inverse, quotient);
            FloatVector magnitude = one.sub(quotient).blend(quotient, small);
            IntVector sign = v.reinterpretAsInts().and(Integer.MIN_VALUE);
            magnitude.reinterpretAsInts().and(Integer.MAX_VALUE).or(sign).reinterpretAsFloats()
                    .intoArray(out, outOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            out[outOffset + i] = ScalarTanhF32.tanh(x[xOffset + i]);
        }
    }

    private static FloatVector broadcast(float value) {
        return FloatVector.broadcast(SPECIES, value);
    }

    private static FloatVector twoSumError(FloatVector a, FloatVector b, FloatVector sum) {
        FloatVector bPart = sum.sub(a);
        return a.sub(sum.sub(bPart)).add(b.sub(bPart));
    }

    /** q with expm1(r) = r + r^2 q: C2 + C3 r + ... + C8 r^6 in Horner form. */
    private static FloatVector expm1Series(FloatVector r) {
        FloatVector q = broadcast(C8).fma(r, broadcast(C7));
        q = q.fma(r, broadcast(C6));
        q = q.fma(r, broadcast(C5));
        q = q.fma(r, broadcast(C4));
        q = q.fma(r, broadcast(C3));
        return q.fma(r, broadcast(C2));
    }
}
