package org.equireg.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Reads the files {@code scripts/safetensors_fixtures.py} wrote with NumPy and PyTorch. */
class SafeTensorsFixturesTest {

    /** "value" in each dtype converts exactly (bit for bit, -0.0 and NaN included) to the F64 "expected". */
    @ParameterizedTest
    @EnumSource(Dtype.class)
    void everyDtypeConvertsExactlyToFloat64(Dtype dtype) throws IOException {
        Map<String, Tensor> tensors = SafeTensors.read(Fixtures.path("dtype_" + dtype + ".safetensors"));
        Tensor value = tensors.get("value");
        Tensor expected = tensors.get("expected");
        assertEquals(List.of("value", "expected"), List.copyOf(tensors.keySet()));
        assertArrayEquals(expected.shape(), value.shape());
        assertArrayEquals(expected.toArray(), value.toArray(), dtype.name());
    }

    @Test
    void shapesIncludingScalarAndZeroSize() throws IOException {
        Map<String, Tensor> tensors = SafeTensors.read(Fixtures.path("shapes.safetensors"));
        assertEquals(List.of("scalar", "empty", "empty_3d", "cube", "row"), List.copyOf(tensors.keySet()));
        assertArrayEquals(new int[0], tensors.get("scalar").shape());
        assertEquals(2.5, tensors.get("scalar").item());
        assertArrayEquals(new int[] {0}, tensors.get("empty").shape());
        assertArrayEquals(new int[] {3, 0, 2}, tensors.get("empty_3d").shape());
        assertEquals(0, tensors.get("empty_3d").size());
        Tensor cube = tensors.get("cube");
        assertArrayEquals(new int[] {2, 3, 4}, cube.shape());
        assertEquals((1 * 12 + 2 * 4 + 3) / 8.0 - 1, cube.get(1, 2, 3)); // row-major: arange(24) / 8 - 1
        assertArrayEquals(new double[] {1, 2, 3, 4, 5}, tensors.get("row").toArray());
    }

    @Test
    void metadataWithEscapesAndUnicode() throws IOException {
        SafeTensors.Contents contents = SafeTensors.readContents(Fixtures.path("metadata.safetensors"));
        Map<String, String> expected = new LinkedHashMap<>();
        expected.put("format", "pt");
        expected.put("note", "quote \" backslash \\ newline \n tab \t bell \u0007 slash /");
        expected.put("unicode", "\u00e9\u4e2d\uD83D\uDE00");
        expected.put("", "empty key");
        assertEquals(expected, contents.metadata());
        assertEquals(List.copyOf(expected.keySet()), List.copyOf(contents.metadata().keySet()));
        assertArrayEquals(new double[] {1, -2}, contents.tensors().get("w\u00e9ight").toArray());
    }

    /** Python's json.dumps defaults: sorted keys, spaces, surrogate-pair escapes; data order differs from header order. */
    @Test
    void foreignLayoutWithManyDtypes() throws IOException {
        SafeTensors.Contents contents = SafeTensors.readContents(Fixtures.path("mixed.safetensors"));
        Map<String, Tensor> tensors = contents.tensors();
        assertEquals(Map.of("source", "mixed \u00e9 \uD83D\uDE00"), contents.metadata());
        assertEquals(List.of("a.empty", "b.flag", "k.half", "m.bias", "z.first"), List.copyOf(tensors.keySet()));
        assertArrayEquals(new int[] {0, 4}, tensors.get("a.empty").shape());
        assertEquals(1.0, tensors.get("b.flag").item());
        assertArrayEquals(new double[] {0.5, -65504}, tensors.get("k.half").toArray());
        assertArrayEquals(new int[] {2, 1}, tensors.get("k.half").shape());
        assertArrayEquals(new double[] {1, -2, 3}, tensors.get("m.bias").toArray());
        assertArrayEquals(new double[] {1.5, -2.25}, tensors.get("z.first").toArray());
    }

    /** The writer lays a file out exactly as the script's reference-style writer does. */
    @Test
    void writerMatchesTheReferenceLayoutByteForByte(@TempDir Path directory) throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        double[] weight = new double[6];
        for (int i = 0; i < weight.length; i++) {
            weight[i] = i / 4.0 - 0.5;
        }
        tensors.put("layer.0.weight", Tensor.of(weight, 2, 3));
        tensors.put("layer.0.bias", Tensor.of(new double[] {0.1, -0.2}, 2));
        tensors.put("step", Tensor.scalar(3.0));
        tensors.put("nothing", Tensor.zeros(0, 5));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("epoch", "3");
        metadata.put("format", "pt");
        Path written = directory.resolve("written.safetensors");
        SafeTensors.write(written, tensors, metadata);
        assertArrayEquals(Files.readAllBytes(Fixtures.path("writer_reference.safetensors")), Files.readAllBytes(written));
    }
}
