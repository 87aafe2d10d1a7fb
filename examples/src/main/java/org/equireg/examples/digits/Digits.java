package org.equireg.examples.digits;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.data.Csv;
import org.equireg.nn.data.Split;
import org.equireg.nn.data.TensorDataset;

/**
 * UCI 8x8 handwritten digits: images (N, 1, 8, 8) with pixels in [0, 1] and labels 0..9.
 *
 * @param images (N, 1, 8, 8)
 * @param labels N classes in 0..9
 */
public record Digits(Tensor images, int[] labels) {
    /** Pixels per side. */
    public static final int SIDE = 8;
    /** Number of classes. */
    public static final int CLASSES = 10;
    /** Largest raw pixel value in the CSV (each pixel counts set bits in a 4x4 block). */
    private static final double MAX_PIXEL = 16;

    public Digits {
        if (images.rank() != 4 || images.dim(0) != labels.length || images.dim(1) != 1 || images.dim(2) != SIDE || images.dim(3) != SIDE) {
            throw new IllegalArgumentException("Digits: images must be (N, 1, 8, 8) with N = labels.length = " + labels.length
                    + ", got " + Arrays.toString(images.shape()));
        }
        labels = labels.clone();
    }

    /** Number of images. */
    public int size() {
        return labels.length;
    }

    /** The labels (a copy). */
    @Override
    public int[] labels() {
        return labels.clone();
    }

    /** The label of image {@code index}. */
    public int label(int index) {
        return labels[index];
    }

    /**
     * Reads the CSV, gzipped or not (no header; per line 64 pixel values 0..16 row by row, then the
     * label 0..9), and scales the pixels by 1/16 into [0, 1].
     *
     * @throws IOException naming the absolute path when the file is missing, or the line of a bad value
     */
    public static Digits load(Path csv) throws IOException {
        if (!Files.isRegularFile(csv)) {
            throw new NoSuchFileException(csv.toAbsolutePath().toString(), null,
                    "digits data not found; run from the repository root (it holds data/digits.csv.gz) or pass --data PATH");
        }
        Tensor table = Csv.read(csv, 0, DType.FLOAT64); // (N, 65); checked as doubles, images in the default type below
        int pixels = SIDE * SIDE;
        if (table.dim(1) != pixels + 1) {
            throw new IOException(csv + ": expected " + (pixels + 1) + " values per line (64 pixels, label), got " + table.dim(1));
        }
        double[] values = table.buffer();
        int count = table.dim(0);
        int[] labels = new int[count];
        for (int row = 0; row < count; row++) {
            for (int column = 0; column <= pixels; column++) {
                double value = values[row * (pixels + 1) + column];
                double max = column < pixels ? MAX_PIXEL : CLASSES - 1;
                if (value != Math.rint(value) || value < 0 || value > max) {
                    throw new IOException(csv + ": line " + (row + 1) + ", column " + (column + 1) + ": expected a whole number in [0, "
                            + (int) max + "], got " + value);
                }
            }
            labels[row] = (int) values[row * (pixels + 1) + pixels];
        }
        Tensor images = table.slice(1, 0, pixels).div(MAX_PIXEL).reshape(count, 1, SIDE, SIDE).to(Tensor.defaultDtype());
        return new Digits(images, labels);
    }

    /** Images and labels (as whole numbers) as a dataset of two tensors. */
    public TensorDataset dataset() {
        return new TensorDataset(images, labelTensor(labels));
    }

    /** A dataset of (images, labels) back as digits. */
    public static Digits of(TensorDataset dataset) {
        double[] raw = dataset.tensor(1).toArray();
        int[] labels = new int[raw.length];
        for (int i = 0; i < raw.length; i++) {
            labels[i] = (int) raw[i];
        }
        return new Digits(dataset.tensor(0), labels);
    }

    /** Labels as a (N) tensor of whole numbers, the class-index form {@code Losses.crossEntropy} reads. */
    static Tensor labelTensor(int[] labels) {
        double[] values = new double[labels.length];
        for (int i = 0; i < labels.length; i++) {
            values[i] = labels[i];
        }
        return Tensor.of(values, labels.length);
    }

    /** A training and a test set. */
    public record Parts(Digits train, Digits test) {
    }

    /** A random split, {@code ceil(testFraction * N)} images for testing, as {@link Split#of}. */
    public Parts split(double testFraction, RandomGenerator random) {
        Split split = Split.of(dataset(), testFraction, random);
        return new Parts(of(split.train()), of(split.test()));
    }
}
