package org.equireg.core.ops;

import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.LinearAlgebra;

/**
 * The three gradients of {@link Conv2d} as primitives of their own, so that a convolution can be
 * differentiated any number of times (PyTorch: {@code convolution_backward}, with its
 * {@code derivatives.yaml} entry). With y = conv(x, W) and G its gradient, each is linear in each
 * operand, and each Derivative is another convolution or gradient at the same geometry:
 * <ul>
 *   <li>{@code dx = inputGrad(G, W)}: d/dG of {@code <H, dx>} is {@code conv(H, W)}, d/dW is
 *       {@code weightGrad(G, H)};</li>
 *   <li>{@code dW = weightGrad(G, x)}: d/dG is {@code conv(x, H)}, d/dx is {@code inputGrad(G, H)};</li>
 *   <li>{@code db = sum of G over (n, y, x)}: d/dG is H broadcast back.</li>
 * </ul>
 */
final class Conv2dBackward {
    private Conv2dBackward() {
    }

    /** Records the input gradient {@code dx} (N, C, H, W) from the output gradient and the weight. */
    static Tensor input(Tensor grad, Tensor weight, ConvGeometry g, int groups) {
        int outChannels = weight.dim(0);
        int[] inShape = {g.batch(), g.channels(), g.height(), g.width()};
        return Tensor.fromOp(Op.CONV2D_BACKWARD_INPUT, LinearAlgebra.convolutionBackwardInput(grad.storage(),
                weight.storage(), g, outChannels, groups), inShape, (saved, gg) -> new Tensor[] {
                    saved.needsGrad(0) ? Conv2d.apply(gg, saved.input(1), g, groups) : null,
                    saved.needsGrad(1) ? weight(saved.input(0), gg, g, groups) : null}, grad, weight);
    }

    /** Records the weight gradient {@code dW} (O, C / groups, kH, kW) from the output gradient and the input. */
    static Tensor weight(Tensor grad, Tensor x, ConvGeometry g, int groups) {
        int outChannels = grad.dim(1);
        int[] weightShape = {outChannels, g.channels() / groups, g.kernelHeight(), g.kernelWidth()};
        return Tensor.fromOp(Op.CONV2D_BACKWARD_WEIGHT, LinearAlgebra.convolutionBackwardWeight(grad.storage(),
                x.storage(), g, outChannels, groups), weightShape, (saved, gg) -> new Tensor[] {
                    saved.needsGrad(0) ? Conv2d.apply(saved.input(1), gg, g, groups) : null,
                    saved.needsGrad(1) ? input(saved.input(0), gg, g, groups) : null}, grad, x);
    }

    /** Records the bias gradient {@code db} (O): the output gradient summed over batch and pixels. */
    static Tensor bias(Tensor grad, ConvGeometry g) {
        int outChannels = grad.dim(1);
        int[] gradShape = grad.shape();
        return Tensor.fromOp(Op.CONV2D_BACKWARD_BIAS, LinearAlgebra.convolutionBackwardBias(grad.storage(), g,
                outChannels), new int[] {outChannels},
                (saved, gg) -> new Tensor[] {gg.reshape(1, outChannels, 1, 1).broadcastTo(gradShape)}, grad);
    }
}
