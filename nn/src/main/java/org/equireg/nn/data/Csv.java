package org.equireg.nn.data;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Arrays;
import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * Loads numeric CSV (comma separated, one sample per line, every line the same number of values)
 * into a (rows, columns) tensor. Gzipped files are recognised by their magic bytes, whatever their
 * name, and read strictly (a truncated or corrupt file, or bytes after its end, is an error naming
 * the file). A UTF-8 byte order mark at the start is skipped. Blank lines are skipped. Values are anything {@link Double#parseDouble} reads except
 * Java's {@code d}/{@code f} suffixes, surrounding spaces allowed.
 *
 * <pre>{@code
 * Tensor table = Csv.read(Path.of("data/digits.csv.gz"));    // (1797, 65)
 * Tensor images = table.slice(1, 0, 64).div(16);              // (1797, 64) in [0, 1]
 * Tensor labels = table.slice(1, 64, 65).flatten();           // (1797)
 * }</pre>
 */
public final class Csv {
    private static final char BYTE_ORDER_MARK = '\uFEFF';

    private Csv() {
    }

    /** Every line of {@code path} as a row of numbers, in the default type ({@link Tensor#defaultDtype()}). */
    public static Tensor read(Path path) throws IOException {
        return read(path, 0);
    }

    /**
     * The lines of {@code path} after skipping {@code headerLines} header lines, in the default type.
     *
     * @throws IOException when the file cannot be read, holds no rows, or has a malformed row (the
     *     message names the file, the line, and the column or the counts)
     */
    public static Tensor read(Path path, int headerLines) throws IOException {
        return read(path, headerLines, Tensor.defaultDtype());
    }

    /**
     * Like {@link #read(Path, int)}, with values of type {@code dtype}: each number is parsed as a
     * double and, for float32, rounded to nearest once.
     */
    public static Tensor read(Path path, int headerLines, DType dtype) throws IOException {
        if (dtype == null) {
            throw new IllegalArgumentException("Csv.read: dtype is null");
        }
        if (path == null) {
            throw new IllegalArgumentException("Csv.read: path is null");
        }
        if (headerLines < 0) {
            throw new IllegalArgumentException("Csv.read: headerLines " + headerLines + " is negative");
        }
        try (InputStream in = GzipStream.open(path);
             BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
            return parse(reader, path.toString(), headerLines).to(dtype);
        }
    }

    private static Tensor parse(BufferedReader reader, String source, int headerLines) throws IOException {
        double[] values = new double[1024];
        int count = 0;
        int columns = -1;
        int rows = 0;
        int lineNumber = 0;
        for (String line = reader.readLine(); line != null; line = reader.readLine()) {
            lineNumber++;
            if (lineNumber == 1 && line.startsWith(String.valueOf(BYTE_ORDER_MARK))) {
                line = line.substring(1); // written by some editors and spreadsheets at the start of UTF-8 files
            }
            if (lineNumber <= headerLines || line.isBlank()) {
                continue;
            }
            String[] fields = line.split(",", -1);
            if (columns < 0) {
                columns = fields.length;
            } else if (fields.length != columns) {
                throw new IOException(source + ": line " + lineNumber + " has " + fields.length + " values, expected "
                        + columns + " like the first row");
            }
            if (count + columns > values.length) {
                values = Arrays.copyOf(values, Math.max(2 * values.length, count + columns));
            }
            for (int column = 0; column < columns; column++) {
                values[count++] = number(fields[column], source, lineNumber, column);
            }
            rows++;
        }
        if (rows == 0) {
            throw new IOException(source + ": no data rows");
        }
        return Tensor.wrap(Arrays.copyOf(values, count), rows, columns);
    }

    private static double number(String field, String source, int lineNumber, int column) throws IOException {
        String text = field.strip();
        char last = text.isEmpty() ? ' ' : Character.toLowerCase(text.charAt(text.length() - 1));
        try {
            if (last == 'd' || last == 'f') {
                throw new NumberFormatException();
            }
            return Double.parseDouble(text);
        } catch (NumberFormatException e) {
            throw new IOException(source + ": line " + lineNumber + ", column " + (column + 1) + ": '" + field
                    + "' is not a number", e);
        }
    }
}
