package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.LinearAlgebra;

/**
 * Batched matrix product of (..., m, k) and (..., k, n) tensors, batch dimensions broadcast, either
 * operand optionally read transposed in place (so no backward pass copies a transpose).
 * Derivatives of {@code C = A B}: {@code dA = G B^T}, {@code dB = A^T G} per batch (the engine sums
 * over broadcast batch dimensions) — products again, so differentiable to any order.
 * PyTorch: {@code torch.matmul} for operands of rank &gt;= 2.
 */
public final class MatMul {
    private MatMul() {
    }

    /** Records {@code a @ b}; both operands have rank &gt;= 2. */
    public static Tensor apply(Tensor a, Tensor b) {
        return product(a, false, b, false);
    }

    /**
     * Records {@code op(a) @ op(b)}, where {@code op} transposes the last two axes when its flag is
     * set: {@code a} is stored (..., k, m) when {@code transA}, {@code b} is stored (..., n, k) when
     * {@code transB}.
     */
    static Tensor product(Tensor a, boolean transA, Tensor b, boolean transB) {
        int[] aShape = a.shape();
        int[] bShape = b.shape();
        int m = aShape[aShape.length - (transA ? 1 : 2)];
        int k = aShape[aShape.length - (transA ? 2 : 1)];
        int n = bShape[bShape.length - (transB ? 2 : 1)];
        if (bShape[bShape.length - (transB ? 1 : 2)] != k) {
            throw new IllegalArgumentException("matmul: inner dimensions differ: " + Shapes.str(aShape) + " @ "
                    + Shapes.str(bShape));
        }
        Operands.sameType("matmul", a, b);
        int[] batch = batchShape(aShape, bShape);
        int batches = Shapes.size(batch);
        int[] left = withMatrix(batch, aShape[aShape.length - 2], aShape[aShape.length - 1]);
        int[] right = withMatrix(batch, bShape[bShape.length - 2], bShape[bShape.length - 1]);
        return Tensor.fromOp(Op.MATMUL, LinearAlgebra.matmul(transA, transB, batches, m, n, k,
                Operands.expanded(a, left), m * k, Operands.expanded(b, right), k * n), withMatrix(batch, m, n),
                (saved, grad) -> new Tensor[] {
                    saved.needsGrad(0) ? gradA(grad, saved.input(1), transA, transB) : null,
                    saved.needsGrad(1) ? gradB(grad, saved.input(0), transA, transB) : null}, a, b);
    }

    /** dA for {@code C = op(A) op(B)}: {@code G op(B)^T}, transposed when A was. */
    private static Tensor gradA(Tensor grad, Tensor b, boolean transA, boolean transB) {
        return transA ? product(b, transB, grad, true) : product(grad, false, b, !transB);
    }

    /** dB for {@code C = op(A) op(B)}: {@code op(A)^T G}, transposed when B was. */
    private static Tensor gradB(Tensor grad, Tensor a, boolean transA, boolean transB) {
        return transB ? product(grad, true, a, transA) : product(a, !transA, grad, false);
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
