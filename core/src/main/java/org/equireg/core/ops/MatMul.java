package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Gemm;
import org.equireg.core.kernels.GemmF32;

/**
 * Batched matrix product of (..., m, k) and (..., k, n) tensors, batch dimensions broadcast.
 * Derivatives: {@code dA = G B^T}, {@code dB = A^T G} per batch (the engine sums over broadcast
 * batch dimensions). PyTorch: {@code torch.matmul} for operands of rank &gt;= 2.
 */
public final class MatMul {
    private MatMul() {
    }

    /** Records {@code a @ b}; both operands have rank &gt;= 2. */
    public static Tensor apply(Tensor a, Tensor b) {
        int[] aShape = a.shape();
        int[] bShape = b.shape();
        int m = aShape[aShape.length - 2];
        int k = aShape[aShape.length - 1];
        int n = bShape[bShape.length - 1];
        if (bShape[bShape.length - 2] != k) {
            throw new IllegalArgumentException("matmul: inner dimensions differ: " + Shapes.str(aShape) + " @ "
                    + Shapes.str(bShape));
        }
        int[] batch = batchShape(aShape, bShape);
        int batches = Shapes.size(batch);
        if (Operands.sameType("matmul", a, b) == DType.FLOAT32) {
            return float32(a, b, batch, m, k, n);
        }
        double[] left = Operands.expanded(a, withMatrix(batch, m, k));
        double[] right = Operands.expanded(b, withMatrix(batch, k, n));
        double[] out = new double[batches * m * n];
        Gemm.gemmBatched(false, false, batches, m, n, k, left, 0, m * k, right, 0, k * n, out, 0, m * n, false);
        int[] outShape = withMatrix(batch, m, n);
        return Tensor.fromOp("matmul", out, outShape, grad -> {
            double[] g = grad.buffer();
            double[] da = null;
            double[] db = null;
            if (a.requiresGrad()) {
                da = new double[batches * m * k];
                Gemm.gemmBatched(false, true, batches, m, k, n, g, 0, m * n, right, 0, k * n, da, 0, m * k, false);
            }
            if (b.requiresGrad()) {
                db = new double[batches * k * n];
                Gemm.gemmBatched(true, false, batches, k, n, m, left, 0, m * k, g, 0, m * n, db, 0, k * n, false);
            }
            return new Tensor[] {
                da == null ? null : Tensor.wrap(da, withMatrix(batch, m, k)),
                db == null ? null : Tensor.wrap(db, withMatrix(batch, k, n))};
        }, a, b);
    }

    private static Tensor float32(Tensor a, Tensor b, int[] batch, int m, int k, int n) {
        int batches = Shapes.size(batch);
        float[] left = Operands.expandedF32(a, withMatrix(batch, m, k));
        float[] right = Operands.expandedF32(b, withMatrix(batch, k, n));
        float[] out = new float[batches * m * n];
        GemmF32.gemmBatched(false, false, batches, m, n, k, left, 0, m * k, right, 0, k * n, out, 0, m * n, false);
        return Tensor.fromOp("matmul", out, withMatrix(batch, m, n), grad -> {
            float[] g = grad.floatBuffer();
            float[] da = null;
            float[] db = null;
            if (a.requiresGrad()) {
                da = new float[batches * m * k];
                GemmF32.gemmBatched(false, true, batches, m, k, n, g, 0, m * n, right, 0, k * n, da, 0, m * k, false);
            }
            if (b.requiresGrad()) {
                db = new float[batches * k * n];
                GemmF32.gemmBatched(true, false, batches, k, n, m, left, 0, m * k, g, 0, m * n, db, 0, k * n, false);
            }
            return new Tensor[] {
                da == null ? null : Tensor.wrap(da, withMatrix(batch, m, k)),
                db == null ? null : Tensor.wrap(db, withMatrix(batch, k, n))};
        }, a, b);
    }

    /** The broadcast of the leading dimensions; the error quotes both whole shapes. */
    private static int[] batchShape(int[] aShape, int[] bShape) {
        int[] aBatch = Arrays.copyOf(aShape, aShape.length - 2);
        int[] bBatch = Arrays.copyOf(bShape, bShape.length - 2);
        int rank = Math.max(aBatch.length, bBatch.length);
        for (int i = 1; i <= rank; i++) {
            int dimA = i <= aBatch.length ? aBatch[aBatch.length - i] : 1;
            int dimB = i <= bBatch.length ? bBatch[bBatch.length - i] : 1;
            if (dimA != dimB && dimA != 1 && dimB != 1) {
                throw new IllegalArgumentException("matmul: batch dimensions of " + Shapes.str(aShape) + " and "
                        + Shapes.str(bShape) + " do not broadcast");
            }
        }
        return Shapes.broadcast("matmul", aBatch, bBatch);
    }

    private static int[] withMatrix(int[] batch, int rows, int columns) {
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = rows;
        shape[batch.length + 1] = columns;
        return shape;
    }
}
