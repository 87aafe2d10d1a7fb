package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Broadcast;
import org.equireg.core.kernels.BroadcastF32;

/** Reading op inputs as flat arrays of a common broadcast shape and a common element type. */
final class Operands {
    private Operands() {
    }

    /** The values of a float64 {@code tensor} repeated to {@code shape} (its own buffer when no repetition is needed). */
    static double[] expanded(Tensor tensor, int[] shape) {
        return Broadcast.expand(tensor.buffer(), tensor.shape(), shape);
    }

    /** {@link #expanded} for a float32 tensor. */
    static float[] expandedF32(Tensor tensor, int[] shape) {
        return BroadcastF32.expand(tensor.floatBuffer(), tensor.shape(), shape);
    }

    /** The gradient of a one-input op, wrapped for {@link org.equireg.core.Backward}. */
    static Tensor[] single(double[] gradient, int[] shape) {
        return new Tensor[] {Tensor.wrap(gradient, shape)};
    }

    /** {@link #single(double[], int[])} for float32. */
    static Tensor[] single(float[] gradient, int[] shape) {
        return new Tensor[] {Tensor.wrap(gradient, shape)};
    }

    /** {@code tensor} converted to the type {@code op} computes in with {@code other} (PyTorch's promotion). */
    static Tensor promoted(Tensor tensor, Tensor other) {
        return tensor.to(DType.resultType(tensor, other));
    }

    /**
     * Checks that the operands of a linear-algebra op share one type: like PyTorch, matmul, linear and
     * conv2d do not promote, so a float64 batch fed to a float32 model fails here instead of silently
     * computing in float64.
     */
    static DType sameType(String op, Tensor... operands) {
        DType dtype = operands[0].dtype();
        for (Tensor operand : operands) {
            if (operand != null && operand.dtype() != dtype) {
                StringBuilder types = new StringBuilder();
                for (Tensor each : operands) {
                    if (each != null) {
                        types.append(types.length() == 0 ? "" : ", ").append(each.dtype()).append(' ')
                                .append(Shapes.str(each.shape()));
                    }
                }
                throw new IllegalArgumentException(op + ": operands must have one dtype, got " + types
                        + "; convert with to(DType)");
            }
        }
        return dtype;
    }
}
