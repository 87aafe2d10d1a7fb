package org.equireg.core.kernels;

/**
 * The scalar twin of {@link VectorTanhF32}: float32 tanh, written by hand (not generated: the float64
 * algorithm's constants and bit tricks are precision-specific). The algorithm of {@link ScalarTanh} in
 * float arithmetic: {@code a = min(|x|, 10)} (from 9.01 on the exact value rounds to 1),
 * {@code e = expm1(-2a)} for a &lt; 1 and {@code tanh = -e / (e + 2)}, {@code e = expm1(2a)} otherwise and
 * {@code tanh = 1 - 2 / (e + 2)}, the sign of x copied on; {@code expm1(y) = 2^k expm1(r) + (2^k - 1)}
 * with {@code y = k ln2 + r}, |r| &lt;= ln2 / 2 (ln2 in two parts, the first of 15 bits so that
 * {@code k ln2_hi} is exact), expm1(r) from its Taylor series to r^8 (the next term is below 2^-30
 * relative), the rounding errors of r, expm1(r), e and e + 2 carried as two-sums and one Newton
 * correction of the quotient. Within 1 ulp of the exact value (measured: 0.70 ulp at worst over every
 * 31st float from 2^-40 to 12), odd, exact at +-0 and for subnormals, +-1 from |x| = 9.01 on, NaN for NaN;
 * the vector twin performs the same operations lane by lane, so both give the same bits.
 */
final class ScalarTanhF32 {
    static final float TANH_SATURATION = 10;
    /** 1.5 * 2^23: adding it rounds a float below 2^22 in magnitude to an integer held in the low bits. */
    static final float ROUNDING_SHIFT = 0x1.8p23f;
    static final float INV_LN2 = 0x1.715476p0f;
    /** ln 2 in two parts: LN2_HI has 15 significant bits, LN2_LO = ln 2 - LN2_HI to float precision. */
    static final float LN2_HI = 0x1.62e4p-1f;
    static final float LN2_LO = 0x1.7f7d1cp-20f;
    /** Taylor coefficients 1/n! of expm1, n = 2 .. 8. */
    static final float C2 = 1f / 2;
    static final float C3 = 1f / 6;
    static final float C4 = 1f / 24;
    static final float C5 = 1f / 120;
    static final float C6 = 1f / 720;
    static final float C7 = 1f / 5040;
    static final float C8 = 1f / 40320;

    private ScalarTanhF32() {
    }

    static void tanh(float[] x, int xOffset, float[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = tanh(x[xOffset + i]);
        }
    }

    /** One element; see the class comment. Values travel as unevaluated sums {@code hi + lo} from r on. */
    static float tanh(float x) {
        float a = Math.min(Math.abs(x), TANH_SATURATION);
        boolean small = a < 1;
        float y = a * (small ? -2f : 2f);
        float shifted = Math.fma(y, INV_LN2, ROUNDING_SHIFT);
        float k = shifted - ROUNDING_SHIFT;
        float rHi = Math.fma(k, -LN2_HI, y); // exact
        float r = Math.fma(k, -LN2_LO, rHi);
        float rLo = Math.fma(k, -LN2_LO, rHi - r);
        float q = Math.fma(C8, r, C7);
        q = Math.fma(q, r, C6);
        q = Math.fma(q, r, C5);
        q = Math.fma(q, r, C4);
        q = Math.fma(q, r, C3);
        q = Math.fma(q, r, C2);
        float rq = r * q;
        float expm1R = Math.fma(rq, r, r);
        float expm1RLo = Math.fma(rq, r, r - expm1R) + Math.fma(rLo, expm1R, rLo);
        // 2^k from the integer in the low bits of shifted; the bits above it shift out
        float scale = Float.intBitsToFloat((Float.floatToRawIntBits(shifted) + 127) << 23);
        float scaled = scale * expm1R;
        float offset = scale - 1;
        float e = scaled + offset;
        float eLo = twoSumError(scaled, offset, e) + scale * expm1RLo;
        float d = e + 2;
        float dLo = twoSumError(e, 2f, d) + eLo;
        float numerator = small ? -e : 2f;
        float numeratorLo = small ? -eLo : 0f;
        float inverse = 1 / d;
        float quotient = numerator * inverse;
        float residual = Math.fma(-quotient, d, numerator) + (numeratorLo - quotient * dLo);
        quotient = Math.fma(residual, inverse, quotient);
        return Math.copySign(small ? quotient : 1 - quotient, x);
    }

    /** The rounding error of {@code sum = a + b}: {@code a + b - sum}, exactly (Knuth's two-sum). */
    static float twoSumError(float a, float b, float sum) {
        float bPart = sum - a;
        return (a - (sum - bPart)) + (b - bPart);
    }
}
