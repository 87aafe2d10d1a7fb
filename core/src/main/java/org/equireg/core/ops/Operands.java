package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.kernels.Movement;
import org.equireg.core.Storage;

/** Operand preparation shared by the ops: type promotion, type agreement, broadcasting. */
final class Operands {
    private Operands() {
    }

    /** The values of {@code tensor} repeated to fill {@code shape} (its own storage when nothing repeats). */
    static Storage expanded(Tensor tensor, int[] shape) {
        return Movement.expand(tensor.storage(), tensor.shape(), shape);
    }

    /** {@code tensor} converted to the type it and {@code other} promote to (PyTorch's promotion). */
    static Tensor promoted(Tensor tensor, Tensor other) {
        return tensor.to(DType.resultType(tensor, other));
    }

    /** The common type of the operands (nulls skipped); throws naming every operand's type when they differ. */
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
