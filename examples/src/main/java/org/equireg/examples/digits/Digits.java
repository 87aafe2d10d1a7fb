package org.equireg.examples.digits;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.zip.GZIPInputStream;
import org.equireg.core.Tensor;

/**
 * UCI 8x8 handwritten digits: images (N, 1, 8, 8) with pixels in [0, 1] and labels 0..9.
 *
 * @param images (N, 1, 8, 8)
 * @param labels N classes in 0..9
 */
public record Digits(Tensor images, int[] labels) {
    /** Pixels per side. */
    public static final int SIDE = 8;
    /** Largest raw pixel value in the CSV (pixels are counts of set bits in 4x4 blocks). */
    private static final double MAX_PIXEL = 16;

    public Digits {
        if (images.rank() != 4 || images.dim(0) != labels.length || images.dim(1) != 1 || images.dim(2) != SIDE || images.dim(3) != SIDE) {
            throw new IllegalArgumentException("Digits: images must be (N, 1, 8, 8) with N = labels.length = " + labels.length
                    + ", got " + java.util.Arrays.toString(images.shape()));
        }
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /**
     * Reads the gzip CSV (no header; 64 pixel values 0..16 row by row, then the label) and scales
     * pixels by 1/16 into [0, 1].
     *
     * @throws IOException naming the absolute path when the file is missing or a line is malformed
     */
    public static Digits load(Path csvGz) throws IOException {
        if (!Files.isRegularFile(csvGz)) {
            throw new NoSuchFileException(csvGz.toAbsolutePath().toString(), null,
                    "digits data not found; run from the repository root (it holds data/digits.csv.gz) or pass --data PATH");
        }
        java.util.List<double[]> rows = new java.util.ArrayList<>();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(
                new GZIPInputStream(Files.newInputStream(csvGz)), StandardCharsets.US_ASCII))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (!line.isBlank()) {
                    rows.add(parse(line, csvGz, rows.size() + 1));
                }
            }
        }
        int pixels = SIDE * SIDE;
        double[] images = new double[rows.size() * pixels];
        int[] labels = new int[rows.size()];
        for (int i = 0; i < rows.size(); i++) {
            double[] row = rows.get(i);
            for (int p = 0; p < pixels; p++) {
                images[i * pixels + p] = row[p] / MAX_PIXEL;
            }
            labels[i] = (int) row[pixels];
        }
        return new Digits(Tensor.of(images, rows.size(), 1, SIDE, SIDE), labels);
    }

    private static double[] parse(String line, Path file, int lineNumber) throws IOException {
        String[] fields = line.split(",");
        int expected = SIDE * SIDE + 1;
        if (fields.length != expected) {
            throw new IOException(file + ":" + lineNumber + ": expected " + expected + " comma-separated values, got " + fields.length);
        }
        double[] values = new double[expected];
        for (int i = 0; i < expected; i++) {
            try {
                values[i] = Integer.parseInt(fields[i].trim());
            } catch (NumberFormatException e) {
                throw new IOException(file + ":" + lineNumber + ": value " + (i + 1) + " is not an integer: '" + fields[i] + "'");
            }
            boolean valid = i < expected - 1 ? values[i] >= 0 && values[i] <= MAX_PIXEL : values[i] >= 0 && values[i] <= 9;
            if (!valid) {
                throw new IOException(file + ":" + lineNumber + ": value " + (i + 1) + " out of range: " + fields[i]);
            }
        }
        return values;
    }

    /** The images at {@code indices}, in that order. Not modified. */
    public Digits subset(int[] indices) {
        int[] picked = new int[indices.length];
        for (int i = 0; i < indices.length; i++) {
            picked[i] = labels[indices[i]];
        }
        return new Digits(images.indexSelect(0, indices), picked);
    }

    /** A training and a test set. */
    public record Split(Digits train, Digits test) {
    }

    /**
     * A seeded random split: a Fisher-Yates shuffle of the indices by {@code SplittableRandom(seed)},
     * the first {@code round(trainFraction * N)} for training, the rest for testing.
     */
    public Split split(double trainFraction, long seed) {
        if (!(trainFraction > 0 && trainFraction < 1)) {
            throw new IllegalArgumentException("Digits.split: trainFraction must lie in (0, 1), got " + trainFraction);
        }
        int[] order = permutation(size(), new SplittableRandom(seed));
        int trainSize = (int) Math.round(trainFraction * size());
        return new Split(subset(java.util.Arrays.copyOfRange(order, 0, trainSize)),
                subset(java.util.Arrays.copyOfRange(order, trainSize, size())));
    }

    /** A uniformly random permutation of 0..n-1 (Fisher-Yates). */
    static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int swap = order[i];
            order[i] = order[j];
            order[j] = swap;
        }
        return order;
    }
}
