package org.equireg.core.io;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Derives hostile safetensors files from valid seeds, knowing the format's structure: it mutates
 * the 8-byte length, the JSON header token by token (numbers, strings, punctuation, whole tensor
 * entries, including well-formed new ones with matching data), the data section, and raw bytes.
 * Each call applies one to three mutations to a random seed; the same random state gives the same
 * file.
 */
final class SafeTensorsMutator {
    private static final String[] NUMBERS = {"0", "1", "-1", "2", "3", "4", "8", "16", "255", "256", "65535", "65536",
        "2147483639", "2147483647", "2147483648", "4294967295", "4294967296", "9007199254740993",
        "9223372036854775807", "9223372036854775808", "-9223372036854775808", "-9223372036854775809",
        "100000000", "1.0", "1e3", "-0", "01", "00", "1E+2", "99999999999999999999999"};
    private static final String[] STRINGS = {"\"F64\"", "\"F32\"", "\"F16\"", "\"BF16\"", "\"I64\"", "\"I32\"", "\"I16\"",
        "\"I8\"", "\"U64\"", "\"U32\"", "\"U16\"", "\"U8\"", "\"BOOL\"", "\"F8_E4M3\"", "\"f32\"", "\"\"",
        "\"__metadata__\"", "\"dtype\"", "\"shape\"", "\"data_offsets\"", "\"\\u0000\"", "\"\\ud800\"",
        "\"\\uDBFF\\uDFFF\"", "\"\\\"\"", "\"\\x\"", "\"\\u12\"", "\"\u00e9\"", "\"\uD83D\uDE00\"", "\"abc", "\"a\tb\""};
    private static final String[] FRAGMENTS = {"{", "}", "[", "]", ",", ":", "\"", "\\", "true", "null", "1e999", " ",
        "\n", "\u0000", "\u00e9", "\uFEFF", "{}", "[]", "\"x\":", "\"x\":{}", "-", "0.", "[[[[[[[[[[[[[[[[[[[[1]]]]]]]]]]]]]]]]]]]",
        "{\"a\":{\"b\":{\"c\":{\"d\":{}}}}}", ",\"__metadata__\":{}", ",\"__metadata__\":{\"k\":1}"};
    private static final String[] DTYPES = {"F64", "F32", "F16", "BF16", "I64", "I32", "I16", "I8", "U64", "U32", "U16",
        "U8", "BOOL"};
    private static final int[] DTYPE_SIZES = {8, 4, 2, 2, 8, 4, 2, 1, 8, 4, 2, 1, 1};

    private final List<byte[]> seeds;
    private final SplittableRandom random;

    SafeTensorsMutator(List<byte[]> seeds, SplittableRandom random) {
        this.seeds = seeds;
        this.random = random;
    }

    /** A new mutant of a random seed. */
    byte[] next() {
        byte[] input = seeds.get(random.nextInt(seeds.size()));
        int mutations = 1 + random.nextInt(3);
        for (int i = 0; i < mutations; i++) {
            input = mutate(input);
        }
        return input;
    }

    private byte[] mutate(byte[] input) {
        Parts parts = Parts.split(input);
        int choice = random.nextInt(100);
        if (parts == null || choice < 10) {
            return mutateBytes(input);
        }
        if (choice < 18) {
            return parts.bytes(interestingLength(parts));
        }
        if (choice < 28) {
            return new Parts(parts.header, mutateData(parts.data)).bytes(parts.header.length);
        }
        return mutateHeader(parts).bytes();
    }

    // ------------------------------------------------------------------ header

    private Parts mutateHeader(Parts parts) {
        String header = new String(parts.header, StandardCharsets.UTF_8);
        List<int[]> tokens = tokenize(header);
        switch (random.nextInt(10)) {
            case 0 -> header = replaceToken(header, tokens, '0', pick(NUMBERS));
            case 1 -> header = replaceToken(header, tokens, '0', Long.toString(nudge(parts.data.length)));
            case 2 -> header = replaceToken(header, tokens, '"', pick(STRINGS));
            case 3 -> header = deleteSpan(header);
            case 4 -> header = duplicateTokens(header, tokens);
            case 5 -> header = insertAt(header, boundary(header, tokens), pick(FRAGMENTS));
            case 6 -> header = swapTokens(header, tokens);
            case 7 -> header = spliceFromAnotherSeed(header);
            case 8 -> header = deepen(header);
            default -> {
                return addTensor(header, parts.data);
            }
        }
        return new Parts(header.getBytes(StandardCharsets.UTF_8), parts.data);
    }

    /** A well-formed new entry whose data is appended, so the file may stay valid. */
    private Parts addTensor(String header, byte[] data) {
        int type = random.nextInt(DTYPES.length);
        int rank = random.nextInt(4);
        StringBuilder shape = new StringBuilder("[");
        int count = 1;
        for (int axis = 0; axis < rank; axis++) {
            int dim = random.nextInt(5);
            count *= dim;
            shape.append(axis > 0 ? "," : "").append(dim);
        }
        byte[] values = new byte[count * DTYPE_SIZES[type]];
        random.nextBytes(values);
        if (DTYPES[type].equals("BOOL")) {
            for (int i = 0; i < values.length; i++) {
                values[i] &= 1;
            }
        }
        String entry = "\"new" + random.nextInt(1000) + "\":{\"dtype\":\"" + DTYPES[type] + "\",\"shape\":" + shape
                + "],\"data_offsets\":[" + data.length + "," + (data.length + values.length) + "]}";
        int open = header.indexOf('{');
        String body = header.substring(open + 1).strip();
        String separator = body.startsWith("}") ? "" : ",";
        String mutated = header.substring(0, open + 1) + entry + separator + header.substring(open + 1);
        byte[] combined = new byte[data.length + values.length];
        System.arraycopy(data, 0, combined, 0, data.length);
        System.arraycopy(values, 0, combined, data.length, values.length);
        return new Parts(mutated.getBytes(StandardCharsets.UTF_8), combined);
    }

    private String replaceToken(String header, List<int[]> tokens, char kind, String replacement) {
        List<int[]> matching = new ArrayList<>();
        for (int[] token : tokens) {
            if (token[2] == kind) {
                matching.add(token);
            }
        }
        if (matching.isEmpty()) {
            return insertAt(header, boundary(header, tokens), replacement);
        }
        int[] token = matching.get(random.nextInt(matching.size()));
        return header.substring(0, token[0]) + replacement + header.substring(token[1]);
    }

    private String deleteSpan(String header) {
        if (header.isEmpty()) {
            return header;
        }
        int start = random.nextInt(header.length());
        int end = Math.min(header.length(), start + 1 + random.nextInt(random.nextBoolean() ? 2 : 40));
        return header.substring(0, start) + header.substring(end);
    }

    private String duplicateTokens(String header, List<int[]> tokens) {
        if (tokens.isEmpty()) {
            return header;
        }
        int first = random.nextInt(tokens.size());
        int last = Math.min(tokens.size() - 1, first + random.nextInt(12));
        String copy = header.substring(tokens.get(first)[0], tokens.get(last)[1]);
        return insertAt(header, boundary(header, tokens), copy);
    }

    private String swapTokens(String header, List<int[]> tokens) {
        if (tokens.size() < 2) {
            return header;
        }
        int i = random.nextInt(tokens.size());
        int j = random.nextInt(tokens.size());
        int[] a = tokens.get(Math.min(i, j));
        int[] b = tokens.get(Math.max(i, j));
        if (a == b) {
            return header;
        }
        return header.substring(0, a[0]) + header.substring(b[0], b[1]) + header.substring(a[1], b[0])
                + header.substring(a[0], a[1]) + header.substring(b[1]);
    }

    private String spliceFromAnotherSeed(String header) {
        Parts other = Parts.split(seeds.get(random.nextInt(seeds.size())));
        if (other == null) {
            return header;
        }
        String donor = new String(other.header, StandardCharsets.UTF_8);
        int start = donor.indexOf("\"", 1 + random.nextInt(Math.max(1, donor.length())));
        int end = start < 0 ? -1 : donor.indexOf('}', start);
        if (end < 0) {
            return header;
        }
        String entry = donor.substring(start, end + 1);
        int open = header.indexOf('{');
        return open < 0 ? entry + header : header.substring(0, open + 1) + entry + "," + header.substring(open + 1);
    }

    private String deepen(String header) {
        int depth = 1 + random.nextInt(40);
        String nest = random.nextBoolean() ? "[".repeat(depth) + "]".repeat(depth) : "{\"d\":".repeat(depth) + "1"
                + "}".repeat(depth);
        return insertAt(header, random.nextInt(header.length() + 1), nest);
    }

    private int boundary(String header, List<int[]> tokens) {
        if (tokens.isEmpty()) {
            return random.nextInt(header.length() + 1);
        }
        int[] token = tokens.get(random.nextInt(tokens.size()));
        return random.nextBoolean() ? token[0] : token[1];
    }

    private static String insertAt(String header, int at, String fragment) {
        return header.substring(0, at) + fragment + header.substring(at);
    }

    /**
     * Token spans {start, end, kind} of a JSON-like text: kind '"' for strings (escapes honoured,
     * unterminated ones run to the end), '0' for number-like runs, and the character itself for punctuation.
     */
    static List<int[]> tokenize(String text) {
        List<int[]> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            int start = i;
            if (c == '"') {
                i++;
                while (i < text.length() && text.charAt(i) != '"') {
                    i += text.charAt(i) == '\\' ? 2 : 1;
                }
                i = Math.min(i + 1, text.length());
                tokens.add(new int[] {start, i, '"'});
            } else if (c == '-' || (c >= '0' && c <= '9')) {
                while (i < text.length() && "+-.eE0123456789".indexOf(text.charAt(i)) >= 0) {
                    i++;
                }
                tokens.add(new int[] {start, i, '0'});
            } else if (Character.isWhitespace(c)) {
                i++;
            } else {
                i++;
                tokens.add(new int[] {start, i, c});
            }
        }
        return tokens;
    }

    // ------------------------------------------------------------------ length, data, raw bytes

    private long interestingLength(Parts parts) {
        long actual = parts.header.length;
        long remaining = actual + parts.data.length;
        long[] lengths = {0, 1, 2, 7, 8, actual - 1, actual + 1, actual - 8, actual + 8, remaining, remaining + 1,
            100_000_000L, 100_000_001L, Integer.MAX_VALUE, 1L << 32, Long.MAX_VALUE, -1, Long.MIN_VALUE,
            random.nextLong()};
        return lengths[random.nextInt(lengths.length)];
    }

    private byte[] mutateData(byte[] data) {
        return switch (random.nextInt(4)) {
            case 0 -> Arrays.copyOf(data, data.length == 0 ? 0 : random.nextInt(data.length));
            case 1 -> Arrays.copyOf(data, data.length + 1 + random.nextInt(16));
            default -> {
                byte[] copy = data.clone();
                for (int n = 0; n < 1 + random.nextInt(4) && copy.length > 0; n++) {
                    copy[random.nextInt(copy.length)] = (byte) random.nextInt(256);
                }
                yield copy;
            }
        };
    }

    private byte[] mutateBytes(byte[] input) {
        int at = input.length == 0 ? 0 : random.nextInt(input.length);
        byte[] copy = input.clone();
        switch (random.nextInt(5)) {
            case 0 -> {
                if (copy.length > 0) {
                    copy[at] ^= (byte) (1 << random.nextInt(8));
                }
            }
            case 1 -> {
                byte[] interesting = {0, (byte) 0xFF, 0x7F, (byte) 0x80, '{', '"', '\\', (byte) 0xC0, (byte) 0xED};
                if (copy.length > 0) {
                    copy[at] = interesting[random.nextInt(interesting.length)];
                }
            }
            case 2 -> copy = Arrays.copyOf(input, at);
            case 3 -> {
                byte[] extra = new byte[1 + random.nextInt(8)];
                random.nextBytes(extra);
                copy = new byte[input.length + extra.length];
                System.arraycopy(input, 0, copy, 0, at);
                System.arraycopy(extra, 0, copy, at, extra.length);
                System.arraycopy(input, at, copy, at + extra.length, input.length - at);
            }
            default -> {
                int end = Math.min(input.length, at + 1 + random.nextInt(16));
                copy = new byte[input.length - (end - at)];
                System.arraycopy(input, 0, copy, 0, at);
                System.arraycopy(input, end, copy, at, input.length - end);
            }
        }
        return copy;
    }

    private long nudge(long value) {
        return value + random.nextInt(-9, 10);
    }

    private String pick(String[] options) {
        return options[random.nextInt(options.length)];
    }

    /** A file split into its header bytes and its data bytes (when the length field allows it). */
    private record Parts(byte[] header, byte[] data) {
        static Parts split(byte[] file) {
            if (file.length < 8) {
                return null;
            }
            long length = ByteBuffer.wrap(file, 0, 8).order(ByteOrder.LITTLE_ENDIAN).getLong();
            if (length < 0 || length > file.length - 8) {
                return null;
            }
            int end = 8 + (int) length;
            return new Parts(Arrays.copyOfRange(file, 8, end), Arrays.copyOfRange(file, end, file.length));
        }

        /** The file with a consistent length field. */
        byte[] bytes() {
            return bytes(header.length);
        }

        /** The file with {@code length} in the length field, whatever the header's real length. */
        byte[] bytes(long length) {
            return ByteBuffer.allocate(8 + header.length + data.length).order(ByteOrder.LITTLE_ENDIAN)
                    .putLong(length).put(header).put(data).array();
        }
    }
}
