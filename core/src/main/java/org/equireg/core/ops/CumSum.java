package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Scan;
import org.equireg.core.kernels.ScanF32;

/**
 * Cumulative sum along one axis: {@code y[k] = x[0] + x[1] + ... + x[k]}, added in index order (as
 * PyTorch's CPU kernel does). Derivative: each x[j] appears in y[j], ..., y[n - 1], so
 * {@code dx[j] = dy[j] + dy[j + 1] + ... + dy[n - 1]}, the cumulative sum of dy taken from the end.
 * A scalar is a tensor of one element along axis 0 or -1. PyTorch: {@code torch.cumsum}.
 */
public final class CumSum {
    private CumSum() {
    }

    /** Records {@code x.cumsum(axis)}. */
    public static Tensor apply(Tensor x, int axis) {
        int[] shape = x.shape();
        int[] block = shape.length == 0 ? new int[] {1} : shape;
        int a = Shapes.normalizeAxis("cumsum", axis, block.length);
        int outer = Shapes.outer(block, a);
        int length = block[a];
        int inner = Shapes.inner(block, a);
        if (x.dtype() == DType.FLOAT32) {
            return float32(x, shape, outer, length, inner);
        }
        double[] out = new double[x.size()];
        Scan.cumsum(x.buffer(), out, outer, length, inner, false);
        return Tensor.fromOp("cumsum", out, shape, grad -> {
            double[] dx = new double[out.length];
            Scan.cumsum(grad.buffer(), dx, outer, length, inner, true);
            return Operands.single(dx, shape);
        }, x);
    }

    private static Tensor float32(Tensor x, int[] shape, int outer, int length, int inner) {
        float[] out = new float[x.size()];
        ScanF32.cumsum(x.floatBuffer(), out, outer, length, inner, false);
        return Tensor.fromOp("cumsum", out, shape, grad -> {
            float[] dx = new float[out.length];
            ScanF32.cumsum(grad.floatBuffer(), dx, outer, length, inner, true);
            return Operands.single(dx, shape);
        }, x);
    }
}
