// TEMPORARY stand-in on branch issue-11 until issue-11-kernels lands; replaced by the generated file on merge.
package org.equireg.core.kernels;

/** float32 twin of {@link Convolution} (stand-in: through float64). */
public final class ConvolutionF32 {
    private ConvolutionF32() {
    }

    public static void forward(float[] x, float[] weight, float[] bias, ConvGeometry g, int outChannels, int groups,
                               float[] out) {
        double[] wide = new double[out.length];
        Convolution.forward(Widen.widen(x), Widen.widen(weight), bias == null ? null : Widen.widen(bias), g,
                outChannels, groups, wide);
        Widen.narrowInto(wide, out);
    }

    public static void backwardInput(float[] gradOut, float[] weight, ConvGeometry g, int outChannels, int groups,
                                     float[] dx) {
        double[] wide = new double[dx.length];
        Convolution.backwardInput(Widen.widen(gradOut), Widen.widen(weight), g, outChannels, groups, wide);
        Widen.narrowInto(wide, dx);
    }

    public static void backwardWeight(float[] gradOut, float[] x, ConvGeometry g, int outChannels, int groups,
                                      float[] dWeight) {
        double[] wide = new double[dWeight.length];
        Convolution.backwardWeight(Widen.widen(gradOut), Widen.widen(x), g, outChannels, groups, wide);
        Widen.narrowInto(wide, dWeight);
    }

    public static void backwardBias(float[] gradOut, int batch, int outChannels, int pixels, float[] dBias) {
        double[] wide = new double[dBias.length];
        Convolution.backwardBias(Widen.widen(gradOut), batch, outChannels, pixels, wide);
        Widen.narrowInto(wide, dBias);
    }
}
