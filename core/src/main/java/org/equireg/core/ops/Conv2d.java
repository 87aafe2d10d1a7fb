package org.equireg.core.ops;

import org.equireg.core.Saved;
import org.equireg.core.Shapes;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.ConvGeometry;
import org.equireg.core.kernels.Convolution;
import org.equireg.core.kernels.LinearAlgebra;

/**
 * 2-D cross-correlation: {@code out[n, o] = b[o] + sum over c, ky, kx of W[o, c, ky, kx] x[n, c, ...]}.
 * Derivatives: {@code dW[g] = sum over n of G[n, g] cols(x[n, g])^T} (cols: the unfolded patches),
 * {@code dx} the adjoint of the forward map (at stride 1 a correlation of G with the flipped kernel,
 * otherwise {@code col2im(W[g]^T G[n, g])}), {@code db = sum over n, y, x of G}. The kernels are in
 * {@link Convolution}.
 * PyTorch: {@code torch.nn.functional.conv2d}.
 */
public final class Conv2d {
    private Conv2d() {
    }

    /**
     * Records the convolution of {@code x} (N, C, H, W) with {@code weight} (O, C / groups, kH, kW)
     * and optional {@code bias} (O).
     */
    public static Tensor apply(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        Forward f = Forward.of(x, weight, bias, stride, padding, dilation, groups);
        int count = f.inputs().length;
        ConvGeometry g = f.geometry();
        return Tensor.fromOp(Op.CONV2D, f.values(), f.outShape(), (saved, grad) -> gradients(saved, grad, count, g,
                groups), f.inputs());
    }

    /**
     * The validated operands and the convolution's values, before an op records them: {@link #apply}
     * as it is, {@link Conv2dActivation} after its activation ran over {@code values} in place.
     */
    record Forward(Storage values, int[] outShape, Tensor[] inputs, ConvGeometry geometry) {
        static Forward of(Tensor x, Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
            ConvGeometry g = validate(x.shape(), weight.shape(), bias, stride, padding, dilation, groups);
            Operands.sameType("conv2d", x, weight, bias);
            int outChannels = weight.dim(0);
            int[] outShape = {g.batch(), outChannels, g.outHeight(), g.outWidth()};
            Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
            Storage values = LinearAlgebra.convolution(x.storage(), weight.storage(), bias == null ? null : bias.storage(),
                    g, outChannels, groups);
            return new Forward(values, outShape, inputs, g);
        }
    }

    /**
     * The rule: the gradients of x, the weight and (with {@code count} 3) the bias from the output's
     * gradient, each computed only when needed. {@link Conv2dActivation} applies it to its masked gradient.
     */
    static Tensor[] gradients(Saved saved, Tensor grad, int count, ConvGeometry g, int groups) {
        Tensor[] grads = new Tensor[count];
        if (saved.needsGrad(0)) {
            grads[0] = Conv2dBackward.input(grad, saved.input(1), g, groups);
        }
        if (saved.needsGrad(1)) {
            grads[1] = Conv2dBackward.weight(grad, saved.input(0), g, groups);
        }
        if (count == 3 && saved.needsGrad(2)) {
            grads[2] = Conv2dBackward.bias(grad, g);
        }
        return grads;
    }

    /** The convolution without bias at a known geometry (the derivatives of {@link Conv2dBackward} use it). */
    static Tensor apply(Tensor x, Tensor weight, ConvGeometry g, int groups) {
        return apply(x, weight, null, g.stride(), g.padding(), g.dilation(), groups);
    }

    /** The geometry of a valid call; throws naming {@code conv2d} and the values otherwise. */
    static ConvGeometry validate(int[] xs, int[] ws, Tensor bias, int stride, int padding, int dilation,
                                         int groups) {
        if (xs.length != 4 || ws.length != 4) {
            throw new IllegalArgumentException("conv2d: needs input (N, C, H, W) and weight (O, C/groups, kH, kW), got "
                    + Shapes.str(xs) + " and " + Shapes.str(ws));
        }
        if (stride < 1 || padding < 0 || dilation < 1 || groups < 1) {
            throw new IllegalArgumentException("conv2d: needs stride >= 1, padding >= 0, dilation >= 1, groups >= 1, got "
                    + "stride = " + stride + ", padding = " + padding + ", dilation = " + dilation + ", groups = " + groups);
        }
        if (xs[1] % groups != 0 || ws[0] % groups != 0 || ws[1] * groups != xs[1]) {
            throw new IllegalArgumentException("conv2d: input " + Shapes.str(xs) + " and weight " + Shapes.str(ws)
                    + " do not fit " + groups + " group(s): need C = weight[1] * groups and O divisible by groups");
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != ws[0])) {
            throw new IllegalArgumentException("conv2d: bias shape " + Shapes.str(bias.shape()) + " should be ["
                    + ws[0] + "]");
        }
        ConvGeometry g;
        try {
            g = new ConvGeometry(xs[0], xs[1], xs[2], xs[3], ws[2], ws[3], stride, padding, dilation);
        } catch (IllegalArgumentException tooLarge) {
            throw new IllegalArgumentException("conv2d: " + tooLarge.getMessage(), tooLarge);
        }
        if (g.outHeight() < 1 || g.outWidth() < 1) {
            throw new IllegalArgumentException("conv2d: kernel " + ws[2] + "x" + ws[3] + " with dilation " + dilation
                    + " and stride " + stride + " does not fit input " + Shapes.str(xs) + " padded by " + padding
                    + " (output " + g.outHeight() + "x" + g.outWidth() + ")");
        }
        return g;
    }
}
