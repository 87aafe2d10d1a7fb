package org.equireg.spark.parallel;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * One task's objective and gradients seen as a single vector cut into {@code ranks} contiguous
 * slices, one per rank, for {@link SliceAllReduce}.
 *
 * <p>The vector is the objective (float64) followed by every parameter that has a gradient, in the
 * optimizer's order, each element in its gradient's own type (so a slice may hold float64 and
 * float32 elements). Slice {@code s} holds elements {@code [s E / N, (s + 1) E / N)} of the
 * {@code E} elements: sizes differ by at most one, and some are empty when {@code E < N}. A slice
 * travels as little-endian bytes (8 per float64 element, 4 per float32), after a header of one byte
 * per parameter saying whether the sender has its gradient, so that ranks whose shards reached
 * different parameters are caught instead of adding unrelated numbers.
 *
 * <p>The segments are the gradients' own buffers: {@link #sumSlice} and {@link #readSlice} write
 * into them, and the objective's sum is read back with {@link #objective}.
 */
final class GradientSlices {
    private final int ranks;
    private final byte[] presence;
    private final List<Tensor> gradients = new ArrayList<>();
    /** Each segment's values: the objective's {@code double[1]}, then the gradients' double[] or float[] buffers. */
    private final List<Object> segments = new ArrayList<>();
    /** Where each segment starts in the vector; one entry more, the vector's length. */
    private final long[] starts;

    /**
     * @param objective  this task's objective
     * @param parameters the optimizer's parameters, some holding this task's gradient
     * @param ranks      the number of slices (tasks)
     */
    GradientSlices(double objective, List<Tensor> parameters, int ranks) {
        this.ranks = ranks;
        this.presence = new byte[parameters.size()];
        segments.add(new double[] {objective});
        for (int index = 0; index < parameters.size(); index++) {
            Tensor grad = parameters.get(index).grad();
            if (grad != null) {
                presence[index] = 1;
                gradients.add(grad);
                segments.add(grad.dtype() == DType.FLOAT32 ? grad.floatBuffer() : grad.buffer());
            }
        }
        starts = new long[segments.size() + 1];
        for (int segment = 0; segment < segments.size(); segment++) {
            starts[segment + 1] = starts[segment] + length(segments.get(segment));
        }
    }

    /** Slice {@code slice} of this task's vector as a message: the presence header, then the values. */
    byte[] encode(int slice) {
        ByteBuffer buffer = ByteBuffer.allocate(presence.length + sliceBytes(slice)).order(ByteOrder.LITTLE_ENDIAN);
        buffer.put(presence);
        long from = sliceStart(slice);
        long to = sliceStart(slice + 1);
        for (int segment = 0; segment < segments.size(); segment++) {
            int begin = (int) (Math.max(from, starts[segment]) - starts[segment]);
            int end = (int) (Math.min(to, starts[segment + 1]) - starts[segment]);
            if (begin < end) {
                if (segments.get(segment) instanceof float[] values) {
                    buffer.asFloatBuffer().put(values, begin, end - begin);
                    buffer.position(buffer.position() + (end - begin) * Float.BYTES);
                } else {
                    buffer.asDoubleBuffer().put((double[]) segments.get(segment), begin, end - begin);
                    buffer.position(buffer.position() + (end - begin) * Double.BYTES);
                }
            }
        }
        return buffer.array();
    }

    /**
     * Replaces slice {@code slice} of this task's vector by the sum of every rank's piece of it,
     * added in rank order, {@code ((v_0 + v_1) + v_2) + ...}, element by element in the element's type.
     *
     * @param pieces every rank's {@link #encode encoded} slice {@code slice}, indexed by rank (this task's too)
     * @throws IllegalStateException when a rank's shard reached other parameters than this task's
     */
    void sumSlice(int slice, byte[][] pieces) {
        checkPresence(pieces);
        ByteBuffer[] buffers = new ByteBuffer[pieces.length];
        for (int rank = 0; rank < pieces.length; rank++) {
            if (pieces[rank].length != presence.length + sliceBytes(slice)) {
                throw new IllegalStateException("data-parallel step: rank " + rank + " sent " + pieces[rank].length + " bytes for slice " + slice
                        + ", expected " + (presence.length + sliceBytes(slice)));
            }
            buffers[rank] = ByteBuffer.wrap(pieces[rank]).order(ByteOrder.LITTLE_ENDIAN).position(presence.length);
        }
        long from = sliceStart(slice);
        long to = sliceStart(slice + 1);
        for (int segment = 0; segment < segments.size(); segment++) {
            int begin = (int) (Math.max(from, starts[segment]) - starts[segment]);
            int end = (int) (Math.min(to, starts[segment + 1]) - starts[segment]);
            if (begin < end) {
                if (segments.get(segment) instanceof float[] values) {
                    sumFloats(buffers, values, begin, end - begin);
                } else {
                    sumDoubles(buffers, (double[]) segments.get(segment), begin, end - begin);
                }
            }
        }
        bumpVersions();
    }

    /**
     * Copies slice {@code slice} of the summed vector, as its owner {@link #encode encoded} it after its
     * {@link #sumSlice}, into this task's vector.
     */
    void readSlice(int slice, byte[] piece) {
        if (piece.length != presence.length + sliceBytes(slice)) {
            throw new IllegalStateException("data-parallel step: the sum of slice " + slice + " came as " + piece.length + " bytes, expected "
                    + (presence.length + sliceBytes(slice)));
        }
        ByteBuffer buffer = ByteBuffer.wrap(piece).order(ByteOrder.LITTLE_ENDIAN).position(presence.length);
        long from = sliceStart(slice);
        long to = sliceStart(slice + 1);
        for (int segment = 0; segment < segments.size(); segment++) {
            int begin = (int) (Math.max(from, starts[segment]) - starts[segment]);
            int end = (int) (Math.min(to, starts[segment + 1]) - starts[segment]);
            if (begin < end) {
                if (segments.get(segment) instanceof float[] values) {
                    buffer.asFloatBuffer().get(values, begin, end - begin);
                    buffer.position(buffer.position() + (end - begin) * Float.BYTES);
                } else {
                    buffer.asDoubleBuffer().get((double[]) segments.get(segment), begin, end - begin);
                    buffer.position(buffer.position() + (end - begin) * Double.BYTES);
                }
            }
        }
        bumpVersions();
    }

    /**
     * The objective's element of the vector. After the all-reduce it is {@code ((o_0 + o_1) + ...)};
     * adding it to 0.0 gives the same bits as {@code ((0.0 + o_0) + o_1) + ...}, the sum one process
     * forms, since starting from 0.0 only turns a -0.0 into +0.0, and that only while every term so
     * far is -0.0.
     */
    double objective() {
        return 0.0 + ((double[]) segments.get(0))[0];
    }

    /** The first element of slice {@code slice} ({@code slice == ranks}: the vector's length). */
    long sliceStart(int slice) {
        return slice * starts[starts.length - 1] / ranks;
    }

    private int sliceBytes(int slice) {
        long from = sliceStart(slice);
        long to = sliceStart(slice + 1);
        long bytes = 0;
        for (int segment = 0; segment < segments.size(); segment++) {
            long overlap = Math.min(to, starts[segment + 1]) - Math.max(from, starts[segment]);
            if (overlap > 0) {
                bytes += overlap * (segments.get(segment) instanceof float[] ? Float.BYTES : Double.BYTES);
            }
        }
        return Math.toIntExact(bytes);
    }

    private void checkPresence(byte[][] pieces) {
        for (int rank = 0; rank < pieces.length; rank++) {
            if (pieces[rank].length < presence.length || !Arrays.equals(pieces[rank], 0, presence.length, presence, 0, presence.length)) {
                throw new IllegalStateException("data-parallel step: parameter " + firstDifference(pieces) + " has a gradient on "
                        + countPresent(pieces, firstDifference(pieces)) + " of " + pieces.length
                        + " ranks; every shard's objective must reach the same parameters");
            }
        }
    }

    private int firstDifference(byte[][] pieces) {
        for (int index = 0; index < presence.length; index++) {
            for (byte[] piece : pieces) {
                if (piece.length <= index || piece[index] != presence[index]) {
                    return index;
                }
            }
        }
        return presence.length;
    }

    private static int countPresent(byte[][] pieces, int index) {
        int present = 0;
        for (byte[] piece : pieces) {
            present += piece.length > index ? piece[index] : 0;
        }
        return present;
    }

    private static void sumDoubles(ByteBuffer[] buffers, double[] sum, int offset, int length) {
        buffers[0].asDoubleBuffer().get(sum, offset, length);
        skip(buffers[0], length * Double.BYTES);
        double[] part = new double[length];
        for (int rank = 1; rank < buffers.length; rank++) {
            buffers[rank].asDoubleBuffer().get(part);
            skip(buffers[rank], length * Double.BYTES);
            for (int i = 0; i < length; i++) {
                sum[offset + i] += part[i];
            }
        }
    }

    private static void sumFloats(ByteBuffer[] buffers, float[] sum, int offset, int length) {
        buffers[0].asFloatBuffer().get(sum, offset, length);
        skip(buffers[0], length * Float.BYTES);
        float[] part = new float[length];
        for (int rank = 1; rank < buffers.length; rank++) {
            buffers[rank].asFloatBuffer().get(part);
            skip(buffers[rank], length * Float.BYTES);
            for (int i = 0; i < length; i++) {
                sum[offset + i] += part[i];
            }
        }
    }

    private static void skip(ByteBuffer buffer, int bytes) {
        buffer.position(buffer.position() + bytes);
    }

    private void bumpVersions() {
        for (Tensor grad : gradients) {
            grad.bumpVersion();
        }
    }

    private static int length(Object segment) {
        return segment instanceof float[] values ? values.length : ((double[]) segment).length;
    }
}
