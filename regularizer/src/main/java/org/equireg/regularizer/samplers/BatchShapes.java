package org.equireg.regularizer.samplers;

/** Batch-shape arithmetic shared by the samplers. */
final class BatchShapes {
    private BatchShapes() {
    }

    /** {@code (n, ...shape)}. */
    static int[] withBatch(int n, int[] shape) {
        int[] batchShape = new int[shape.length + 1];
        batchShape[0] = n;
        System.arraycopy(shape, 0, batchShape, 1, shape.length);
        return batchShape;
    }
}
