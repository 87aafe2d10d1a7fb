package org.equireg.core.kernels;

/**
 * Run by {@link SimdTest} in a JVM started without {@code jdk.incubator.vector}: prints the chosen
 * path, then exercises every kernel family, which must not touch the missing module.
 */
public final class ScalarFallbackProbe {
    private ScalarFallbackProbe() {
    }

    public static void main(String[] args) {
        System.out.println("vectorized=" + Simd.vectorized() + " lanes=" + Simd.lanes());
        double[] a = {1, 2, 3, 4, 5, 6};
        double[] b = {6, 5, 4, 3, 2, 1};
        double[] c = new double[4];
        Gemm.gemm(false, false, 2, 2, 3, a, 0, b, 0, c, 0, false);
        double[] big = new double[300 * 300];
        java.util.Arrays.fill(big, 0.5);
        double[] product = new double[300 * 300];
        Gemm.gemm(false, true, 300, 300, 300, big, 0, big, 0, product, 0, false);
        double[] sum = Elementwise.add(a, b);
        System.out.println("gemm=" + java.util.Arrays.toString(c) + " packed=" + product[12345]
                + " add=" + sum[0]);
    }
}
