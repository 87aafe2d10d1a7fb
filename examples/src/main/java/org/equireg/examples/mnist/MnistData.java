package org.equireg.examples.mnist;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.data.Idx;

/**
 * Labeled digit images {@code (count, 1, 28, 28)} in [0, 1] (0 paper, 1 ink) with their labels.
 *
 * @param images (count, 1, 28, 28)
 * @param labels (count), the classes 0..9 as doubles
 */
public record MnistData(Tensor images, Tensor labels) {
    /** Image side in pixels. */
    public static final int SIDE = 28;
    /** The study's test-set size. */
    public static final int TEST_SIZE = 2000;
    /** Seed of the train/test split: one fixed test set for every run and seed. */
    public static final long SPLIT_SEED = 12;

    /** The data set split into a test set and the training pool. */
    public record Parts(MnistData pool, MnistData test) {
    }

    /** Reads {@code mnist10k-images-idx3-ubyte.gz} and {@code mnist10k-labels-idx1-ubyte.gz} from {@code folder}. */
    public static MnistData load(Path folder) throws IOException {
        Path imageFile = folder.resolve("mnist10k-images-idx3-ubyte.gz");
        Path labelFile = folder.resolve("mnist10k-labels-idx1-ubyte.gz");
        for (Path file : new Path[] {imageFile, labelFile}) {
            if (!Files.isRegularFile(file)) {
                throw new IOException(file.toAbsolutePath() + ": MNIST data not found; run from the repository root or pass --data DIR");
            }
        }
        Tensor images = Idx.read(imageFile);
        Tensor labels = Idx.read(labelFile);
        if (images.rank() != 3 || images.dim(1) != SIDE || images.dim(2) != SIDE) {
            throw new IOException(imageFile + ": expected images (count, 28, 28), got " + Arrays.toString(images.shape()));
        }
        if (labels.rank() != 1 || labels.dim(0) != images.dim(0)) {
            throw new IOException(labelFile + ": expected " + images.dim(0) + " labels, got shape "
                    + Arrays.toString(labels.shape()));
        }
        return new MnistData(images.div(255).reshape(images.dim(0), 1, SIDE, SIDE), labels);
    }

    /** The number of images. */
    public int size() {
        return labels.dim(0);
    }

    /** A seeded permutation split: the first {@code testSize} shuffled images for testing, the rest as the pool. */
    public Parts split(int testSize, SplittableRandom random) {
        int[] order = permutation(size(), random);
        return new Parts(subset(Arrays.copyOfRange(order, testSize, order.length)),
                subset(Arrays.copyOf(order, testSize)));
    }

    /** The images at {@code indices}, in that order. */
    public MnistData subset(int... indices) {
        return new MnistData(images.indexSelect(0, indices), labels.indexSelect(0, indices));
    }

    /** The first {@code count} images. */
    public MnistData head(int count) {
        return new MnistData(images.slice(0, 0, count), labels.slice(0, 0, count));
    }

    /** The labels as ints. */
    public int[] labelArray() {
        return Arrays.stream(labels.toArray()).mapToInt(value -> (int) value).toArray();
    }

    /**
     * A labeled subset of {@code perClass} images of each class drawn without replacement, and the
     * rest of the pool (whose labels the semi-supervised runs never read).
     *
     * @return {labeled, unlabeled}
     */
    public MnistData[] labeledSplit(int perClass, SplittableRandom random) {
        int[] labelArray = labelArray();
        int[] order = permutation(size(), random);
        int[] taken = new int[10];
        int[] labeled = new int[10 * perClass];
        int[] unlabeled = new int[size() - labeled.length];
        int l = 0;
        int u = 0;
        for (int index : order) {
            int label = labelArray[index];
            if (taken[label] < perClass && l < labeled.length) {
                taken[label]++;
                labeled[l++] = index;
            } else if (u < unlabeled.length) {
                unlabeled[u++] = index;
            }
        }
        if (l != labeled.length) {
            throw new IllegalStateException("MnistData.labeledSplit: fewer than " + perClass + " images of some class");
        }
        Arrays.sort(labeled);
        return new MnistData[] {subset(labeled), subset(unlabeled)};
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        for (int i = n - 1; i > 0; i--) { // Fisher-Yates
            int j = random.nextInt(i + 1);
            int held = order[i];
            order[i] = order[j];
            order[j] = held;
        }
        return order;
    }
}
