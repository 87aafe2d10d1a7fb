package org.equireg.core.ops;

import java.util.Arrays;
import org.equireg.core.Saved;
import org.equireg.core.Shapes;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.LinearAlgebra;

/**
 * The affine map of a dense layer, {@code y = x W^T + b} over the last axis: input (..., in), weight
 * (out, in), optional bias (out), output (..., out). One matrix product with W read transposed in place,
 * each output element one fma chain started from its bias. Derivatives, with the input flattened to
 * (rows, in) and G the (rows, out) output gradient: {@code dX = G W}, {@code dW = G^T X},
 * {@code db = sum over rows of G}. PyTorch: {@code torch.nn.functional.linear}.
 */
public final class Linear {
    private Linear() {
    }

    /** Records {@code x W^T + b}; {@code bias} may be null. */
    public static Tensor apply(Tensor x, Tensor weight, Tensor bias) {
        Forward f = Forward.of(x, weight, bias);
        int count = f.inputs().length;
        int[] xs = f.inputShape();
        int outFeatures = f.outFeatures();
        return Tensor.fromOp(Op.LINEAR, f.values(), f.outShape(), (saved, grad) -> gradients(saved, grad, count, xs,
                outFeatures), f.inputs());
    }

    /**
     * The validated operands and the product's values, before an op records them: {@link #apply} as
     * it is, {@link LinearActivation} after its activation ran over {@code values} in place.
     */
    record Forward(Storage values, int[] outShape, Tensor[] inputs, int[] inputShape, int outFeatures) {
        static Forward of(Tensor x, Tensor weight, Tensor bias) {
            validate(x, weight, bias);
            Operands.sameType("linear", x, weight, bias);
            int[] xs = x.shape();
            int outFeatures = weight.dim(0);
            int rows = Shapes.size(Arrays.copyOf(xs, xs.length - 1));
            int[] outShape = xs.clone();
            outShape[xs.length - 1] = outFeatures;
            Tensor[] inputs = bias == null ? new Tensor[] {x, weight} : new Tensor[] {x, weight, bias};
            Storage values = LinearAlgebra.linear(x.storage(), weight.storage(), bias == null ? null : bias.storage(),
                    rows, weight.dim(1), outFeatures);
            return new Forward(values, outShape, inputs, xs, outFeatures);
        }
    }

    /**
     * The rule: the gradients of x (shape {@code xs}), the weight (out, in) and (with
     * {@code count} 3) the bias from the output's gradient, each computed only when needed.
     * {@link LinearActivation} applies it to its activation's gradient.
     */
    static Tensor[] gradients(Saved saved, Tensor grad, int count, int[] xs, int outFeatures) {
        int inFeatures = xs[xs.length - 1];
        int rows = Shapes.size(Arrays.copyOf(xs, xs.length - 1));
        Tensor g = grad.reshape(rows, outFeatures);
        Tensor[] grads = new Tensor[count];
        if (saved.needsGrad(0)) {
            grads[0] = MatMul.product(g, false, saved.input(1), false).reshape(xs);
        }
        if (saved.needsGrad(1)) {
            grads[1] = MatMul.product(g, true, saved.input(0).reshape(rows, inFeatures), false);
        }
        if (count == 3 && saved.needsGrad(2)) {
            grads[2] = g.sum(0, false);
        }
        return grads;
    }

    /** Throws naming {@code linear} and the shapes when they do not fit. */
    static void validate(Tensor x, Tensor weight, Tensor bias) {
        if (weight == null) {
            throw new IllegalArgumentException("linear: weight is null");
        }
        if (x.rank() < 1 || weight.rank() != 2) {
            throw new IllegalArgumentException("linear: needs input (..., in) and weight (out, in), got input "
                    + Shapes.str(x.shape()) + " and weight " + Shapes.str(weight.shape()));
        }
        int inFeatures = weight.dim(1);
        if (x.dim(x.rank() - 1) != inFeatures) {
            throw new IllegalArgumentException("linear: input " + Shapes.str(x.shape()) + " has " + x.dim(x.rank() - 1)
                    + " features, weight " + Shapes.str(weight.shape()) + " expects " + inFeatures);
        }
        if (bias != null && (bias.rank() != 1 || bias.dim(0) != weight.dim(0))) {
            throw new IllegalArgumentException("linear: bias " + Shapes.str(bias.shape()) + " should be ["
                    + weight.dim(0) + "] for weight " + Shapes.str(weight.shape()));
        }
    }
}
