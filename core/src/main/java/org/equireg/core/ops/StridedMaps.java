package org.equireg.core.ops;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The strided index maps built recently, by output shape, offset and strides. A training step slices,
 * flips and permutes tensors of the same shapes at every step, and each map is an int per output
 * element (a tenth of the regularized fcn-seg step's allocation before this cache). The maps are only
 * ever read (by the gather and its adjoint scatter), so one array serves every op that asks for it.
 * Bounded: a map longer than {@link #MAX_LENGTH} is not kept, and the least recently used ones go
 * once the kept maps hold more than {@link #BUDGET} indices (8 MB).
 */
final class StridedMaps {
    static final int MAX_LENGTH = 1 << 19;
    static final long BUDGET = 1 << 21;

    private record Key(int[] shape, int offset, int[] strides) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Key k && offset == k.offset && Arrays.equals(shape, k.shape)
                    && Arrays.equals(strides, k.strides);
        }

        @Override
        public int hashCode() {
            return 31 * (31 * Arrays.hashCode(shape) + offset) + Arrays.hashCode(strides);
        }
    }

    /** Builds a map no kept one matches. */
    interface Builder {
        int[] build(int[] outShape, int offset, int[] strides);
    }

    private static final LinkedHashMap<Key, int[]> KEPT = new LinkedHashMap<>(64, 0.75f, true);
    private static long kept;

    private StridedMaps() {
    }

    /** The kept map for these arguments, or the one {@code builder} makes (then kept if small enough). */
    static int[] get(int[] outShape, int offset, int[] strides, Builder builder) {
        Key key = new Key(outShape, offset, strides);
        synchronized (KEPT) {
            int[] map = KEPT.get(key);
            if (map != null) {
                return map;
            }
        }
        int[] map = builder.build(outShape, offset, strides);
        if (map.length <= MAX_LENGTH) {
            synchronized (KEPT) {
                if (KEPT.putIfAbsent(new Key(outShape.clone(), offset, strides.clone()), map) == null) {
                    kept += map.length;
                    for (var eldest = KEPT.entrySet().iterator(); kept > BUDGET && eldest.hasNext(); ) {
                        Map.Entry<Key, int[]> entry = eldest.next();
                        kept -= entry.getValue().length;
                        eldest.remove();
                    }
                }
            }
        }
        return map;
    }

    /** How many indices the kept maps hold (for tests). */
    static long keptIndices() {
        synchronized (KEPT) {
            return kept;
        }
    }
}
