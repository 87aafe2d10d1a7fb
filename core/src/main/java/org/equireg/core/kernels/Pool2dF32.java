// TEMPORARY stand-in on branch issue-11 until issue-11-kernels lands; replaced by the generated file on merge.
package org.equireg.core.kernels;

/** float32 twin of {@link Pool2d} (stand-in: through float64). */
public final class Pool2dF32 {
    private Pool2dF32() {
    }

    public static void maxForward(float[] in, ConvGeometry g, float[] out, int[] argmax) {
        double[] wide = new double[out.length];
        Pool2d.maxForward(Widen.widen(in), g, wide, argmax);
        Widen.narrowInto(wide, out);
    }

    public static void maxBackward(float[] gradOut, int[] argmax, ConvGeometry g, float[] dx) {
        double[] wide = new double[dx.length];
        Pool2d.maxBackward(Widen.widen(gradOut), argmax, g, wide);
        Widen.narrowInto(wide, dx);
    }

    public static void avgForward(float[] in, ConvGeometry g, float[] out) {
        double[] wide = new double[out.length];
        Pool2d.avgForward(Widen.widen(in), g, wide);
        Widen.narrowInto(wide, out);
    }

    public static void avgBackward(float[] gradOut, ConvGeometry g, float[] dx) {
        double[] wide = new double[dx.length];
        Pool2d.avgBackward(Widen.widen(gradOut), g, wide);
        Widen.narrowInto(wide, dx);
    }
}
