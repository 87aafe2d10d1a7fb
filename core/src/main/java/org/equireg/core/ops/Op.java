package org.equireg.core.ops;

import org.equireg.core.Primitive;

/**
 * The whole differentiable surface in one place: every primitive of the engine, each recorded in
 * the graph under its constant and differentiated by the one rule in its class. Everything else in
 * {@link org.equireg.core.Tensor} is composed from these: mean, min, minimum, softmax, logSoftmax,
 * logSumExp, leakyRelu, softplus, transpose, squeeze, unsqueeze, flatten, stack, rot90, and 1-D
 * matmul promotion.
 *
 * <p>{@link #LINEAR_ACTIVATION} and {@link #CONV2D_ACTIVATION} are a layer and the activation after
 * it in one op (one output buffer, one node, no saved pre-activation), giving the bits of the two ops
 * apart; {@code nn.Sequential} records them for a Linear or Conv2d followed by ReLU, Tanh or Sigmoid.
 *
 * <p>The {@link Kind#BACKWARD} primitives are the fused kernels that first-order backward passes
 * call (relu', tanh', the convolution's gradients, ...): primitives with rules of their own, as
 * PyTorch's {@code convolution_backward} is, so that every gradient can be differentiated again.
 */
public enum Op implements Primitive {
    ADD("add", Kind.BINARY, Add.class),
    SUB("sub", Kind.BINARY, Sub.class),
    MUL("mul", Kind.BINARY, Mul.class),
    DIV("div", Kind.BINARY, Div.class),
    MAXIMUM("maximum", Kind.BINARY, Maximum.class),
    WHERE("where", Kind.BINARY, Where.class),
    NEG("neg", Kind.UNARY, Neg.class),
    EXP("exp", Kind.UNARY, Exp.class),
    LOG("log", Kind.UNARY, Log.class),
    LOG1P("log1p", Kind.UNARY, Log1p.class),
    SQRT("sqrt", Kind.UNARY, Sqrt.class),
    ABS("abs", Kind.UNARY, Abs.class),
    TANH("tanh", Kind.UNARY, Tanh.class),
    SIGMOID("sigmoid", Kind.UNARY, Sigmoid.class),
    RELU("relu", Kind.UNARY, Relu.class),
    POW("pow", Kind.UNARY, Pow.class),
    CLAMP("clamp", Kind.UNARY, Clamp.class),
    SUM("sum", Kind.REDUCTION, Sum.class),
    MAX("max", Kind.REDUCTION, Max.class),
    NORM("norm", Kind.REDUCTION, Norm.class),
    CUMSUM("cumsum", Kind.REDUCTION, CumSum.class),
    SUM_TO("sumTo", Kind.REDUCTION, SumTo.class),
    RESHAPE("reshape", Kind.MOVEMENT, Reshape.class),
    PERMUTE("permute", Kind.MOVEMENT, Permute.class),
    BROADCAST_TO("broadcastTo", Kind.MOVEMENT, BroadcastTo.class),
    CONCAT("concat", Kind.MOVEMENT, Concat.class),
    SLICE("slice", Kind.MOVEMENT, Slice.class),
    INDEX_SELECT("indexSelect", Kind.MOVEMENT, IndexSelect.class),
    GATHER("gather", Kind.MOVEMENT, Gather.class),
    PAD("pad", Kind.MOVEMENT, Pad.class),
    ROLL("roll", Kind.MOVEMENT, Roll.class),
    FLIP("flip", Kind.MOVEMENT, Flip.class),
    ROT90("rot90", Kind.MOVEMENT, Rot90.class),
    INDEX_GATHER("indexGather", Kind.MOVEMENT, IndexMap.class),
    INDEX_SCATTER("indexScatter", Kind.MOVEMENT, IndexMap.class),
    CAST("cast", Kind.CONVERSION, Cast.class),
    MATMUL("matmul", Kind.FUSED, MatMul.class),
    LINEAR("linear", Kind.FUSED, Linear.class),
    CONV2D("conv2d", Kind.FUSED, Conv2d.class),
    LINEAR_ACTIVATION("linearActivation", Kind.FUSED, LinearActivation.class),
    CONV2D_ACTIVATION("conv2dActivation", Kind.FUSED, Conv2dActivation.class),
    MAX_POOL2D("maxPool2d", Kind.FUSED, MaxPool2d.class),
    AVG_POOL2D("avgPool2d", Kind.FUSED, AvgPool2d.class),
    RELU_BACKWARD("reluBackward", Kind.BACKWARD, Relu.class),
    TANH_BACKWARD("tanhBackward", Kind.BACKWARD, Tanh.class),
    SIGMOID_BACKWARD("sigmoidBackward", Kind.BACKWARD, Sigmoid.class),
    CONV2D_BACKWARD_INPUT("conv2dBackwardInput", Kind.BACKWARD, Conv2dBackward.class),
    CONV2D_BACKWARD_WEIGHT("conv2dBackwardWeight", Kind.BACKWARD, Conv2dBackward.class),
    CONV2D_BACKWARD_BIAS("conv2dBackwardBias", Kind.BACKWARD, Conv2dBackward.class),
    MAX_POOL2D_BACKWARD("maxPool2dBackward", Kind.BACKWARD, MaxPool2d.class),
    AVG_POOL2D_BACKWARD("avgPool2dBackward", Kind.BACKWARD, AvgPool2d.class);

    /** The families of primitives. */
    public enum Kind {
        /** Elementwise with two (or three) operands, broadcast. */
        BINARY,
        /** Elementwise with one operand. */
        UNARY,
        /** Reductions, and the scan cumsum. */
        REDUCTION,
        /** Ops that move values without arithmetic. */
        MOVEMENT,
        /** Conversion between element types. */
        CONVERSION,
        /** Fused linear-algebra and image ops. */
        FUSED,
        /** Fused backward kernels, differentiable in turn. */
        BACKWARD
    }

    private final String opName;
    private final Kind kind;
    private final Class<?> ruleClass;

    Op(String opName, Kind kind, Class<?> ruleClass) {
        this.opName = opName;
        this.kind = kind;
        this.ruleClass = ruleClass;
    }

    @Override
    public String opName() {
        return opName;
    }

    /** The family this primitive belongs to. */
    public Kind kind() {
        return kind;
    }

    /** The class that holds this primitive's forward and derivative rule. */
    public Class<?> ruleClass() {
        return ruleClass;
    }
}
