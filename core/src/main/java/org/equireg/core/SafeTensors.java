package org.equireg.core;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import org.equireg.core.io.Dtype;
import org.equireg.core.io.MalformedSafeTensorsException;
import org.equireg.core.io.ReadLimits;
import org.equireg.core.io.SafeTensorsReader;
import org.equireg.core.io.SafeTensorsWriter;

/**
 * Reads and writes tensors in the <a href="https://github.com/huggingface/safetensors">safetensors</a>
 * format, the one PyTorch's {@code safetensors.torch.save_file} and {@code load_file} use.
 *
 * <pre>{@code
 * SafeTensors.write(path, Map.of("weight", weight));     // F64 or F32 as the tensor is, atomic
 * Tensor weight = SafeTensors.read(path).get("weight");
 * }</pre>
 *
 * <p>Reading accepts F64, F32, F16, BF16, I64, I32, I16, I8, U64, U32, U16, U8 and BOOL: F32,
 * F16 and BF16 become float32 tensors (exactly), the others float64 ones (see {@link Dtype}).
 * Writing keeps each tensor's type (float64 as F64, float32 as F32) by default, or converts all
 * to one given type. Files from
 * untrusted sources are safe to read: anything malformed throws a
 * {@link MalformedSafeTensorsException} saying what is wrong, and sizes are checked against
 * {@link ReadLimits} and the heap before anything is allocated for them.
 */
public final class SafeTensors {
    private SafeTensors() {
    }

    /**
     * A file's content: tensors in header order and the {@code __metadata__} strings.
     *
     * @param tensors  unmodifiable, iteration order kept
     * @param metadata unmodifiable, iteration order kept; empty when the file has none
     */
    public record Contents(Map<String, Tensor> tensors, Map<String, String> metadata) {
        /** Copies both maps, keeping their order. */
        public Contents {
            if (tensors == null || metadata == null) {
                throw new IllegalArgumentException("SafeTensors.Contents: tensors " + tensors + " and metadata "
                        + metadata + " must not be null");
            }
            tensors = Collections.unmodifiableMap(new LinkedHashMap<>(tensors));
            metadata = Collections.unmodifiableMap(new LinkedHashMap<>(metadata));
        }
    }

    /**
     * The tensors of the file at {@code path}, in header order, as new leaf tensors.
     * PyTorch: {@code safetensors.torch.load_file(path)}.
     *
     * @throws MalformedSafeTensorsException when the file breaks the format, naming the problem
     * @throws IOException                   when the file cannot be read
     */
    public static Map<String, Tensor> read(Path path) throws IOException {
        return readContents(path).tensors();
    }

    /** The tensors and metadata of the file at {@code path}; see {@link #read(Path)}. */
    public static Contents readContents(Path path) throws IOException {
        return readContents(path, ReadLimits.DEFAULT);
    }

    /** The tensors and metadata of the file at {@code path}, refusing sizes over {@code limits}. */
    public static Contents readContents(Path path, ReadLimits limits) throws IOException {
        if (path == null || limits == null) {
            throw new IllegalArgumentException("SafeTensors.readContents: path " + path + " and limits " + limits
                    + " must not be null");
        }
        return SafeTensorsReader.read(path, limits);
    }

    /**
     * Writes {@code tensors} to {@code path}, each in its own type (float64 as F64, float32 as F32,
     * both exact), in the map's iteration order, atomically: the
     * file is replaced only when complete. PyTorch: {@code safetensors.torch.save_file(tensors, path)}.
     *
     * @throws IllegalArgumentException for a null argument, a tensor that is null, or a name that is
     *                                  empty, {@code "__metadata__"} or not valid Unicode
     * @throws IOException              when the file cannot be written; an existing file is then unchanged
     */
    public static void write(Path path, Map<String, Tensor> tensors) throws IOException {
        write(path, tensors, Map.of());
    }

    /** Writes {@code tensors} and {@code metadata} (stored as {@code __metadata__}); see {@link #write(Path, Map)}. */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata) throws IOException {
        SafeTensorsWriter.writeAsStored(path, tensors, metadata);
    }

    /**
     * Writes {@code tensors} and {@code metadata} with elements of type {@code dtype}:
     * {@link Dtype#F64} (exact) or {@link Dtype#F32} (rounded to nearest); see {@link #write(Path, Map)}.
     */
    public static void write(Path path, Map<String, Tensor> tensors, Map<String, String> metadata, Dtype dtype)
            throws IOException {
        SafeTensorsWriter.write(path, tensors, metadata, dtype);
    }
}
