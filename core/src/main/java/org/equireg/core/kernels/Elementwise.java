package org.equireg.core.kernels;

/**
 * Elementwise kernels over runs of {@code length} doubles starting at the given offsets. Each
 * runs {@link VectorElementwise} or its scalar twin {@link ScalarElementwise} as {@link Simd}
 * decided; both give the same bits (each element is one correctly rounded operation, or one
 * fused multiply-add where the formula says {@code fma}). Output runs may be the same array and
 * offset as an input run; other overlaps are not allowed.
 */
public final class Elementwise {
    private Elementwise() {
    }

    /** {@code out[i] = a[i] + b[i]} into a new array; a and b have equal length. Not modified. */
    public static double[] add(double[] a, double[] b) {
        double[] out = new double[a.length];
        add(a, 0, b, 0, out, 0, a.length);
        return out;
    }

    /** {@code out[i] = a[i] - b[i]} into a new array; a and b have equal length. Not modified. */
    public static double[] sub(double[] a, double[] b) {
        double[] out = new double[a.length];
        sub(a, 0, b, 0, out, 0, a.length);
        return out;
    }

    /** {@code out[i] = a[i] * b[i]} into a new array; a and b have equal length. Not modified. */
    public static double[] mul(double[] a, double[] b) {
        double[] out = new double[a.length];
        mul(a, 0, b, 0, out, 0, a.length);
        return out;
    }

    /** {@code out[i] = a[i] / b[i]} into a new array; a and b have equal length. Not modified. */
    public static double[] div(double[] a, double[] b) {
        double[] out = new double[a.length];
        div(a, 0, b, 0, out, 0, a.length);
        return out;
    }

    /** {@code target[i] += increment[i]}; equal lengths. Target modified, increment not modified. */
    public static void addInPlace(double[] target, double[] increment) {
        addInPlace(target, 0, increment, 0, target.length);
    }

    /** {@code out[o + i] = a[aOffset + i] + b[bOffset + i]}. out modified. */
    public static void add(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.add(a, aOffset, b, bOffset, out, outOffset, length);
        } else {
            ScalarElementwise.add(a, aOffset, b, bOffset, out, outOffset, length);
        }
    }

    /** {@code out[o + i] = a[aOffset + i] - b[bOffset + i]}. out modified. */
    public static void sub(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.sub(a, aOffset, b, bOffset, out, outOffset, length);
        } else {
            ScalarElementwise.sub(a, aOffset, b, bOffset, out, outOffset, length);
        }
    }

    /** {@code out[o + i] = a[aOffset + i] * b[bOffset + i]}. out modified. */
    public static void mul(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.mul(a, aOffset, b, bOffset, out, outOffset, length);
        } else {
            ScalarElementwise.mul(a, aOffset, b, bOffset, out, outOffset, length);
        }
    }

    /** {@code out[o + i] = a[aOffset + i] / b[bOffset + i]}. out modified. */
    public static void div(double[] a, int aOffset, double[] b, int bOffset, double[] out, int outOffset, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.div(a, aOffset, b, bOffset, out, outOffset, length);
        } else {
            ScalarElementwise.div(a, aOffset, b, bOffset, out, outOffset, length);
        }
    }

    /**
     * {@code out[i] = x[i] <= 0 ? +0.0 : x[i]}: the rectifier, NaN passed through (as PyTorch).
     * x not modified; out modified, may be x.
     */
    public static void relu(double[] x, double[] out, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.relu(x, out, length);
        } else {
            ScalarElementwise.relu(x, out, length);
        }
    }

    /** {@code dx[i] = x[i] > 0 ? grad[i] : +0.0}: the rectifier's derivative applied. dx modified. */
    public static void reluBackward(double[] x, double[] grad, double[] dx, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.reluBackward(x, grad, dx, length);
        } else {
            ScalarElementwise.reluBackward(x, grad, dx, length);
        }
    }

    /** {@code target[t + i] += increment[incrementOffset + i]}. target modified. */
    public static void addInPlace(double[] target, int targetOffset, double[] increment, int incrementOffset,
                                  int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.add(target, targetOffset, increment, incrementOffset, target, targetOffset, length);
        } else {
            ScalarElementwise.add(target, targetOffset, increment, incrementOffset, target, targetOffset, length);
        }
    }

    /**
     * {@code y[yOffset + i] = fma(alpha, x[xOffset + i], y[yOffset + i])}, one rounding per element
     * (BLAS daxpy with a fused multiply-add). y modified.
     */
    public static void axpy(double alpha, double[] x, int xOffset, double[] y, int yOffset, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.axpy(alpha, x, xOffset, y, yOffset, length);
        } else {
            ScalarElementwise.axpy(alpha, x, xOffset, y, yOffset, length);
        }
    }

    /**
     * {@code out[o + i] = tanh(x[xOffset + i])}, odd, NaN for NaN, the same bits on the vector and the
     * scalar path and on every JDK; the algorithm and its accuracy are on {@link ScalarTanh}. out modified.
     */
    public static void tanh(double[] x, int xOffset, double[] out, int outOffset, int length) {
        if (Simd.VECTORIZED) {
            VectorTanh.tanh(x, xOffset, out, outOffset, length);
        } else {
            ScalarTanh.tanh(x, xOffset, out, outOffset, length);
        }
    }

    /**
     * {@code out[o + i] = exp(x[xOffset + i])} by {@link Math#exp} (within 1 ulp; HotSpot computes it with
     * the same code when interpreted and compiled). One loop on both paths: the Vector API's {@code EXP}
     * does not give Math.exp's bits. out modified, may be x.
     */
    public static void exp(double[] x, int xOffset, double[] out, int outOffset, int length) {
        ScalarElementwise.exp(x, xOffset, out, outOffset, length);
    }

    /**
     * {@code out[o + i] = log(x[xOffset + i])} by {@link Math#log}: -infinity at +-0, NaN below 0. One loop
     * on both paths, as {@link #exp}. out modified, may be x.
     */
    public static void log(double[] x, int xOffset, double[] out, int outOffset, int length) {
        ScalarElementwise.log(x, xOffset, out, outOffset, length);
    }

    /**
     * {@code out[o + i] = 1 / (1 + exp(-x))}, evaluated on the side where the exponential cannot overflow:
     * {@code 1 / (1 + exp(-x))} for x &gt;= 0, {@code e / (1 + e)} with {@code e = exp(x)} below. One loop
     * on both paths, as {@link #exp}. out modified, may be x.
     */
    public static void sigmoid(double[] x, int xOffset, double[] out, int outOffset, int length) {
        ScalarElementwise.sigmoid(x, xOffset, out, outOffset, length);
    }

    /**
     * {@code out[o + i] = gradient[g + i] * y[yOffset + i] * (1 - y[yOffset + i])}, multiplied left to right:
     * the gradient of the sigmoid from its output y. out modified.
     */
    public static void sigmoidBackward(double[] gradient, int gradientOffset, double[] y, int yOffset, double[] out,
                                       int outOffset, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.sigmoidBackward(gradient, gradientOffset, y, yOffset, out, outOffset, length);
        } else {
            ScalarElementwise.sigmoidBackward(gradient, gradientOffset, y, yOffset, out, outOffset, length);
        }
    }

    /**
     * {@code out[o + i] = gradient[g + i] * fma(-y[yOffset + i], y[yOffset + i], 1)}: the gradient of
     * tanh from its output y. out modified.
     */
    public static void tanhBackward(double[] gradient, int gradientOffset, double[] y, int yOffset, double[] out,
                                    int outOffset, int length) {
        if (Simd.VECTORIZED) {
            VectorElementwise.tanhBackward(gradient, gradientOffset, y, yOffset, out, outOffset, length);
        } else {
            ScalarElementwise.tanhBackward(gradient, gradientOffset, y, yOffset, out, outOffset, length);
        }
    }
}
