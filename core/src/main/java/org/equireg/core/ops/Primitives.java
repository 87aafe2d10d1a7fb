package org.equireg.core.ops;

import java.util.List;

/**
 * The whole differentiable surface in one place: every primitive with a hand-written backward.
 * Everything else in {@link org.equireg.core.Tensor} (sigmoid aside, see {@link Sigmoid}) is
 * composed from these: mean, min, minimum, softmax, logSoftmax, logSumExp, leakyRelu, softplus,
 * transpose, squeeze, unsqueeze, flatten, stack, rot90, and 1-D matmul promotion.
 */
public final class Primitives {
    private Primitives() {
    }

    /** Elementwise binary ops, broadcast. */
    public static final List<Class<?>> BINARY = List.of(Add.class, Sub.class, Mul.class, Div.class, Maximum.class,
            Where.class);
    /** Elementwise unary ops. */
    public static final List<Class<?>> UNARY = List.of(Neg.class, Exp.class, Log.class, Log1p.class, Sqrt.class,
            Abs.class, Tanh.class, Sigmoid.class, Relu.class, Pow.class, Clamp.class);
    /** Reductions, and the scan cumsum. */
    public static final List<Class<?>> REDUCTIONS = List.of(Sum.class, Max.class, Norm.class, CumSum.class);
    /** Ops that move values without arithmetic; all but reshape and concat are {@link IndexMap} gathers. */
    public static final List<Class<?>> MOVEMENT = List.of(Reshape.class, Permute.class, BroadcastTo.class,
            Concat.class, Slice.class, IndexSelect.class, Gather.class, Pad.class, Roll.class, Flip.class);
    /** Conversion between element types. */
    public static final List<Class<?>> CONVERSION = List.of(Cast.class);
    /** Fused linear-algebra and image ops. */
    public static final List<Class<?>> FUSED = List.of(MatMul.class, Linear.class, Conv2d.class, MaxPool2d.class,
            AvgPool2d.class);
}
