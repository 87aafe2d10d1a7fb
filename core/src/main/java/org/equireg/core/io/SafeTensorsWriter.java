package org.equireg.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * Writes tensors as a safetensors file, atomically ({@link AtomicFile}), laid out like the
 * reference implementation's files (compact JSON, {@code __metadata__} first, tensors in data
 * order, the header padded with spaces to a multiple of 8 bytes) except that the tensors keep the
 * map's iteration order, where the reference sorts them by dtype and name. The same input always
 * gives the same bytes.
 */
public final class SafeTensorsWriter {
    private static final String METHOD = "SafeTensors.write";
    private static final int CHUNK_BYTES = 1 << 16;

    private SafeTensorsWriter() {
    }

    /**
     * Writes {@code tensors} and {@code metadata} to {@code path} with elements of type {@code dtype}.
     *
     * @param tensors  names (non-empty, not {@code __metadata__}) to tensors. Not modified.
     * @param metadata free-form strings stored under {@code __metadata__}; omitted when empty. Not modified.
     * @param dtype    {@link Dtype#F64} (exact) or {@link Dtype#F32} (rounded to nearest)
     * @throws IllegalArgumentException for a null argument, a bad name, a null tensor, a string
     *                                  that is not valid Unicode, or a non-writable dtype
     * @throws IOException              when the file cannot be written; the old file, if any, is then unchanged
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata, Dtype dtype)
            throws IOException {
        checkArguments(path, tensors, metadata, dtype);
        write(path, tensors, metadata, tensor -> dtype);
    }

    /**
     * Writes each tensor in its own type: float64 tensors as F64, float32 tensors as F32, both exact;
     * otherwise as {@link #write(Path, Map, Map, Dtype)}.
     */
    public static void writeAsStored(Path path, Map<String, Tensor> tensors, Map<String, String> metadata)
            throws IOException {
        checkArguments(path, tensors, metadata, Dtype.F64);
        write(path, tensors, metadata, tensor -> tensor.dtype() == DType.FLOAT32 ? Dtype.F32 : Dtype.F64);
    }

    private static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata,
                              Function<Tensor, Dtype> typeOf) throws IOException {
        List<Tensor> data = new ArrayList<>(tensors.size());
        List<TensorEntry> entries = new ArrayList<>(tensors.size());
        long offset = 0;
        for (Map.Entry<String, Tensor> named : tensors.entrySet()) {
            Tensor tensor = named.getValue();
            Dtype dtype = typeOf.apply(tensor);
            long end = offset + (long) tensor.size() * dtype.byteSize();
            entries.add(new TensorEntry(named.getKey(), dtype, tensor.shape(), tensor.size(), offset, end));
            data.add(tensor);
            offset = end;
        }
        byte[] header = new Header(entries, new LinkedHashMap<>(metadata)).encode();
        if (header.length > ReadLimits.DEFAULT.maxHeaderBytes()) {
            throw new IllegalArgumentException(METHOD + ": the header would have " + header.length
                    + " bytes, over the readers' limit of " + ReadLimits.DEFAULT.maxHeaderBytes());
        }
        AtomicFile.write(path, channel -> {
            AtomicFile.writeFully(channel, ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(0, header.length));
            AtomicFile.writeFully(channel, ByteBuffer.wrap(header));
            ByteBuffer chunk = ByteBuffer.allocate(CHUNK_BYTES).order(ByteOrder.LITTLE_ENDIAN);
            for (int t = 0; t < data.size(); t++) {
                Tensor values = data.get(t);
                Dtype dtype = entries.get(t).dtype();
                int perChunk = CHUNK_BYTES / dtype.byteSize();
                for (int done = 0; done < values.size(); done += perChunk) {
                    chunk.clear();
                    int count = Math.min(perChunk, values.size() - done);
                    if (values.dtype() == DType.FLOAT32) {
                        dtype.encode(values.floatBuffer(), done, count, chunk);
                    } else {
                        dtype.encode(values.buffer(), done, count, chunk);
                    }
                    AtomicFile.writeFully(channel, chunk.flip());
                }
            }
        });
    }

    private static void checkArguments(Path path, Map<String, Tensor> tensors, Map<String, String> metadata, Dtype dtype) {
        if (path == null || tensors == null || metadata == null || dtype == null) {
            throw new IllegalArgumentException(METHOD + ": null argument (path " + path + ", tensors "
                    + (tensors == null ? "null" : "given") + ", metadata " + (metadata == null ? "null" : "given")
                    + ", dtype " + dtype + ")");
        }
        if (!dtype.isWritable()) {
            throw new IllegalArgumentException(METHOD + ": dtype " + dtype + " cannot be written; use F64 or F32");
        }
        for (Map.Entry<String, Tensor> named : tensors.entrySet()) {
            String name = named.getKey();
            checkString(name, "tensor name");
            if (name.isEmpty() || name.equals(HeaderParser.METADATA_KEY)) {
                throw new IllegalArgumentException(METHOD + ": tensor name " + Text.quote(name) + " is "
                        + (name.isEmpty() ? "empty" : "reserved for the metadata"));
            }
            if (named.getValue() == null) {
                throw new IllegalArgumentException(METHOD + ": tensor " + Text.quote(name) + " is null");
            }
        }
        for (Map.Entry<String, String> entry : metadata.entrySet()) {
            checkString(entry.getKey(), "metadata key");
            checkString(entry.getValue(), "metadata value of " + Text.quote(entry.getKey()));
        }
    }

    // A lone surrogate has no UTF-8 form: the encoder would silently write '?' instead.
    private static void checkString(String s, String what) {
        if (s == null) {
            throw new IllegalArgumentException(METHOD + ": " + what + " is null");
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
                i++;
            } else if (Character.isSurrogate(c)) {
                throw new IllegalArgumentException(METHOD + ": " + what + " " + Text.quote(s)
                        + " has an unpaired surrogate at index " + i + ", which UTF-8 cannot encode");
            }
        }
    }
}
