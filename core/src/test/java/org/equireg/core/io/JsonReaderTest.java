package org.equireg.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The strict JSON subset of safetensors headers, parsed piece by piece. */
class JsonReaderTest {

    @Test
    void everyEscapeResolves() throws MalformedSafeTensorsException {
        String json = "\"\\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u0041\\u00e9\\u4E2D \\ud83d\\ude00\"";
        assertEquals("\" \\ / \b \f \n \r \t A\u00e9\u4e2d \uD83D\uDE00", new JsonReader(json).readString("s"));
    }

    @Test
    void rawNonAsciiAndDeletePassThrough() throws MalformedSafeTensorsException {
        assertEquals("\u00e9\u007f\uD83D\uDE00", new JsonReader("\"\u00e9\u007f\uD83D\uDE00\"").readString("s"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"\"\\ud800\"", "\"\\udc00\\ud800\"", "\"\\ud83dx\"", "\"a\\ude00\""})
    void unpairedSurrogatesAreRejected(String json) {
        MalformedSafeTensorsException error = assertThrows(MalformedSafeTensorsException.class,
                () -> new JsonReader(json).readString("s"));
        assertTrue(error.getMessage().contains("unpaired surrogate"), error.getMessage());
    }

    @ParameterizedTest
    @CsvSource({"0, 0", "-0, 0", "7, 7", "-12, -12", "9223372036854775807, 9223372036854775807",
        "-9223372036854775808, -9223372036854775808", "'  42 ', 42"})
    void integersInTheLongRange(String json, long expected) throws MalformedSafeTensorsException {
        assertEquals(expected, new JsonReader(json).readLong("n"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "9223372036854775808 | out of the 64-bit range",
        "-9223372036854775809 | out of the 64-bit range",
        "123456789012345678901234567890 | integer 12345678901234567890... for n is out of the 64-bit range",
        "01 | leading zero",
        "-01 | leading zero",
        "1.5 | not an integer",
        "1e5 | not an integer",
        "2E0 | not an integer",
        "- | expected an integer for n, found '-'",
        "+1 | expected an integer for n, found '+'",
        "true | expected an integer for n, found 't'",
        "'\"1\"' | expected an integer for n, found '\"'"})
    void badIntegers(String json, String messagePart) {
        MalformedSafeTensorsException error = assertThrows(MalformedSafeTensorsException.class,
                () -> new JsonReader(json).readLong("n"));
        assertTrue(error.getMessage().contains(messagePart), error.getMessage());
    }

    @Test
    void objectsAndArraysWithWhitespace() throws MalformedSafeTensorsException {
        JsonReader reader = new JsonReader(" {\n\t\"a\" : [ 1 , 2 ] ,\r\"b\":[], \"c\" : {} } ");
        List<String> seen = new ArrayList<>();
        reader.beginObject("top");
        for (String name; (name = reader.nextName("top")) != null; ) {
            seen.add(name);
            if (name.equals("c")) {
                reader.beginObject("c");
                assertNull(reader.nextName("c"));
                continue;
            }
            reader.beginArray(name);
            while (reader.hasNextElement(name)) {
                seen.add(Long.toString(reader.readLong(name)));
            }
        }
        reader.endDocument();
        assertEquals(List.of("a", "1", "2", "b", "c"), seen);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "[1,] | expected an integer",
        "[,1] | expected an integer",
        "[1 2] | expected ',' or ']' after an element of a",
        "[1 | expected ',' or ']' after an element of a, found the end of the header"})
    void badArrays(String json, String messagePart) {
        MalformedSafeTensorsException error = assertThrows(MalformedSafeTensorsException.class, () -> {
            JsonReader reader = new JsonReader(json);
            reader.beginArray("a");
            while (reader.hasNextElement("a")) {
                reader.readLong("a");
            }
        });
        assertTrue(error.getMessage().contains(messagePart), error.getMessage());
    }

    @Test
    void nestingDeeperThanTheLimitIsRejected() throws MalformedSafeTensorsException {
        JsonReader reader = new JsonReader("[".repeat(JsonReader.MAX_DEPTH + 1));
        for (int level = 0; level < JsonReader.MAX_DEPTH; level++) {
            reader.beginArray("level " + level);
            assertTrue(reader.hasNextElement("level " + level));
        }
        MalformedSafeTensorsException error = assertThrows(MalformedSafeTensorsException.class,
                () -> reader.beginArray("too deep"));
        assertTrue(error.getMessage().contains("nested deeper than " + JsonReader.MAX_DEPTH), error.getMessage());
    }

    @Test
    void errorsGiveTheCharacterPosition() {
        MalformedSafeTensorsException error = assertThrows(MalformedSafeTensorsException.class, () -> {
            JsonReader reader = new JsonReader("{\"a\" 1}");
            reader.beginObject("top");
            reader.nextName("top");
        });
        assertEquals("bad header JSON at character 5: expected ':' after member \"a\" of top, found '1'", error.getMessage());
    }

    @Test
    void emptyObjectAndNothingAfterIt() throws MalformedSafeTensorsException {
        JsonReader reader = new JsonReader("{}   ");
        reader.beginObject("top");
        assertNull(reader.nextName("top"));
        reader.endDocument();
    }
}
