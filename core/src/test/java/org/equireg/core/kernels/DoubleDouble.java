package org.equireg.core.kernels;

/**
 * Unevaluated sums {@code hi + lo} of two doubles, about 106 bits: a reference tanh accurate far below
 * one ulp, to measure {@link Elementwise#tanh} against (Dekker 1971; Hida, Li and Bailey's QD library).
 */
record DoubleDouble(double hi, double lo) {
    private static final DoubleDouble LN2 = new DoubleDouble(0x1.62e42fefa39efp-1, 0x1.abc9e3b39803fp-56);
    private static final int TAYLOR_TERMS = 27;

    static DoubleDouble of(double value) {
        return new DoubleDouble(value, 0);
    }

    private static DoubleDouble twoSum(double a, double b) {
        double sum = a + b;
        double bPart = sum - a;
        return new DoubleDouble(sum, (a - (sum - bPart)) + (b - bPart));
    }

    private static DoubleDouble normalized(double hi, double lo) {
        double sum = hi + lo;
        return new DoubleDouble(sum, lo - (sum - hi));
    }

    DoubleDouble add(DoubleDouble other) {
        DoubleDouble sum = twoSum(hi, other.hi);
        return normalized(sum.hi, sum.lo + lo + other.lo);
    }

    DoubleDouble mul(DoubleDouble other) {
        double product = hi * other.hi;
        double error = Math.fma(hi, other.hi, -product);
        return normalized(product, error + hi * other.lo + lo * other.hi);
    }

    DoubleDouble div(DoubleDouble other) {
        double first = hi / other.hi;
        DoubleDouble remainder = add(other.mul(of(-first)));
        return normalized(first, remainder.hi / other.hi);
    }

    DoubleDouble negate() {
        return new DoubleDouble(-hi, -lo);
    }

    /** tanh(a) for a &gt;= 0 as -e / (e + 2), e = expm1(-2a) = 2^k expm1(r) + 2^k - 1, expm1(r) by Taylor series. */
    static DoubleDouble tanh(double a) {
        if (a < 0x1p-30) {
            return new DoubleDouble(a, -a * a * a / 3); // the series' next term lies below 2^-120 relative
        }
        double y = -2 * a;
        double k = Math.rint(y / LN2.hi);
        DoubleDouble r = of(y).add(LN2.mul(of(-k)));
        DoubleDouble series = of(1);
        for (int n = TAYLOR_TERMS; n >= 2; n--) {
            series = of(1).add(series.mul(r).div(of(n)));
        }
        DoubleDouble scale = of(Math.scalb(1.0, (int) k));
        DoubleDouble e = scale.mul(r.mul(series)).add(scale.add(of(-1))); // 2^k - 1 is inexact from k = -54 down
        return e.negate().div(e.add(of(2)));
    }

    /**
     * The signed distance from {@code value} to this number, which is &gt;= 0, in units of the last place
     * of the doubles around it (just below a power of two, the finer spacing below).
     */
    double ulpsFrom(double value) {
        return ((value - hi) - lo) / Math.ulp(lo < 0 ? Math.nextDown(hi) : hi);
    }
}
