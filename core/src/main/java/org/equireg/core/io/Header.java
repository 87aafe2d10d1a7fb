package org.equireg.core.io;

import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * The parsed JSON header of a safetensors file: the tensor entries in header order and the
 * {@code __metadata__} strings (empty when absent).
 */
record Header(List<TensorEntry> tensors, Map<String, String> metadata) {
    /** Header bytes are padded with spaces to a multiple of this, so the data section is aligned. */
    static final int ALIGNMENT = 8;

    /**
     * The header as the reference implementation lays it out: compact JSON, {@code __metadata__}
     * first when not empty, the tensors in list order with the fields {@code dtype}, {@code shape},
     * {@code data_offsets}; UTF-8, padded with spaces to a multiple of {@link #ALIGNMENT} bytes.
     */
    byte[] encode() {
        StringBuilder json = new StringBuilder("{");
        String memberSeparator = "";
        if (!metadata.isEmpty()) {
            appendQuoted(json, HeaderParser.METADATA_KEY).append(":{");
            String separator = "";
            for (Map.Entry<String, String> entry : metadata.entrySet()) {
                appendQuoted(json.append(separator), entry.getKey()).append(':');
                appendQuoted(json, entry.getValue());
                separator = ",";
            }
            json.append('}');
            memberSeparator = ",";
        }
        for (TensorEntry tensor : tensors) {
            appendQuoted(json.append(memberSeparator), tensor.name());
            memberSeparator = ",";
            json.append(":{\"dtype\":\"").append(tensor.dtype().name()).append("\",\"shape\":[");
            for (int axis = 0; axis < tensor.shape().length; axis++) {
                json.append(axis > 0 ? "," : "").append(tensor.shape()[axis]);
            }
            json.append("],\"data_offsets\":[").append(tensor.begin()).append(',').append(tensor.end()).append("]}");
        }
        byte[] bytes = json.append('}').toString().getBytes(StandardCharsets.UTF_8);
        int padded = (bytes.length + ALIGNMENT - 1) / ALIGNMENT * ALIGNMENT;
        byte[] result = Arrays.copyOf(bytes, padded);
        Arrays.fill(result, bytes.length, padded, (byte) ' ');
        return result;
    }

    // The escapes serde_json and Python's json module emit: short forms, else a lowercase u-escape below 0x20.
    private static StringBuilder appendQuoted(StringBuilder json, String s) {
        json.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> json.append("\\\"");
                case '\\' -> json.append("\\\\");
                case '\b' -> json.append("\\b");
                case '\f' -> json.append("\\f");
                case '\n' -> json.append("\\n");
                case '\r' -> json.append("\\r");
                case '\t' -> json.append("\\t");
                default -> {
                    if (c < 0x20) {
                        json.append(String.format("\\u%04x", (int) c));
                    } else {
                        json.append(c);
                    }
                }
            }
        }
        return json.append('"');
    }
}
