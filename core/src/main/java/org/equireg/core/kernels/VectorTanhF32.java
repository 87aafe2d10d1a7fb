package org.equireg.core.kernels;

/**
 * The vector path of float32 tanh, scalar twin {@link ScalarTanhF32}: blocks widened to double, the float64
 * {@link VectorTanh} on each, rounded back to float. Written by hand, not generated (see
 * {@link ScalarTanhF32}).
 */
final class VectorTanhF32 {
    /** Elements per block: the widened block stays in L1 while the three passes of {@link VectorTanh} run. */
    private static final int BLOCK = 512;

    private VectorTanhF32() {
    }

    static void tanh(float[] x, int xOffset, float[] out, int outOffset, int length) {
        double[] wide = new double[Math.min(length, BLOCK)];
        for (int start = 0; start < length; start += BLOCK) {
            int n = Math.min(BLOCK, length - start);
            for (int i = 0; i < n; i++) {
                wide[i] = x[xOffset + start + i];
            }
            VectorTanh.tanh(wide, 0, wide, 0, n);
            for (int i = 0; i < n; i++) {
                out[outOffset + start + i] = (float) wide[i];
            }
        }
    }
}
