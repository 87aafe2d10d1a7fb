package org.equireg.core.kernels;

import static org.equireg.core.kernels.Reductions.CHAINS;

/** The scalar twins of {@link VectorReductions}: the partial sums of {@link Reductions}, one element at a time. */
final class ScalarReductions {
    private ScalarReductions() {
    }

    static double sum(double[] a, int offset, int length) {
        double[] chains = new double[CHAINS];
        int blocks = length - length % CHAINS;
        for (int i = 0; i < blocks; i++) {
            chains[i % CHAINS] += a[offset + i];
        }
        double sum = combine(chains);
        for (int i = blocks; i < length; i++) {
            sum += a[offset + i];
        }
        return sum;
    }

    static double dot(double[] a, int aOffset, double[] b, int bOffset, int length) {
        double[] chains = new double[CHAINS];
        int blocks = length - length % CHAINS;
        for (int i = 0; i < blocks; i++) {
            chains[i % CHAINS] = Math.fma(a[aOffset + i], b[bOffset + i], chains[i % CHAINS]);
        }
        double sum = combine(chains);
        for (int i = blocks; i < length; i++) {
            sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }

    /** The partial sums added to +0 from the first to the last. */
    private static double combine(double[] chains) {
        double sum = 0;
        for (int chain = 0; chain < CHAINS; chain++) {
            sum += chains[chain];
        }
        return sum;
    }
}
