// TEMPORARY stand-in on branch issue-11 until issue-11-kernels lands; replaced by the generated file on merge.
package org.equireg.core.kernels;

/** float32 twin of {@link Broadcast} (stand-in: through float64). */
public final class BroadcastF32 {
    private BroadcastF32() {
    }

    public static float[] expand(float[] source, int[] sourceShape, int[] targetShape) {
        if (source.length == org.equireg.core.Shapes.size(targetShape)) {
            return source;
        }
        return Widen.narrow(Broadcast.expand(Widen.widen(source), sourceShape, targetShape));
    }

    public static float[] sumTo(float[] source, int[] sourceShape, int[] targetShape) {
        return Widen.narrow(Broadcast.sumTo(Widen.widen(source), sourceShape, targetShape));
    }
}
