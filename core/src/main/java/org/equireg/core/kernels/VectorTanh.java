package org.equireg.core.kernels;

import static org.equireg.core.kernels.ScalarTanh.C10;
import static org.equireg.core.kernels.ScalarTanh.C11;
import static org.equireg.core.kernels.ScalarTanh.C12;
import static org.equireg.core.kernels.ScalarTanh.C13;
import static org.equireg.core.kernels.ScalarTanh.C2;
import static org.equireg.core.kernels.ScalarTanh.C3;
import static org.equireg.core.kernels.ScalarTanh.C4;
import static org.equireg.core.kernels.ScalarTanh.C5;
import static org.equireg.core.kernels.ScalarTanh.C6;
import static org.equireg.core.kernels.ScalarTanh.C7;
import static org.equireg.core.kernels.ScalarTanh.C8;
import static org.equireg.core.kernels.ScalarTanh.C9;
import static org.equireg.core.kernels.ScalarTanh.INV_LN2;
import static org.equireg.core.kernels.ScalarTanh.LN2_HI;
import static org.equireg.core.kernels.ScalarTanh.LN2_LO;
import static org.equireg.core.kernels.ScalarTanh.ROUNDING_SHIFT;
import static org.equireg.core.kernels.ScalarTanh.TANH_SATURATION;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.LongVector;
import jdk.incubator.vector.VectorMask;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;

/**
 * The Vector API {@link Elementwise#tanh}; scalar twin {@link ScalarTanh}. float64 only, like its twin;
 * {@code VectorTanhF32} is written by hand.
 */
final class VectorTanh {
    private static final VectorSpecies<Double> SPECIES = VectorShape.SPECIES;
    private static final int LANES = VectorShape.LANES;

    private VectorTanh() {
    }

    /**
     * Elements per block of {@link #tanh}: its two passes meet in scratch arrays of this length, small
     * enough to stay in the L1 cache.
     */
    private static final int TANH_BLOCK = 512;
    /** The blocks' work arrays, per thread (a parallel run calls this on several threads at once). */
    private static final Scratch E = new Scratch();
    private static final Scratch E_LO = new Scratch();
    private static final Scratch SCALE = new Scratch();

    /**
     * {@link ScalarTanh#tanh(double)} lane by lane: the same operations, branches as blends. The
     * work runs as three loops over blocks (the reduction and series, expm1 from them, the quotient)
     * because C2 stops inlining vector operations in one loop this long and falls back to boxed
     * vectors, some 50 times slower.
     */
    static void tanh(double[] x, int xOffset, double[] out, int outOffset, int length) {
        int block = Math.min(length, TANH_BLOCK);
        double[] e = E.take(block); // each pass reads only what the one before wrote in this block
        double[] eLo = E_LO.take(block);
        double[] scale = SCALE.take(block);
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

    /**
     * With y = -2|x| for |x| &lt; 1, else 2 min(|x|, 22), and y = k ln2 + r: expm1(r) as expm1R + expm1RLo,
     * and 2^k. No scalar tail: {@link #tanhQuotient} runs the whole scalar formula on the last elements.
     */
    private static void tanhSeries(double[] x, int xOffset, double[] expm1R, double[] expm1RLo, double[] scale,
                                   int length) {
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector a = DoubleVector.fromArray(SPECIES, x, xOffset + i).abs().min(TANH_SATURATION);
            VectorMask<Double> small = a.compare(VectorOperators.LT, 1.0);
            DoubleVector y = a.mul(broadcast(2.0).blend(-2.0, small));
            DoubleVector shifted = y.mul(INV_LN2).add(ROUNDING_SHIFT);
            DoubleVector k = shifted.sub(ROUNDING_SHIFT);
            DoubleVector rHi = k.fma(broadcast(-LN2_HI), y);
            DoubleVector r = k.fma(broadcast(-LN2_LO), rHi);
            DoubleVector rLo = k.fma(broadcast(-LN2_LO), rHi.sub(r));
            DoubleVector rq = r.mul(expm1Series(r));
            DoubleVector sum = rq.fma(r, r);
            sum.intoArray(expm1R, i);
            rq.fma(r, r.sub(sum)).add(rLo.fma(sum, rLo)).intoArray(expm1RLo, i);
            exp2(shifted).intoArray(scale, i);
        }
    }

    /** In place: e + eLo = 2^k (expm1R + expm1RLo) + (2^k - 1) = expm1(y). */
    private static void tanhExpm1(double[] e, double[] eLo, double[] scale, int length) {
        for (int i = 0, bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector power = DoubleVector.fromArray(SPECIES, scale, i);
            DoubleVector scaled = power.mul(DoubleVector.fromArray(SPECIES, e, i));
            DoubleVector offset = power.sub(1.0);
            DoubleVector sum = scaled.add(offset);
            twoSumError(scaled, offset, sum).add(power.mul(DoubleVector.fromArray(SPECIES, eLo, i))).intoArray(eLo, i);
            sum.intoArray(e, i);
        }
    }

    /** out = sign(x) (|x| &lt; 1 ? -e / (e + 2) : 1 - 2 / (e + 2)) with e = e + eLo; the last loop of {@link #tanh}. */
    private static void tanhQuotient(double[] x, int xOffset, double[] e, double[] eLo, double[] out, int outOffset,
                                     int length) {
        DoubleVector one = broadcast(1.0);
        DoubleVector two = broadcast(2.0);
        int i = 0;
        for (int bound = SPECIES.loopBound(length); i < bound; i += LANES) {
            DoubleVector v = DoubleVector.fromArray(SPECIES, x, xOffset + i);
            VectorMask<Double> small = v.abs().min(TANH_SATURATION).compare(VectorOperators.LT, 1.0);
            DoubleVector sum = DoubleVector.fromArray(SPECIES, e, i);
            DoubleVector sumLo = DoubleVector.fromArray(SPECIES, eLo, i);
            DoubleVector d = sum.add(two);
            DoubleVector dLo = twoSumError(sum, two, d).add(sumLo);
            DoubleVector numerator = two.blend(sum.neg(), small);
            DoubleVector numeratorLo = broadcast(0.0).blend(sumLo.neg(), small);
            DoubleVector inverse = one.div(d);
            DoubleVector quotient = numerator.mul(inverse);
            DoubleVector residual = quotient.neg().fma(d, numerator).add(numeratorLo.sub(quotient.mul(dLo)));
            quotient = residual.fma(inverse, quotient);
            DoubleVector magnitude = one.sub(quotient).blend(quotient, small);
            LongVector sign = v.reinterpretAsLongs().and(Long.MIN_VALUE);
            magnitude.reinterpretAsLongs().and(Long.MAX_VALUE).or(sign).reinterpretAsDoubles()
                    .intoArray(out, outOffset + i);
        }
        // scalar tail
        for (; i < length; i++) {
            out[outOffset + i] = ScalarTanh.tanh(x[xOffset + i]);
        }
    }

    private static DoubleVector broadcast(double value) {
        return DoubleVector.broadcast(SPECIES, value);
    }

    /** 2^k from the integer k held in the low bits of {@code shifted}. */
    private static DoubleVector exp2(DoubleVector shifted) {
        return shifted.reinterpretAsLongs().add(1023).lanewise(VectorOperators.LSHL, 52).reinterpretAsDoubles();
    }

    private static DoubleVector twoSumError(DoubleVector a, DoubleVector b, DoubleVector sum) {
        DoubleVector bPart = sum.sub(a);
        return a.sub(sum.sub(bPart)).add(b.sub(bPart));
    }

    /** q with expm1(r) = r + r^2 q: C2 + C3 r + ... + C13 r^11 in Horner form. */
    private static DoubleVector expm1Series(DoubleVector r) {
        DoubleVector q = broadcast(C13).fma(r, broadcast(C12));
        q = q.fma(r, broadcast(C11));
        q = q.fma(r, broadcast(C10));
        q = q.fma(r, broadcast(C9));
        q = q.fma(r, broadcast(C8));
        q = q.fma(r, broadcast(C7));
        q = q.fma(r, broadcast(C6));
        q = q.fma(r, broadcast(C5));
        q = q.fma(r, broadcast(C4));
        q = q.fma(r, broadcast(C3));
        return q.fma(r, broadcast(C2));
    }
}
