package org.equireg.nn.data;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * A dataset divided into disjoint training and test parts.
 *
 * @param train the training samples
 * @param test the test samples
 */
public record Split(TensorDataset train, TensorDataset test) {

    /**
     * A random split: {@code ceil(testFraction * n)} samples, drawn without replacement by a
     * permutation from {@code random}, go to the test part (in permutation order), the rest to the
     * training part; both parts are non-empty. The same seed gives the same split.
     * scikit-learn: {@code train_test_split(..., test_size=testFraction, random_state=seed)}.
     */
    public static Split of(TensorDataset dataset, double testFraction, RandomGenerator random) {
        if (dataset == null || random == null) {
            throw new IllegalArgumentException("Split.of: dataset " + dataset + " and random " + random
                    + " must not be null");
        }
        int n = dataset.size();
        int testSize = (int) Math.ceil(testFraction * n);
        if (!(testFraction > 0 && testFraction < 1) || testSize < 1 || testSize >= n) {
            throw new IllegalArgumentException("Split.of: test fraction " + testFraction + " of " + n
                    + " samples leaves an empty training or test part");
        }
        int[] order = new int[n];
        Arrays.setAll(order, i -> i);
        DataLoader.shuffleInPlace(order, random);
        return new Split(dataset.subset(Arrays.copyOfRange(order, testSize, n)),
                dataset.subset(Arrays.copyOfRange(order, 0, testSize)));
    }
}
