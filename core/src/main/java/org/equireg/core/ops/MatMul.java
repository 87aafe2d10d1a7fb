package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Gemm;

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
        int[] batch = Shapes.broadcast("matmul", Arrays.copyOf(aShape, aShape.length - 2),
                Arrays.copyOf(bShape, bShape.length - 2));
        int batches = Shapes.size(batch);
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

    private static int[] withMatrix(int[] batch, int rows, int columns) {
        int[] shape = Arrays.copyOf(batch, batch.length + 2);
        shape[batch.length] = rows;
        shape[batch.length + 1] = columns;
        return shape;
    }
}
