package org.equireg.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class DataLoaderTest {

    /** Ten samples: inputs row i = (i, 10 i), label i. */
    private static TensorDataset tenSamples() {
        double[] inputs = new double[20];
        for (int i = 0; i < 10; i++) {
            inputs[2 * i] = i;
            inputs[2 * i + 1] = 10 * i;
        }
        return new TensorDataset(Tensor.of(inputs, 10, 2), Tensor.arange(10));
    }

    private static List<Integer> epoch(DataLoader loader) {
        List<Integer> seen = new ArrayList<>();
        for (Batch batch : loader) {
            for (int row = 0; row < batch.size(); row++) {
                int label = (int) batch.targets().get(row);
                assertEquals(label, batch.indices()[row]);
                assertEquals(10.0 * label, batch.inputs().get(row, 1), "rows stay aligned across tensors");
                seen.add(label);
            }
        }
        return seen;
    }

    @Test
    void withoutShufflingBatchesComeInOrderWithASmallerLastOne() {
        DataLoader loader = new DataLoader(tenSamples(), 4);
        List<int[]> shapes = new ArrayList<>();
        loader.forEach(batch -> shapes.add(batch.inputs().shape()));
        assertEquals(3, loader.batchesPerEpoch());
        assertArrayEquals(new int[] {2, 2}, shapes.get(2));
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), epoch(loader));
    }

    @Test
    void dropLastSkipsTheIncompleteBatch() {
        DataLoader loader = new DataLoader(tenSamples(), 4, new SplittableRandom(1), true);
        assertEquals(2, loader.batchesPerEpoch());
        assertEquals(8, epoch(loader).size());
    }

    @Test
    void shufflingIsAPermutationFixedByTheSeedAndNewEachEpoch() {
        DataLoader loader = new DataLoader(tenSamples(), 3, new SplittableRandom(5), false);
        List<Integer> first = epoch(loader);
        List<Integer> second = epoch(loader);
        assertEquals(List.of(0, 1, 2, 3, 4, 5, 6, 7, 8, 9), first.stream().sorted().toList());
        assertFalse(first.equals(second), "each epoch draws a new order");
        DataLoader again = new DataLoader(tenSamples(), 3, new SplittableRandom(5), false);
        assertEquals(first, epoch(again));
        assertEquals(second, epoch(again));
    }

    @Test
    void fisherYatesIsUniformOnThreeElements() {
        int[] counts = new int[6];
        SplittableRandom random = new SplittableRandom(11);
        int trials = 60_000;
        for (int trial = 0; trial < trials; trial++) {
            int[] values = {0, 1, 2};
            DataLoader.shuffleInPlace(values, random);
            counts[values[0] * 2 + (values[1] > values[2] ? 1 : 0)]++;
        }
        double expected = trials / 6.0;
        double standardError = Math.sqrt(trials * (1 / 6.0) * (5 / 6.0));
        for (int count : counts) {
            assertEquals(expected, count, 4 * standardError, Arrays.toString(counts));
        }
    }

    @Test
    void splitIsDisjointCompleteAndSeeded() {
        TensorDataset data = tenSamples();
        Split split = Split.of(data, 0.25, new SplittableRandom(3));
        assertEquals(3, split.test().size(), "ceil(0.25 * 10)");
        assertEquals(7, split.train().size());
        List<Double> all = new ArrayList<>();
        for (double label : split.train().tensor(1).toArray()) {
            all.add(label);
        }
        for (double label : split.test().tensor(1).toArray()) {
            all.add(label);
        }
        assertEquals(List.of(0.0, 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0), all.stream().sorted().toList());
        Split again = Split.of(data, 0.25, new SplittableRandom(3));
        assertArrayEquals(split.test().tensor(0).toArray(), again.test().tensor(0).toArray());
        assertThrows(IllegalArgumentException.class, () -> Split.of(data, 0.999, new SplittableRandom(3)));
    }

    @Test
    void datasetTensorsMustShareTheirFirstDimension() {
        String message = assertThrows(IllegalArgumentException.class,
                () -> new TensorDataset(Tensor.zeros(3, 2), Tensor.zeros(4))).getMessage();
        assertTrue(message.contains("tensor 1 has shape [4], tensor 0 has [3, 2]"), message);
        assertArrayEquals(new double[] {4, 40, 5, 50}, tenSamples().range(4, 6).tensor(0).toArray());
    }
}
