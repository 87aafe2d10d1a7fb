package org.equireg.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.stream.Stream;
import org.equireg.core.SafeTensors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** One malformed file per failure mode: each throws an IOException whose message names the problem. */
class MalformedSafeTensorsTest {
    private static final String F64_ONE = "{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]}}";

    @TempDir
    Path directory;

    static Stream<Arguments> cases() {
        return Stream.of(
                // the 8-byte length and the header's size
                malformed("empty file", new byte[0], "fewer than the 8 of the header length"),
                malformed("7-byte file", new byte[7], "fewer than the 8"),
                malformed("header length past end of file", withLength(100, "{}"), "header length 100 runs past the end"),
                malformed("absurd header length", withLength(1L << 40, "{}"), "header length 1099511627776 exceeds the limit"),
                malformed("header length with the top bit set", withLength(-1L, "{}"),
                        "header length 18446744073709551615 exceeds the limit"),
                malformed("zero header length", withLength(0, ""), "does not start with '{' (it is empty)"),
                malformed("header not an object", file("[]", 0), "does not start with '{'"),
                malformed("header not UTF-8", invalidUtf8(), "not valid UTF-8: 1 bad byte(s) at file offset 10"),
                // JSON syntax
                malformed("unterminated header", file("{\"a\":{\"dtype\":\"F64\"", 0), "expected ',' or '}'"),
                malformed("trailing garbage", file("{} x", 0), "unexpected 'x' after the end of the header object"),
                malformed("trailing comma", file("{\"__metadata__\":{},}", 0), "expected a string for a member name"),
                malformed("missing comma", file("{\"__metadata__\":{} \"b\":1}", 0), "expected ',' or '}' after a member"),
                malformed("literal true", file(F64_ONE.replace("\"F64\"", "true"), 8), "expected a string for the dtype"),
                malformed("fraction", file(F64_ONE.replace("[1]", "[1.0]"), 8), "is not an integer"),
                malformed("exponent", file(F64_ONE.replace("[1]", "[1e0]"), 8), "is not an integer"),
                malformed("leading zero", file(F64_ONE.replace("[1]", "[01]"), 8), "has a leading zero"),
                malformed("number beyond long range", file(F64_ONE.replace("[0,8]", "[0,9223372036854775808]"), 8),
                        "integer 9223372036854775808 for the data_offsets of tensor \"a\" is out of the 64-bit range"),
                malformed("unterminated string", file("{\"a", 0), "unterminated string"),
                malformed("raw control character", file("{\"a\tb\":{}}", 0), "unescaped control character U+0009"),
                malformed("invalid escape", file("{\"a\\xb\":{}}", 0), "invalid escape \\ followed by 'x'"),
                malformed("short \\u escape", file("{\"\\u12\":{}}", 0), "\\u escape without four hex digits"),
                malformed("lone surrogate escape", file("{\"\\ud800\":{}}", 0), "unpaired surrogate U+D800"),
                // duplicates
                malformed("duplicate tensor name", file(F64_ONE.replace("}}", "},\"a\":{}}"), 8), "duplicate tensor name \"a\""),
                malformed("duplicate field", file(F64_ONE.replace("{\"dtype\":\"F64\",", "{\"dtype\":\"F64\",\"dtype\":\"F64\","), 8),
                        "tensor \"a\" has the field dtype twice"),
                malformed("duplicate __metadata__", file("{\"__metadata__\":{},\"__metadata__\":{}}", 0), "duplicate key __metadata__"),
                malformed("duplicate metadata key", file("{\"__metadata__\":{\"k\":\"1\",\"k\":\"2\"}}", 0),
                        "duplicate key \"k\" in __metadata__"),
                // schema
                malformed("metadata not an object", file("{\"__metadata__\":[]}", 0), "expected an object for __metadata__"),
                malformed("metadata value not a string", file("{\"__metadata__\":{\"k\":1}}", 0),
                        "expected a string for __metadata__ value of \"k\""),
                malformed("tensor entry not an object", file("{\"a\":5}", 0), "expected an object for tensor \"a\""),
                malformed("unknown dtype", file(F64_ONE.replace("F64", "F8_E4M3"), 8), "unsupported dtype \"F8_E4M3\""),
                malformed("dtype in lower case", file(F64_ONE.replace("F64", "f64"), 8), "unsupported dtype \"f64\""),
                malformed("unknown field", file(F64_ONE.replace("{\"dtype\"", "{\"offset\":0,\"dtype\""), 8),
                        "has the unknown field \"offset\""),
                malformed("missing field", file(F64_ONE.replace("\"shape\":[1],", ""), 8), "tensor \"a\" lacks the field shape"),
                malformed("shape not an array", file(F64_ONE.replace("[1]", "1"), 8), "expected an array for the shape"),
                malformed("nested shape", file(F64_ONE.replace("[1]", "[[1]]"), 8), "expected an integer for the shape"),
                malformed("negative dimension", file(F64_ONE.replace("[1]", "[2,-1]"), 8),
                        "dimension -1 at axis 1, which is negative"),
                malformed("dimension beyond int", file(F64_ONE.replace("[1]", "[0,3000000000]"), 8),
                        "dimension 3000000000 at axis 1, which does not fit an int"),
                malformed("element count overflowing int", file(F64_ONE.replace("[1]", "[65536,65536]"), 8),
                        "has the shape [65536, 65536], whose nonzero dimensions multiply to more than 2147483639"),
                malformed("huge dimension before a zero (found by fuzzing)", file(F64_ONE.replace("}}",
                        "},\"e\":{\"dtype\":\"F64\",\"shape\":[2147483647,0,2],\"data_offsets\":[8,8]}}"), 8),
                        "tensor \"e\" has the shape [2147483647, 0, 2], whose nonzero dimensions multiply to more than"),
                malformed("empty name", file(F64_ONE.replace("\"a\"", "\"\""), 8), "a tensor has the empty name"),
                malformed("shape and offsets disagree", file(F64_ONE.replace("[1]", "[2]"), 8),
                        "tensor \"a\" of dtype F64 and shape [2] needs 16 bytes, but its data_offsets [0, 8] span 8"),
                malformed("one offset", file(F64_ONE.replace("[0,8]", "[8]"), 8), "has 1 entries, not 2"),
                malformed("three offsets", file(F64_ONE.replace("[0,8]", "[0,8,8]"), 8), "has more than 2 entries"),
                malformed("negative offsets", file(F64_ONE.replace("[0,8]", "[-8,0]"), 8), "has negative data_offsets [-8, 0]"),
                malformed("reversed offsets", file(F64_ONE.replace("[0,8]", "[8,0]"), 8),
                        "data_offsets [8, 0] that end before they begin"),
                malformed("offsets past the data", file(F64_ONE, 4), "data_offsets [0, 8] past the end of the 4-byte data section"),
                // coverage of the data section
                malformed("overlapping tensors", file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F32\",\"shape\":[2],\"data_offsets\":[4,12]}}", 12),
                        "tensor \"b\" at bytes [4, 12) overlaps tensor \"a\" at bytes [0, 8)"),
                malformed("empty tensor inside another", file(F64_ONE.replace("}}", "},\"e\":{\"dtype\":\"F64\",\"shape\":[0],"
                        + "\"data_offsets\":[4,4]}}"), 8), "tensor \"e\" at bytes [4, 4) overlaps tensor \"a\""),
                malformed("same range twice", file(F64_ONE.replace("}}", "},\"b\":{\"dtype\":\"I64\",\"shape\":[],"
                        + "\"data_offsets\":[0,8]}}"), 8), "overlaps"),
                malformed("hole between tensors", file("{\"a\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[0,8]},"
                        + "\"b\":{\"dtype\":\"F64\",\"shape\":[1],\"data_offsets\":[16,24]}}", 24),
                        "bytes [8, 16) of the data section belong to no tensor (a hole before tensor \"b\")"),
                malformed("hole at the start", file(F64_ONE.replace("[0,8]", "[8,16]"), 16),
                        "bytes [0, 8) of the data section belong to no tensor"),
                malformed("trailing data", file(F64_ONE, 16), "bytes [8, 16) at the end of the data section belong to no tensor"),
                malformed("data but no tensors", file("{}", 8), "bytes [0, 8) at the end of the data section"),
                // data
                malformed("BOOL byte 2", withData("{\"a\":{\"dtype\":\"BOOL\",\"shape\":[3],\"data_offsets\":[0,3]}}",
                        new byte[] {1, 0, 2}), "tensor \"a\": BOOL element 2 is the byte 2, neither 0 nor 1"));
    }

    private static Arguments malformed(String name, byte[] bytes, String messagePart) {
        return Arguments.of(name, bytes, messagePart);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void malformedFileThrowsIOExceptionNamingTheProblem(String name, byte[] bytes, String messagePart) throws IOException {
        Path path = directory.resolve("case.safetensors");
        Files.write(path, bytes);
        MalformedSafeTensorsException error = assertThrows(MalformedSafeTensorsException.class, () -> SafeTensors.read(path));
        assertTrue(error.getMessage().contains(messagePart), "message: " + error.getMessage());
        assertTrue(error.getMessage().startsWith("malformed safetensors file " + path + ": "), error.getMessage());
    }

    @Test
    void headerOverACustomLimit() throws IOException {
        Path path = directory.resolve("header.safetensors");
        Files.write(path, file(F64_ONE, 8));
        ReadLimits limits = new ReadLimits(16, Long.MAX_VALUE);
        IOException error = assertThrows(IOException.class, () -> SafeTensors.readContents(path, limits));
        assertTrue(error.getMessage().contains("header length " + F64_ONE.length() + " exceeds the limit of 16 bytes"), error.getMessage());
    }

    @Test
    void decodedSizeOverACustomLimit() throws IOException {
        Path path = directory.resolve("decoded.safetensors");
        Files.write(path, withData("{\"a\":{\"dtype\":\"U8\",\"shape\":[4],\"data_offsets\":[0,4]}}", new byte[4]));
        IOException error = assertThrows(IOException.class, () -> SafeTensors.readContents(path, new ReadLimits(1000, 31)));
        assertTrue(error.getMessage().contains("the tensors need 32 bytes as float64, over the limit of 31 bytes"),
                error.getMessage());
        assertEquals(4, SafeTensors.readContents(path, new ReadLimits(1000, 32)).tensors().get("a").size());
    }

    /**
     * A sparse file whose U8 tensors need more float64 bytes than the heap holds is refused before any
     * allocation (this test would die of OutOfMemoryError otherwise).
     */
    @Test
    void tensorsLargerThanTheHeapAreRefusedBeforeAllocation() throws IOException {
        long perTensor = Integer.MAX_VALUE - 8;
        int tensorCount = (int) (Runtime.getRuntime().maxMemory() / (8 * perTensor)) + 1;
        StringBuilder header = new StringBuilder("{");
        for (int i = 0; i < tensorCount; i++) {
            header.append(i > 0 ? "," : "").append("\"t").append(i).append("\":{\"dtype\":\"U8\",\"shape\":[")
                    .append(perTensor).append("],\"data_offsets\":[").append(i * perTensor).append(',')
                    .append((i + 1) * perTensor).append("]}");
        }
        byte[] headerBytes = header.append('}').toString().getBytes(StandardCharsets.UTF_8);
        Path path = directory.resolve("sparse.safetensors");
        try (FileChannel channel = FileChannel.open(path, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
            channel.write(ByteBuffer.wrap(withData(new String(headerBytes, StandardCharsets.UTF_8), new byte[0])));
            channel.write(ByteBuffer.wrap(new byte[1]), 8 + headerBytes.length + tensorCount * perTensor - 1);
        }
        IOException error = assertThrows(IOException.class, () -> SafeTensors.read(path));
        assertTrue(error.getMessage().contains("bytes as float64, over the maximum heap of"), error.getMessage());
    }

    // ------------------------------------------------------------------ file builders

    /** A file with {@code header} (its true length) and {@code dataBytes} zero bytes of data. */
    static byte[] file(String header, int dataBytes) {
        return withData(header, new byte[dataBytes]);
    }

    static byte[] withData(String header, byte[] data) {
        byte[] json = header.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + json.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                .putLong(json.length).put(json).put(data).array();
    }

    /** A file whose length field says {@code headerLength}, whatever follows. */
    static byte[] withLength(long headerLength, String rest) {
        byte[] bytes = rest.getBytes(StandardCharsets.UTF_8);
        return ByteBuffer.allocate(8 + bytes.length).order(ByteOrder.LITTLE_ENDIAN).putLong(headerLength).put(bytes).array();
    }

    private static byte[] invalidUtf8() {
        byte[] bytes = file("{\"\u00e9\":{}}", 0);
        bytes[10] = (byte) 0xFF; // the lead byte of é
        return bytes;
    }
}
