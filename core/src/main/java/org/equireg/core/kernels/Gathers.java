package org.equireg.core.kernels;

/**
 * Value movement by index maps: a gather {@code out[i] = x[source[i]]} (or a fill value where
 * {@code source[i] < 0}) and its adjoint, the scatter-add {@code dx[source[i]] += g[i]}, in index
 * order; and the block copies of a concatenation. The float32 twin is generated; {@link Movement}
 * picks one by the storage's type.
 */
public final class Gathers {
    private Gathers() {
    }

    /** {@code out[i] = source[i] < 0 ? fill : x[source[i]]}; out has source's length. out modified. */
    public static void gather(double[] x, int[] source, double fill, double[] out) {
        for (int i = 0; i < source.length; i++) {
            out[i] = source[i] < 0 ? fill : x[source[i]];
        }
    }

    /** {@code dx[source[i]] += g[i]} for every i with {@code source[i] >= 0}, i ascending. dx modified. */
    public static void scatterAdd(double[] g, int[] source, double[] dx) {
        for (int i = 0; i < source.length; i++) {
            if (source[i] >= 0) {
                dx[source[i]] += g[i];
            }
        }
    }

    /**
     * Copies {@code outer} blocks of {@code block} values of {@code piece} into {@code joined} at
     * {@code offset + o * stride}: one piece of a concatenation. joined modified.
     */
    public static void copyBlocks(double[] piece, int outer, int block, double[] joined, int offset, int stride) {
        for (int o = 0; o < outer; o++) {
            System.arraycopy(piece, o * block, joined, o * stride + offset, block);
        }
    }
}
