package org.equireg.core.ops;

import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Sum of all elements or along one axis. Derivative: 1 for every summed element (the gradient is
 * broadcast back). PyTorch: {@code torch.sum}.
 */
public final class Sum {
    private Sum() {
    }

    /** Records {@code sum(x)}, a scalar. */
    public static Tensor all(Tensor x) {
        if (x.dtype() == DType.FLOAT32) {
            return allFloat32(x);
        }
        double total = 0;
        for (double value : x.buffer()) {
            total += value;
        }
        int[] shape = x.shape();
        return Tensor.fromOp("sum", new double[] {total}, new int[0], grad -> new Tensor[] {grad.broadcastTo(shape)}, x);
    }

    /** Records {@code sum(x, axis, keepDim)}. */
    public static Tensor axis(Tensor x, int axis, boolean keepDim) {
        int[] shape = x.shape();
        int a = Shapes.normalizeAxis("sum", axis, shape.length);
        int outer = Shapes.outer(shape, a);
        int length = shape[a];
        int inner = Shapes.inner(shape, a);
        if (x.dtype() == DType.FLOAT32) {
            return axisFloat32(x, a, keepDim);
        }
        double[] in = x.buffer();
        double[] out = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < length; k++) {
                int from = (o * length + k) * inner;
                int to = o * inner;
                for (int i = 0; i < inner; i++) {
                    out[to + i] += in[from + i];
                }
            }
        }
        int[] kept = Shapes.reduce(shape, a, true);
        return Tensor.fromOp("sum", out, Shapes.reduce(shape, a, keepDim),
                grad -> new Tensor[] {grad.reshape(kept).broadcastTo(shape)}, x);
    }

    /*
     * float32 sums accumulate in double and round once: the result is then within one float ulp
     * of the exact sum whatever the length, where a float accumulator drifts by up to n ulps.
     */

    private static Tensor allFloat32(Tensor x) {
        double total = 0;
        for (float value : x.floatBuffer()) {
            total += value;
        }
        int[] shape = x.shape();
        return Tensor.fromOp("sum", new float[] {(float) total}, new int[0],
                grad -> new Tensor[] {grad.broadcastTo(shape)}, x);
    }

    private static Tensor axisFloat32(Tensor x, int a, boolean keepDim) {
        int[] shape = x.shape();
        int outer = Shapes.outer(shape, a);
        int length = shape[a];
        int inner = Shapes.inner(shape, a);
        float[] in = x.floatBuffer();
        double[] sums = new double[outer * inner];
        for (int o = 0; o < outer; o++) {
            for (int k = 0; k < length; k++) {
                int from = (o * length + k) * inner;
                int to = o * inner;
                for (int i = 0; i < inner; i++) {
                    sums[to + i] += in[from + i];
                }
            }
        }
        float[] out = new float[sums.length];
        for (int i = 0; i < out.length; i++) {
            out[i] = (float) sums[i];
        }
        int[] kept = Shapes.reduce(shape, a, true);
        return Tensor.fromOp("sum", out, Shapes.reduce(shape, a, keepDim),
                grad -> new Tensor[] {grad.reshape(kept).broadcastTo(shape)}, x);
    }
}
