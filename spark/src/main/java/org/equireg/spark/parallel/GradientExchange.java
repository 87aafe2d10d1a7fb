package org.equireg.spark.parallel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.List;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * The message each task sends per step through {@link Transport#ALL_GATHER}, and the rank-order sum
 * of all of them.
 *
 * <p>A message is little-endian bytes: the shard's objective value (float64), then for each
 * parameter a presence byte and, when present, its gradient in the parameter's own type (8 bytes per
 * float64 element, 4 per float32). Through the barrier's all-gather, which carries strings, it goes
 * as Base64, a third longer.
 */
final class GradientExchange {
    private GradientExchange() {
    }

    /** This task's objective value and its parameters' gradients as a message. */
    static byte[] encode(double objective, List<Tensor> parameters) {
        int bytes = Double.BYTES;
        for (Tensor parameter : parameters) {
            bytes += 1 + (parameter.grad() == null ? 0 : parameter.size() * elementBytes(parameter));
        }
        ByteBuffer buffer = ByteBuffer.allocate(bytes).order(ByteOrder.LITTLE_ENDIAN);
        buffer.putDouble(objective);
        for (Tensor parameter : parameters) {
            Tensor grad = parameter.grad();
            buffer.put((byte) (grad == null ? 0 : 1));
            if (grad != null) {
                if (parameter.dtype() == DType.FLOAT32) {
                    buffer.asFloatBuffer().put(grad.floatBuffer());
                } else {
                    buffer.asDoubleBuffer().put(grad.buffer());
                }
                buffer.position(buffer.position() + parameter.size() * elementBytes(parameter));
            }
        }
        return buffer.array();
    }

    /**
     * Replaces each parameter's gradient by the sum of every message's gradient, added in rank order
     * ({@code ((g_0 + g_1) + g_2) + ...}, element by element, in the parameter's type), and returns
     * the sum of the objectives in the same order.
     *
     * @param messages   one per rank, in rank order (not modified)
     * @param parameters the parameters, each holding this task's gradient (its buffer is overwritten)
     * @throws IllegalStateException when a parameter has a gradient on some ranks but not all
     */
    static double sumInto(byte[][] messages, List<Tensor> parameters) {
        ByteBuffer[] buffers = new ByteBuffer[messages.length];
        double objective = 0;
        for (int rank = 0; rank < messages.length; rank++) {
            buffers[rank] = ByteBuffer.wrap(messages[rank]).order(ByteOrder.LITTLE_ENDIAN);
            objective += buffers[rank].getDouble();
        }
        for (int index = 0; index < parameters.size(); index++) {
            Tensor parameter = parameters.get(index);
            int present = 0;
            for (ByteBuffer buffer : buffers) {
                present += buffer.get();
            }
            if (present == 0) {
                continue;
            }
            if (present != messages.length || parameter.grad() == null) {
                throw new IllegalStateException("data-parallel step: parameter " + index + " " + java.util.Arrays.toString(parameter.shape())
                        + " has a gradient on " + present + " of " + messages.length + " ranks; every shard's objective must reach the same parameters");
            }
            if (parameter.dtype() == DType.FLOAT32) {
                sumFloats(buffers, parameter.grad().floatBuffer());
            } else {
                sumDoubles(buffers, parameter.grad().buffer());
            }
            parameter.grad().bumpVersion();
        }
        return objective;
    }

    private static void sumDoubles(ByteBuffer[] buffers, double[] sum) {
        buffers[0].asDoubleBuffer().get(sum);
        skip(buffers[0], sum.length * Double.BYTES);
        double[] part = new double[sum.length];
        for (int rank = 1; rank < buffers.length; rank++) {
            buffers[rank].asDoubleBuffer().get(part);
            skip(buffers[rank], part.length * Double.BYTES);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += part[i];
            }
        }
    }

    private static void sumFloats(ByteBuffer[] buffers, float[] sum) {
        buffers[0].asFloatBuffer().get(sum);
        skip(buffers[0], sum.length * Float.BYTES);
        float[] part = new float[sum.length];
        for (int rank = 1; rank < buffers.length; rank++) {
            buffers[rank].asFloatBuffer().get(part);
            skip(buffers[rank], part.length * Float.BYTES);
            for (int i = 0; i < sum.length; i++) {
                sum[i] += part[i];
            }
        }
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    private static int elementBytes(Tensor parameter) {
        return parameter.dtype() == DType.FLOAT32 ? Float.BYTES : Double.BYTES;
    }
}
