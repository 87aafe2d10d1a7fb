// TEMPORARY stand-in on branch issue-11 until issue-11-kernels lands; replaced by the generated file on merge.
package org.equireg.core.kernels;

/** float32 twin of {@link Reductions} (stand-in: scalar loops). */
public final class ReductionsF32 {
    private ReductionsF32() {
    }

    public static float sum(float[] a, int offset, int length) {
        float sum = 0;
        for (int i = 0; i < length; i++) {
            sum += a[offset + i];
        }
        return sum;
    }

    public static float dot(float[] a, int aOffset, float[] b, int bOffset, int length) {
        float sum = 0;
        for (int i = 0; i < length; i++) {
            sum = Math.fma(a[aOffset + i], b[bOffset + i], sum);
        }
        return sum;
    }
}
