package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.LinearAlgebra;

/**
 * 2-D average pooling over k x k windows; padding counts as zeros (PyTorch's
 * {@code count_include_pad=True}). Derivative: each window's gradient spread evenly over it, by the
 * fused primitive {@code avgPool2dBackward}, the adjoint of this linear map, whose own derivative is
 * the pooling again. PyTorch: {@code torch.nn.functional.avg_pool2d}.
 */
public final class AvgPool2d {
    private AvgPool2d() {
    }

    /** Records {@code avgPool2d(x, kernel, stride, padding)} of x (N, C, H, W). */
    public static Tensor apply(Tensor x, int kernel, int stride, int padding) {
        ConvGeometry g = Pooling.geometry("avgPool2d", x.shape(), kernel, stride, padding);
        return pool(x, g);
    }

    private static Tensor pool(Tensor x, ConvGeometry g) {
        return Tensor.fromOp(Op.AVG_POOL2D, LinearAlgebra.avgPool(x.storage(), g),
                new int[] {g.batch(), g.channels(), g.outHeight(), g.outWidth()},
                (saved, grad) -> new Tensor[] {backward(grad, g)}, x);
    }

    private static Tensor backward(Tensor grad, ConvGeometry g) {
        return Tensor.fromOp(Op.AVG_POOL2D_BACKWARD, LinearAlgebra.avgPoolBackward(grad.storage(), g),
                new int[] {g.batch(), g.channels(), g.height(), g.width()},
                (saved, gg) -> new Tensor[] {pool(gg, g)}, grad);
    }
}
