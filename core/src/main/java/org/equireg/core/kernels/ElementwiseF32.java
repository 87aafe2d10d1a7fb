// TEMPORARY stand-in on branch issue-11 until issue-11-kernels lands; replaced by the generated file on merge.
package org.equireg.core.kernels;

/** float32 twin of {@link Elementwise} (stand-in: scalar loops). */
public final class ElementwiseF32 {
    private ElementwiseF32() {
    }

    public static float[] add(float[] a, float[] b) {
        float[] out = new float[a.length];
        add(a, 0, b, 0, out, 0, a.length);
        return out;
    }

    public static float[] sub(float[] a, float[] b) {
        float[] out = new float[a.length];
        sub(a, 0, b, 0, out, 0, a.length);
        return out;
    }

    public static float[] mul(float[] a, float[] b) {
        float[] out = new float[a.length];
        mul(a, 0, b, 0, out, 0, a.length);
        return out;
    }

    public static float[] div(float[] a, float[] b) {
        float[] out = new float[a.length];
        div(a, 0, b, 0, out, 0, a.length);
        return out;
    }

    public static float[] scale(float[] a, float factor) {
        float[] out = new float[a.length];
        scale(a, 0, factor, out, 0, a.length);
        return out;
    }

    public static void addInPlace(float[] target, float[] increment) {
        addInPlace(target, 0, increment, 0, target.length);
    }

    public static void add(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] + b[bOffset + i];
        }
    }

    public static void sub(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] - b[bOffset + i];
        }
    }

    public static void mul(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] * b[bOffset + i];
        }
    }

    public static void div(float[] a, int aOffset, float[] b, int bOffset, float[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] / b[bOffset + i];
        }
    }

    public static void scale(float[] a, int aOffset, float factor, float[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = a[aOffset + i] * factor;
        }
    }

    public static void relu(float[] x, float[] out, int length) {
        for (int i = 0; i < length; i++) {
            out[i] = x[i] <= 0 ? 0f : x[i];
        }
    }

    public static void reluBackward(float[] x, float[] grad, float[] dx, int length) {
        for (int i = 0; i < length; i++) {
            dx[i] = x[i] > 0 ? grad[i] : 0f;
        }
    }

    public static void addInPlace(float[] target, int targetOffset, float[] increment, int incrementOffset,
                                  int length) {
        for (int i = 0; i < length; i++) {
            target[targetOffset + i] += increment[incrementOffset + i];
        }
    }

    public static void axpy(float alpha, float[] x, int xOffset, float[] y, int yOffset, int length) {
        for (int i = 0; i < length; i++) {
            y[yOffset + i] = Math.fma(alpha, x[xOffset + i], y[yOffset + i]);
        }
    }

    public static void tanh(float[] x, int xOffset, float[] out, int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            out[outOffset + i] = (float) Math.tanh(x[xOffset + i]);
        }
    }

    public static void tanhBackward(float[] gradient, int gradientOffset, float[] y, int yOffset, float[] out,
                                    int outOffset, int length) {
        for (int i = 0; i < length; i++) {
            float v = y[yOffset + i];
            out[outOffset + i] = gradient[gradientOffset + i] * Math.fma(-v, v, 1f);
        }
    }
}
