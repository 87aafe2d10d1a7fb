package org.equireg.core.ops;

import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Buffers;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.LinearAlgebra;

/**
 * 2-D max pooling over k x k windows (padding counts as -infinity, NaN wins), the first maximum in
 * row-major window order taking the gradient. Derivative: the gradient scattered back to each
 * window's maximum, by the fused primitive {@code maxPool2dBackward}; its own derivative gathers
 * from the same positions ({@link Op#INDEX_GATHER}), and the positions are constant, so the second
 * derivative with respect to x is zero. PyTorch: {@code torch.nn.functional.max_pool2d},
 * {@code max_pool2d_with_indices_backward}.
 */
public final class MaxPool2d {
    private MaxPool2d() {
    }

    /** Records {@code maxPool2d(x, kernel, stride, padding)} of x (N, C, H, W). */
    public static Tensor apply(Tensor x, int kernel, int stride, int padding) {
        ConvGeometry g = Pooling.geometry("maxPool2d", x.shape(), kernel, stride, padding);
        int[] outShape = {g.batch(), g.channels(), g.outHeight(), g.outWidth()};
        int[] argmax = Buffers.ints(outShape[0] * outShape[1] * outShape[2] * outShape[3]);
        boolean[] shared = {false}; // whether a graph-creating backward recorded a node that reads argmax
        return Tensor.fromOp(Op.MAX_POOL2D, LinearAlgebra.maxPool(x.storage(), g, argmax), outShape,
                (saved, grad) -> {
                    Tensor dx = backward(grad, argmax, g);
                    if (GradMode.isEnabled()) {
                        shared[0] = true;
                    } else if (saved.lastUse() && !shared[0]) {
                        Buffers.recycle(argmax); // only this rule could read it, and it never runs again
                    }
                    return new Tensor[] {dx};
                }, x);
    }

    /** Records {@code dx[argmax[o]] += grad[o]} into zeros of the input's shape. */
    private static Tensor backward(Tensor grad, int[] argmax, ConvGeometry g) {
        int[] pooledShape = grad.shape();
        return Tensor.fromOp(Op.MAX_POOL2D_BACKWARD, LinearAlgebra.maxPoolBackward(grad.storage(), argmax, g),
                new int[] {g.batch(), g.channels(), g.height(), g.width()},
                (saved, gg) -> new Tensor[] {IndexMap.apply(Op.INDEX_GATHER, gg, argmax, pooledShape, 0)}, grad);
    }
}
