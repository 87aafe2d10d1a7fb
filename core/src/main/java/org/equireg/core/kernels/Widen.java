// TEMPORARY stand-in on branch issue-11 until issue-11-kernels lands; replaced by the generated file on merge.
package org.equireg.core.kernels;

final class Widen {
    private Widen() {
    }

    static double[] widen(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = values[i];
        }
        return out;
    }

    static float[] narrow(double[] values) {
        float[] out = new float[values.length];
        narrowInto(values, out);
        return out;
    }

    static void narrowInto(double[] values, float[] out) {
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) values[i];
        }
    }
}
