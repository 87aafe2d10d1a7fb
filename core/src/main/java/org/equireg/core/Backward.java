package org.equireg.core;

/**
 * The derivative rule of one recorded op: maps the gradient of the op's output to the gradients of
 * its inputs (vector-Jacobian product).
 *
 * <p>It runs with grad mode off. It returns one entry per input, in order; an entry may be
 * {@code null} when that input does not require a gradient (check {@link Tensor#requiresGrad()} to
 * skip the work), and may have the op's output shape when the input was broadcast: the engine sums
 * it back to the input's shape. PyTorch: {@code torch.autograd.Function.backward}.
 */
@FunctionalInterface
public interface Backward {
    /**
     * @param gradOutput gradient of the loss with respect to the op's output, shaped like it. Not modified.
     * @return gradients with respect to the inputs, one per input
     */
    Tensor[] apply(Tensor gradOutput);
}
