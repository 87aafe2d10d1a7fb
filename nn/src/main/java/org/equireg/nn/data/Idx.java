package org.equireg.nn.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.file.Path;
import java.util.Arrays;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * Reads the IDX format of the MNIST files ({@code train-images-idx3-ubyte} and friends), gzipped
 * (recognised by its magic bytes, whatever the name) or raw, into a float64 tensor of the stored
 * values, unscaled: MNIST images come back as {@code (count, 28, 28)} with values 0..255, labels as
 * {@code (count)}.
 *
 * <p>The format (LeCun, Cortes, Burges, http://yann.lecun.com/exdb/mnist/): two zero bytes, a type
 * byte ({@code 0x08} unsigned byte, {@code 0x09} signed byte, {@code 0x0B} int16, {@code 0x0C}
 * int32, {@code 0x0D} float32, {@code 0x0E} float64), a rank byte, the rank sizes as big-endian
 * int32, then the values, big-endian, row-major.
 *
 * <p>Hostile files are safe: the header is checked (magic, type, rank 1..{@value #MAX_RANK},
 * non-negative sizes whose product fits a tensor) before any allocation, and the payload buffer
 * grows only with the bytes that actually arrive, so a header that claims gigabytes in a small
 * file costs nothing. A file whose payload is shorter or longer than the header says is refused.
 *
 * <pre>{@code
 * Tensor images = Idx.read(Path.of("data/mnist10k-images-idx3-ubyte.gz")).div(255);   // (10000, 28, 28)
 * Tensor labels = Idx.read(Path.of("data/mnist10k-labels-idx1-ubyte.gz"));            // (10000)
 * }</pre>
 */
public final class Idx {
    /** The largest rank accepted; MNIST uses 1 and 3. */
    public static final int MAX_RANK = 8;
    private static final int CHUNK = 1 << 16;

    private Idx() {
    }

    /**
     * The values of an IDX file as a tensor of its shape.
     *
     * @throws IOException when the file cannot be read or is not a well-formed IDX file; the message
     *     names the file and the problem (bad magic, unknown type, bad rank or size, truncated payload,
     *     trailing bytes, corrupt gzip)
     */
    public static Tensor read(Path path) throws IOException {
        if (path == null) {
            throw new IllegalArgumentException("Idx.read: path is null");
        }
        try (InputStream in = new BufferedInputStream(GzipStream.open(path))) {
            return parse(in, path.toString());
        }
    }

    private static Tensor parse(InputStream in, String source) throws IOException {
        byte[] magic = readFully(in, 4, source, "the 4-byte magic number");
        if (magic[0] != 0 || magic[1] != 0) {
            throw new IOException(source + ": not an IDX file: the magic number starts with bytes "
                    + (magic[0] & 0xff) + ", " + (magic[1] & 0xff) + " instead of 0, 0");
        }
        ElementType type = ElementType.of(magic[2] & 0xff, source);
        int rank = magic[3] & 0xff;
        if (rank < 1 || rank > MAX_RANK) {
            throw new IOException(source + ": IDX rank " + rank + " is outside 1.." + MAX_RANK);
        }
        ByteBuffer header = ByteBuffer.wrap(readFully(in, 4 * rank, source, "the " + rank + " dimension sizes"));
        int[] shape = new int[rank];
        for (int axis = 0; axis < rank; axis++) {
            shape[axis] = header.getInt();
            if (shape[axis] < 0) {
                throw new IOException(source + ": IDX size of dimension " + axis + " is negative: " + shape[axis]);
            }
        }
        // Every merge of trailing dimensions must fit an int too: a loader flattens (count, 28, 28) to
        // (count, 784), and [0, 65536, 65536] holds no value but cannot be flattened so.
        long count = Shapes.product(shape, 0, rank);
        long perItem = Shapes.product(shape, 1, rank);
        if (count > Shapes.MAX_SIZE || perItem > Integer.MAX_VALUE) {
            throw new IOException(source + ": IDX sizes " + Arrays.toString(shape) + " do not fit a tensor: "
                    + amount(count) + " values in all (at most " + Shapes.MAX_SIZE + ") and " + amount(perItem)
                    + " per item (at most " + Integer.MAX_VALUE + ")");
        }
        long expectedBytes = count * type.bytes;
        byte[] payload = readPayload(in, expectedBytes, source, shape, type);
        if (in.read() >= 0) {
            throw new IOException(source + ": trailing bytes after the " + expectedBytes + "-byte payload of shape "
                    + Arrays.toString(shape) + " (" + type + ")");
        }
        return Tensor.wrap(type.decode(payload, (int) count), shape);
    }

    private static String amount(long product) {
        return product == Long.MAX_VALUE ? "more than 2^63" : Long.toString(product);
    }

    /** Exactly {@code expected} bytes, growing the buffer only as bytes arrive. */
    private static byte[] readPayload(InputStream in, long expected, String source, int[] shape, ElementType type)
            throws IOException {
        if (expected > Integer.MAX_VALUE - 8) {
            throw new IOException(source + ": IDX payload of shape " + Arrays.toString(shape) + " (" + type + ") needs "
                    + expected + " bytes, more than an array holds");
        }
        byte[] buffer = new byte[(int) Math.min(expected, CHUNK)];
        int filled = 0;
        while (filled < expected) {
            if (filled == buffer.length) {
                buffer = Arrays.copyOf(buffer, (int) Math.min(expected, 2L * buffer.length));
            }
            int read = in.read(buffer, filled, buffer.length - filled);
            if (read < 0) {
                throw new IOException(source + ": truncated IDX payload: the header's shape " + Arrays.toString(shape)
                        + " (" + type + ") needs " + expected + " bytes, the file holds " + filled);
            }
            filled += read;
        }
        return buffer;
    }

    private static byte[] readFully(InputStream in, int length, String source, String what) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException(source + ": truncated IDX header: " + what + " needs " + length + " bytes, the file holds "
                    + bytes.length);
        }
        return bytes;
    }

    /** The element types of the format, by their type byte. */
    private enum ElementType {
        UNSIGNED_BYTE(0x08, 1), SIGNED_BYTE(0x09, 1), INT16(0x0B, 2), INT32(0x0C, 4), FLOAT32(0x0D, 4), FLOAT64(0x0E, 8);

        private final int code;
        private final int bytes;

        ElementType(int code, int bytes) {
            this.code = code;
            this.bytes = bytes;
        }

        static ElementType of(int code, String source) throws IOException {
            for (ElementType type : values()) {
                if (type.code == code) {
                    return type;
                }
            }
            throw new IOException(source + ": unknown IDX element type 0x" + Integer.toHexString(code)
                    + "; expected 0x08, 0x09, 0x0b, 0x0c, 0x0d or 0x0e");
        }

        double[] decode(byte[] payload, int count) {
            double[] values = new double[count];
            ByteBuffer big = ByteBuffer.wrap(payload); // big-endian by default, as IDX
            for (int i = 0; i < count; i++) {
                values[i] = switch (this) {
                    case UNSIGNED_BYTE -> payload[i] & 0xff;
                    case SIGNED_BYTE -> payload[i];
                    case INT16 -> big.getShort();
                    case INT32 -> big.getInt();
                    case FLOAT32 -> big.getFloat();
                    case FLOAT64 -> big.getDouble();
                };
            }
            return values;
        }

        @Override
        public String toString() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ') + " elements";
        }
    }
}
