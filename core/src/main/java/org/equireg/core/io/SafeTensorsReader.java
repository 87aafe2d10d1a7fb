package org.equireg.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.CoderResult;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;

/**
 * Reads a safetensors file through a {@link FileChannel}, validating before allocating: the header
 * length against the limit and the file size, the header against the data section, and the total
 * decoded size against the limit and the heap. The data section is read once, in fixed-size chunks
 * converted straight into each tensor's float64 array; the file is never read into memory whole.
 */
public final class SafeTensorsReader {
    private static final int LENGTH_BYTES = 8;
    private static final int CHUNK_BYTES = 1 << 16;

    private SafeTensorsReader() {
    }

    /**
     * The tensors, in header order, and the metadata of the file at {@code path}.
     *
     * @throws MalformedSafeTensorsException naming the file and what is wrong with it
     * @throws IOException                   when the file cannot be read
     */
    public static SafeTensors.Contents read(Path path, ReadLimits limits) throws IOException {
        if (path == null || limits == null) {
            throw new IllegalArgumentException("SafeTensorsReader.read: path " + path + " and limits " + limits
                    + " must not be null");
        }
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.READ)) {
            return read(channel, limits);
        } catch (MalformedSafeTensorsException malformed) {
            throw new MalformedSafeTensorsException("malformed safetensors file " + path, malformed);
        }
    }

    private static SafeTensors.Contents read(FileChannel channel, ReadLimits limits) throws IOException {
        long fileSize = channel.size();
        int headerLength = readHeaderLength(channel, fileSize, limits);
        String json = decodeUtf8(readAt(channel, LENGTH_BYTES, ByteBuffer.allocate(headerLength)));
        long dataStart = LENGTH_BYTES + (long) headerLength;
        Header header = HeaderParser.parse(json, fileSize - dataStart);
        checkDecodedSize(header, limits);
        Map<TensorEntry, Tensor> values = readData(channel, dataStart, fileSize, header.tensors());
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (TensorEntry entry : header.tensors()) {
            tensors.put(entry.name(), values.get(entry));
        }
        return new SafeTensors.Contents(tensors, header.metadata());
    }

    private static int readHeaderLength(FileChannel channel, long fileSize, ReadLimits limits) throws IOException {
        if (fileSize < LENGTH_BYTES) {
            throw new MalformedSafeTensorsException("the file has " + fileSize + " bytes, fewer than the "
                    + LENGTH_BYTES + " of the header length");
        }
        ByteBuffer lengthBytes = readAt(channel, 0, ByteBuffer.allocate(LENGTH_BYTES));
        long headerLength = lengthBytes.order(ByteOrder.LITTLE_ENDIAN).getLong(0); // unsigned in the format
        if (headerLength < 0 || headerLength > limits.maxHeaderBytes()) {
            throw new MalformedSafeTensorsException("header length " + Long.toUnsignedString(headerLength)
                    + " exceeds the limit of " + limits.maxHeaderBytes() + " bytes");
        }
        if (headerLength > fileSize - LENGTH_BYTES) {
            throw new MalformedSafeTensorsException("header length " + headerLength + " runs past the end of the file: only "
                    + (fileSize - LENGTH_BYTES) + " bytes follow the length");
        }
        return (int) headerLength;
    }

    private static String decodeUtf8(ByteBuffer bytes) throws MalformedSafeTensorsException {
        CharBuffer chars = CharBuffer.allocate(bytes.remaining()); // UTF-8 never has fewer bytes than UTF-16 units
        CoderResult result = StandardCharsets.UTF_8.newDecoder().decode(bytes, chars, true);
        if (result.isError()) {
            throw new MalformedSafeTensorsException("the header is not valid UTF-8: " + result.length()
                    + " bad byte(s) at file offset " + (LENGTH_BYTES + bytes.position()));
        }
        return chars.flip().toString();
    }

    private static void checkDecodedSize(Header header, ReadLimits limits) throws MalformedSafeTensorsException {
        long decodedBytes = 0;
        for (TensorEntry entry : header.tensors()) {
            decodedBytes += (long) Double.BYTES * entry.elementCount(); // each entry has data, so no overflow
        }
        long heap = Runtime.getRuntime().maxMemory();
        if (decodedBytes > limits.maxDecodedBytes() || decodedBytes > heap) {
            throw new MalformedSafeTensorsException("the tensors need " + decodedBytes + " bytes as float64, over "
                    + (decodedBytes > limits.maxDecodedBytes() ? "the limit of " + limits.maxDecodedBytes()
                    : "the maximum heap of " + heap) + " bytes");
        }
    }

    /**
     * Streams the data section once, front to back, through one chunk buffer: the tensors tile it
     * (checked by the parser), so visiting them in offset order reads every byte exactly once.
     */
    private static Map<TensorEntry, Tensor> readData(FileChannel channel, long dataStart, long fileSize,
            List<TensorEntry> entries) throws IOException {
        List<TensorEntry> byOffset = new ArrayList<>(entries);
        byOffset.sort(Comparator.comparingLong(TensorEntry::begin));
        Map<TensorEntry, Tensor> values = new IdentityHashMap<>();
        int capacity = (int) Math.min(CHUNK_BYTES, Math.max(Long.BYTES, fileSize - dataStart)); // holds any element
        ByteBuffer chunk = ByteBuffer.allocate(capacity).order(ByteOrder.LITTLE_ENDIAN).flip();
        long position = dataStart; // file offset of the first byte not yet in the chunk
        for (TensorEntry entry : byOffset) {
            Dtype dtype = entry.dtype();
            boolean float32 = dtype.readsAsFloat32();
            double[] tensor = float32 ? null : new double[entry.elementCount()];
            float[] floats = float32 ? new float[entry.elementCount()] : null;
            for (int done = 0; done < entry.elementCount(); ) {
                if (chunk.remaining() < dtype.byteSize()) {
                    int wanted = (int) Math.min(chunk.capacity() - chunk.remaining(), fileSize - position);
                    readAt(channel, position, chunk.compact().limit(chunk.position() + wanted));
                    position += wanted;
                }
                int count = Math.min(entry.elementCount() - done, chunk.remaining() / dtype.byteSize());
                try {
                    if (float32) {
                        dtype.decode(chunk, floats, done, count);
                    } else {
                        dtype.decode(chunk, tensor, done, count);
                    }
                } catch (MalformedSafeTensorsException badValue) {
                    throw new MalformedSafeTensorsException("tensor " + Text.quote(entry.name()), badValue);
                }
                done += count;
            }
            values.put(entry, float32 ? Tensor.wrap(floats, entry.shape()) : Tensor.wrap(tensor, entry.shape()));
        }
        return values;
    }

    /**
     * Fills {@code buffer} from its position to its limit with the file's bytes from {@code position}
     * on, then flips it for reading (bytes before the buffer's position are kept).
     */
    private static ByteBuffer readAt(FileChannel channel, long position, ByteBuffer buffer) throws IOException {
        long filePosition = position;
        while (buffer.hasRemaining()) {
            int read = channel.read(buffer, filePosition);
            if (read < 0) {
                throw new MalformedSafeTensorsException("the file ended at byte " + filePosition + " while "
                        + buffer.remaining() + " more bytes were expected (was it truncated while being read?)");
            }
            filePosition += read;
        }
        return buffer.flip();
    }
}
