package org.equireg.core.kernels;

/**
 * The scalar twin of {@link VectorTanh}: {@link Elementwise#tanh} element by element, and the constants
 * both read. tanh(x) within 1 ulp of the exact value (the test measures 0.74 ulp at worst over two million
 * points; {@link StrictMath#tanh}, fdlibm, errs by up to 2.05 on the same points), odd, exact at +-0, +-1
 * from |x| = 22 on, NaN for NaN.
 *
 * <p>Computed with +, -, *, /, fma and exact bit operations only, so the vector and the scalar path, and
 * every JDK, give the same bits. As fdlibm's tanh: with {@code a = |x|} and {@code e = expm1(-2a)} for
 * a &lt; 1, {@code tanh = -e / (e + 2)}; with {@code e = expm1(2a)} for a &gt;= 1, {@code tanh =
 * 1 - 2 / (e + 2)}; the sign of x copied onto the result. {@code expm1(y) = 2^k expm1(r) + (2^k - 1)}
 * with {@code y = k ln2 + r}, |r| &lt;= ln2 / 2 (Cody and Waite's reduction, ln2 in two parts) and
 * expm1(r) from its Taylor series to r^13 in Horner form. The rounding errors of r, expm1(r), e and
 * e + 2 are carried along (two-sums) and the quotient gets one Newton correction, since -e / (e + 2)
 * would double the relative error of e.
 *
 * <p>float64 only: its bit tricks (2^k built in the exponent field, the 1.5 * 2^52 rounding
 * shift) have no float32 translation; {@code ScalarTanhF32} is written by hand.
 */
final class ScalarTanh {
    private ScalarTanh() {
    }

    /** |x| from which tanh is computed as at this value: tanh(22) rounds to 1 (fdlibm's cut-off as well). */
    static final double TANH_SATURATION = 22;
    /** 1.5 * 2^52: adding it rounds a double below 2^51 in magnitude to an integer held in the low bits. */
    static final double ROUNDING_SHIFT = 0x1.8p52;
    static final double INV_LN2 = 0x1.71547652b82fep0;
    /** ln 2 split as fdlibm does: LN2_HI has 32 significant bits, LN2_LO = ln 2 - LN2_HI to double precision. */
    static final double LN2_HI = 0x1.62e42feep-1;
    static final double LN2_LO = 0x1.a39ef35793c76p-33;
    /**
     * Taylor coefficients 1/n! of expm1, n = 2 .. 13; the first term dropped is below 2^-56 relative for
     * |r| &lt;= ln2/2.
     */
    static final double C2 = 1.0 / 2;
    static final double C3 = 1.0 / 6;
    static final double C4 = 1.0 / 24;
    static final double C5 = 1.0 / 120;
    static final double C6 = 1.0 / 720;
    static final double C7 = 1.0 / 5040;
    static final double C8 = 1.0 / 40320;
    static final double C9 = 1.0 / 362880;
    static final double C10 = 1.0 / 3628800;
    static final double C11 = 1.0 / 39916800;
    static final double C12 = 1.0 / 479001600;
    static final double C13 = 1.0 / 6227020800.0;

    static void tanh(double[] x, int xOffset, double[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = tanh(x[xOffset + i]);
        }
    }

    /**
     * One element of {@link Elementwise#tanh}; the vector twin performs the same operations lane by lane.
     * From the reduction on, values travel as unevaluated sums {@code hi + lo} (Knuth's two-sum), so that
     * -e / (e + 2), which nearly doubles the relative error of e near a = 1, sees e far below an ulp.
     */
    static double tanh(double x) {
        double a = Math.min(Math.abs(x), TANH_SATURATION);
        boolean small = a < 1;
        double y = a * (small ? -2.0 : 2.0);
        // y = k ln2 + r, k = round(y / ln2), |r| <= ln2 / 2 (plus rounding)
        double shifted = y * INV_LN2 + ROUNDING_SHIFT;
        double k = shifted - ROUNDING_SHIFT;
        double rHi = Math.fma(k, -LN2_HI, y); // exact
        double r = Math.fma(k, -LN2_LO, rHi);
        double rLo = Math.fma(k, -LN2_LO, rHi - r); // r + rLo = y - k ln2 to about 2^-80
        double q = Math.fma(C13, r, C12);
        q = Math.fma(q, r, C11);
        q = Math.fma(q, r, C10);
        q = Math.fma(q, r, C9);
        q = Math.fma(q, r, C8);
        q = Math.fma(q, r, C7);
        q = Math.fma(q, r, C6);
        q = Math.fma(q, r, C5);
        q = Math.fma(q, r, C4);
        q = Math.fma(q, r, C3);
        q = Math.fma(q, r, C2);
        double rq = r * q;
        double expm1R = Math.fma(rq, r, r); // r + r^2 q
        // the rounding error of expm1R (r - expm1R is exact: the two lie within a factor 2), plus e^r rLo
        double expm1RLo = Math.fma(rq, r, r - expm1R) + Math.fma(rLo, expm1R, rLo);
        // 2^k from the integer in the low bits of shifted; the bits above it shift out
        double scale = Double.longBitsToDouble((Double.doubleToRawLongBits(shifted) + 1023) << 52);
        // e = expm1(y) = 2^k expm1(r) + (2^k - 1), both terms exact (k <= 53 wherever e's low part matters)
        double scaled = scale * expm1R;
        double offset = scale - 1;
        double e = scaled + offset;
        double eLo = twoSumError(scaled, offset, e) + scale * expm1RLo;
        double d = e + 2;
        double dLo = twoSumError(e, 2.0, d) + eLo;
        // quotient = numerator / (d + dLo), one division and a Newton correction of its residual
        double numerator = small ? -e : 2.0;
        double numeratorLo = small ? -eLo : 0.0;
        double inverse = 1 / d;
        double quotient = numerator * inverse;
        double residual = Math.fma(-quotient, d, numerator) + (numeratorLo - quotient * dLo);
        quotient = Math.fma(residual, inverse, quotient);
        return Math.copySign(small ? quotient : 1 - quotient, x);
    }

    /** The rounding error of {@code sum = a + b}: {@code a + b - sum}, exactly (Knuth's two-sum). */
    static double twoSumError(double a, double b, double sum) {
        double bPart = sum - a;
        return (a - (sum - bPart)) + (b - bPart);
    }
}
