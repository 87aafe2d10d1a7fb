package org.equireg.core;

/**
 * The derivative rule of a primitive: maps the gradient of its output to the gradients of its
 * inputs (the vector-Jacobian product), as a formula over {@link Tensor} operations. PyTorch:
 * an entry of {@code derivatives.yaml}, such as {@code self: grad * result} for exp.
 *
 * <p>A rule reads the tensors it needs through {@link Saved}, never from variables captured at the
 * forward pass: reading through {@code Saved} is what checks them for writes in place, so what a
 * rule saves follows from its formula. Because the formula is made of differentiable ops, the
 * engine runs it with grad mode on when asked to create a graph, and the gradients it returns can be
 * differentiated again, to any order. A rule must therefore never loop over arrays itself: a fused
 * backward computation is a primitive of its own, with its own rule (as {@code convolution_backward}
 * is in PyTorch).
 *
 * <p>It returns one entry per input, in order. An entry may be {@code null} when
 * {@link Saved#needsGrad(int)} is false for that input, or when the derivative is zero everywhere
 * (the engine then treats it as zeros); it may have the output's shape where the input was
 * broadcast, and the engine sums it back to the input's shape.
 */
@FunctionalInterface
public interface Derivative {
    /**
     * @param saved the op's inputs and output, checked for writes in place when read
     * @param grad gradient of the loss with respect to the op's output, shaped like it. Not modified.
     * @return gradients with respect to the inputs, one per input
     */
    Tensor[] apply(Saved saved, Tensor grad);
}
