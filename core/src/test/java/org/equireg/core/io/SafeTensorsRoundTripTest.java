package org.equireg.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Write then read: values bit for bit, shapes, order, metadata, F32, atomic replacement, argument checks. */
class SafeTensorsRoundTripTest {
    private static final long SEED = 20240611L;

    @TempDir
    Path directory;

    static Stream<int[]> shapes() {
        // scalar, zero-size, one element, and sizes that span several 64 KiB I/O chunks
        return Stream.of(new int[0], new int[] {0}, new int[] {3, 0, 2}, new int[] {1}, new int[] {2, 3, 4},
                new int[] {8192}, new int[] {8193}, new int[] {700, 101}, new int[] {1, 1, 1, 1, 5});
    }

    @ParameterizedTest
    @MethodSource("shapes")
    void f64RoundTripIsBitExact(int[] shape) throws IOException {
        Tensor tensor = Tensor.wrap(specialValues(new SplittableRandom(SEED), sizeOf(shape)), shape);
        Path path = directory.resolve("t.safetensors");
        SafeTensors.write(path, Map.of("t", tensor));
        Tensor read = SafeTensors.read(path).get("t");
        assertArrayEquals(shape, read.shape());
        assertArrayEquals(rawBits(tensor.buffer()), rawBits(read.buffer()));
    }

    @Test
    void f32WritesRoundedValues() throws IOException {
        double[] values = specialValues(new SplittableRandom(SEED), 20_000);
        Path path = directory.resolve("f32.safetensors");
        SafeTensors.write(path, Map.of("x", Tensor.of(values, 100, 200)), Map.of(), Dtype.F32);
        double[] expected = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            expected[i] = (float) values[i];
        }
        assertArrayEquals(expected, SafeTensors.read(path).get("x").toArray());
        long headerLength = ByteBuffer.wrap(Files.readAllBytes(path), 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
        assertEquals(8 + headerLength + 4L * values.length, Files.size(path));
    }

    @Test
    void insertionOrderAndMetadataSurvive() throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (String name : List.of("z", "a", "m.weight", "\u00e9t\u00e9", "b/c", "\uD83D\uDE00", "quote\"back\\slash")) {
            tensors.put(name, Tensor.full(name.length(), 2, name.length()));
        }
        Map<String, String> metadata = new LinkedHashMap<>();
        StringBuilder controls = new StringBuilder();
        for (char c = 0; c < 0x20; c++) {
            controls.append(c);
        }
        metadata.put("controls", controls.append('\u007f').toString());
        metadata.put("", "");
        metadata.put("__metadata__", "a key, not the reserved tensor name");
        metadata.put("emoji", "\uD83D\uDE00 \u4e2d");
        Path path = directory.resolve("order.safetensors");
        SafeTensors.write(path, tensors, metadata);
        SafeTensors.Contents read = SafeTensors.readContents(path);
        assertEquals(List.copyOf(tensors.keySet()), List.copyOf(read.tensors().keySet()));
        assertEquals(List.copyOf(metadata.entrySet()), List.copyOf(read.metadata().entrySet()));
        for (String name : tensors.keySet()) {
            assertArrayEquals(tensors.get(name).toArray(), read.tensors().get(name).toArray(), name);
            assertArrayEquals(tensors.get(name).shape(), read.tensors().get(name).shape(), name);
        }
    }

    /** The reference pads the header with spaces so that the data section starts 8-byte aligned. */
    @Test
    void headerIsPaddedToAMultipleOfEight() throws IOException {
        for (int nameLength = 1; nameLength <= 16; nameLength++) {
            Path path = directory.resolve("pad" + nameLength + ".safetensors");
            SafeTensors.write(path, Map.of("n".repeat(nameLength), Tensor.scalar(1)));
            byte[] bytes = Files.readAllBytes(path);
            long headerLength = ByteBuffer.wrap(bytes, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            assertEquals(0, headerLength % 8, "name length " + nameLength);
            assertEquals('}', (char) bytes[8 + (int) headerLength - 1 - countTrailingSpaces(bytes, 8 + (int) headerLength)]);
        }
    }

    @Test
    void emptyMapRoundTrips() throws IOException {
        Path path = directory.resolve("empty.safetensors");
        SafeTensors.write(path, Map.of());
        assertEquals(16, Files.size(path)); // length + "{}" padded to 8
        assertTrue(SafeTensors.read(path).isEmpty());
    }

    @Test
    void writeReplacesAnExistingFileAndLeavesNoTemporaryFile() throws IOException {
        Path path = directory.resolve("model.safetensors");
        SafeTensors.write(path, Map.of("old", Tensor.ones(3)));
        SafeTensors.write(path, Map.of("new", Tensor.zeros(2)));
        assertEquals(List.of("new"), List.copyOf(SafeTensors.read(path).keySet()));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(path), files.toList());
        }
    }

    @Test
    void writeIntoAMissingDirectoryFailsWithoutLitter() {
        Path path = directory.resolve("missing").resolve("x.safetensors");
        assertThrows(NoSuchFileException.class, () -> SafeTensors.write(path, Map.of("x", Tensor.ones(1))));
        assertTrue(Files.notExists(path.getParent()));
    }

    @Test
    void returnedMapsAreUnmodifiable() throws IOException {
        Path path = directory.resolve("r.safetensors");
        SafeTensors.write(path, Map.of("x", Tensor.ones(1)), Map.of("k", "v"));
        SafeTensors.Contents contents = SafeTensors.readContents(path);
        assertThrows(UnsupportedOperationException.class, () -> contents.tensors().remove("x"));
        assertThrows(UnsupportedOperationException.class, () -> contents.metadata().put("a", "b"));
    }

    /** Elements at odd offsets straddle the reader's 64 KiB chunks; every dtype decodes across the seams. */
    @Test
    void dataAtOddOffsetsAcrossChunkBoundaries() throws IOException {
        SplittableRandom random = new SplittableRandom(SEED);
        List<TensorEntry> entries = new ArrayList<>();
        ByteBuffer data = ByteBuffer.allocate(1 << 20).order(ByteOrder.LITTLE_ENDIAN);
        Map<String, double[]> expected = new LinkedHashMap<>();
        Dtype[] dtypes = {Dtype.U8, Dtype.F64, Dtype.I8, Dtype.F32, Dtype.BOOL, Dtype.I64, Dtype.F16, Dtype.I32,
            Dtype.BF16, Dtype.U16, Dtype.I16, Dtype.U32, Dtype.U64};
        for (int i = 0; i < dtypes.length; i++) {
            Dtype dtype = dtypes[i];
            int count = 3 + random.nextInt(30_000);
            double[] values = new double[count];
            long begin = data.position();
            for (int k = 0; k < count; k++) {
                values[k] = putRandom(dtype, random, data);
            }
            entries.add(new TensorEntry("t" + i, dtype, new int[] {count}, count, begin, data.position()));
            expected.put("t" + i, values);
        }
        byte[] header = new Header(entries, Map.of()).encode();
        Path path = directory.resolve("odd.safetensors");
        Files.write(path, ByteBuffer.allocate(8 + header.length + data.position()).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(header.length).put(header).put(data.flip()).array());
        Map<String, Tensor> read = SafeTensors.read(path);
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(read.keySet()));
        for (String name : expected.keySet()) {
            assertArrayEquals(expected.get(name), read.get(name).toArray(), name);
        }
    }

    /** Puts a random element of {@code dtype} and returns its exact float64 value. */
    private static double putRandom(Dtype dtype, SplittableRandom random, ByteBuffer data) {
        switch (dtype) {
            case F64 -> {
                double value = random.nextDouble(-1e6, 1e6);
                data.putDouble(value);
                return value;
            }
            case F32 -> {
                float value = (float) random.nextDouble(-1e6, 1e6);
                data.putFloat(value);
                return value;
            }
            case F16, BF16, I16, U16 -> {
                short bits = (short) random.nextInt(0x7C00); // positive, and finite as F16 and as BF16
                data.putShort(bits);
                return dtype == Dtype.F16 ? Dtype.halfToDouble(bits) : dtype == Dtype.BF16 ? Dtype.bfloat16ToDouble(bits) : bits;
            }
            case I64, U64 -> {
                long value = random.nextLong(1L << 53);
                data.putLong(value);
                return value;
            }
            case I32, U32 -> {
                int value = random.nextInt(Integer.MAX_VALUE);
                data.putInt(value);
                return value;
            }
            case BOOL -> {
                byte value = (byte) random.nextInt(2);
                data.put(value);
                return value;
            }
            default -> {
                byte value = (byte) random.nextInt(128);
                data.put(value);
                return value;
            }
        }
    }

    static Stream<Arguments> invalidWrites() {
        Map<String, Tensor> nullName = new LinkedHashMap<>();
        nullName.put(null, Tensor.ones(1));
        Map<String, Tensor> nullTensor = new LinkedHashMap<>();
        nullTensor.put("x", null);
        Map<String, String> nullValue = new LinkedHashMap<>();
        nullValue.put("k", null);
        Map<String, Tensor> one = Map.of("x", Tensor.ones(1));
        return Stream.of(
                Arguments.of(null, one, Map.of(), Dtype.F64, "null argument (path null"),
                Arguments.of(Path.of("x"), null, Map.of(), Dtype.F64, "tensors null"),
                Arguments.of(Path.of("x"), one, null, Dtype.F64, "metadata null"),
                Arguments.of(Path.of("x"), one, Map.of(), null, "dtype null"),
                Arguments.of(Path.of("x"), one, Map.of(), Dtype.BF16, "dtype BF16 cannot be written; use F64 or F32"),
                Arguments.of(Path.of("x"), nullName, Map.of(), Dtype.F64, "tensor name is null"),
                Arguments.of(Path.of("x"), Map.of("", Tensor.ones(1)), Map.of(), Dtype.F64, "tensor name \"\" is empty"),
                Arguments.of(Path.of("x"), Map.of("__metadata__", Tensor.ones(1)), Map.of(), Dtype.F64,
                        "tensor name \"__metadata__\" is reserved for the metadata"),
                Arguments.of(Path.of("x"), nullTensor, Map.of(), Dtype.F64, "tensor \"x\" is null"),
                Arguments.of(Path.of("x"), Map.of("a\uD800", Tensor.ones(1)), Map.of(), Dtype.F64,
                        "has an unpaired surrogate at index 1"),
                Arguments.of(Path.of("x"), one, Map.of("\uDC00", "v"), Dtype.F64, "metadata key"),
                Arguments.of(Path.of("x"), one, nullValue, Dtype.F64, "metadata value of \"k\" is null"));
    }

    @ParameterizedTest
    @MethodSource("invalidWrites")
    void invalidArgumentsAreRejectedBeforeTouchingTheDisk(Path path, Map<String, Tensor> tensors,
            Map<String, String> metadata, Dtype dtype, String messagePart) throws IOException {
        Path target = path == null ? null : directory.resolve(path);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> SafeTensors.write(target, tensors, metadata, dtype));
        assertTrue(error.getMessage().startsWith("SafeTensors.write: "), error.getMessage());
        assertTrue(error.getMessage().contains(messagePart), error.getMessage());
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(0, files.count());
        }
    }

    // ------------------------------------------------------------------ helpers

    /** Random values mixed with NaN (two payloads), infinities, signed zeros, subnormals and extremes. */
    static double[] specialValues(SplittableRandom random, int size) {
        double[] specials = {Double.NaN, Double.longBitsToDouble(0x7ff0_0000_0000_0001L), Double.POSITIVE_INFINITY,
            Double.NEGATIVE_INFINITY, 0.0, -0.0, Double.MIN_VALUE, -Double.MIN_NORMAL / 3, Double.MAX_VALUE, 1e-40};
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            values[i] = random.nextInt(8) == 0 ? specials[random.nextInt(specials.length)]
                    : Math.scalb(random.nextDouble(-1, 1), random.nextInt(-60, 60));
        }
        return values;
    }

    private static long[] rawBits(double[] values) {
        long[] bits = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            bits[i] = Double.doubleToRawLongBits(values[i]);
        }
        return bits;
    }

    private static int sizeOf(int[] shape) {
        int size = 1;
        for (int dim : shape) {
            size *= dim;
        }
        return size;
    }

    private static int countTrailingSpaces(byte[] bytes, int end) {
        int count = 0;
        while (bytes[end - 1 - count] == ' ') {
            count++;
        }
        return count;
    }
}
