package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CheckpointTest {
    @TempDir
    Path directory;

    private static Module model(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Sequential(new Linear(3, 4, true, random), new BatchNorm1d(4), new Tanh(), new Linear(4, 1, true, random));
    }

    private static void train(Module model, Optimizer optimizer, int steps) {
        Tensor x = Tensor.randn(new SplittableRandom(9), 8, 3);
        Tensor y = Tensor.randn(new SplittableRandom(10), 8, 1);
        for (int step = 0; step < steps; step++) {
            optimizer.zeroGrad();
            Losses.mse(model.forward(x), y).backward();
            optimizer.step();
        }
    }

    @Test
    void resumingFromACheckpointContinuesTheSameRun() throws IOException {
        Module uninterrupted = model(1);
        train(uninterrupted, new Adam(uninterrupted.parameters(), 0.01), 6);

        Module first = model(1);
        Adam firstOptimizer = new Adam(first.parameters(), 0.01);
        train(first, firstOptimizer, 3);
        Path path = directory.resolve("run.safetensors");
        Checkpoint.save(path, first, firstOptimizer);

        Module resumed = model(2);
        Adam resumedOptimizer = new Adam(resumed.parameters(), 0.5);
        Checkpoint.load(path, resumed, resumedOptimizer);
        train(resumed, resumedOptimizer, 3);
        uninterrupted.stateDict().forEach((name, tensor) ->
                assertArrayEquals(tensor.buffer(), resumed.stateDict().get(name).buffer(), name));
        assertEquals(List.of(path), Files.list(directory).toList(), "no temporary file is left behind");
    }

    @Test
    void theFileIsPlainSafetensorsWithPrefixedNames() throws IOException {
        Module model = model(1);
        Path path = directory.resolve("model.safetensors");
        Checkpoint.save(path, model, null);
        Map<String, Tensor> tensors = SafeTensors.read(path);
        assertEquals(model.stateDict().size(), tensors.size());
        assertTrue(tensors.containsKey("model.1.running_var"), tensors.keySet().toString());
        Module loaded = model(3);
        Checkpoint.load(path, loaded, null);
        assertArrayEquals(model.stateDict().get("3.weight").buffer(), loaded.stateDict().get("3.weight").buffer());
    }

    @Test
    void aMismatchChangesNothing() throws IOException {
        Module model = model(1);
        SGD sgd = new SGD(model.parameters(), 0.1, 0.9);
        train(model, sgd, 1);
        Path path = directory.resolve("sgd.safetensors");
        Checkpoint.save(path, model, sgd);

        Module other = model(2);
        double[] before = other.stateDict().get("0.weight").toArray();
        Adam adam = new Adam(other.parameters(), 0.1);
        assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(path, other, adam));
        assertArrayEquals(before, other.stateDict().get("0.weight").buffer());
        SGD withoutMomentum = new SGD(other.parameters(), 0.1);
        String rejected = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(path, other, withoutMomentum))
                .getMessage();
        assertTrue(rejected.contains("unexpected key 'state.0.momentum_buffer'"), rejected);
        assertArrayEquals(before, other.stateDict().get("0.weight").buffer(), "the model is restored");

        Module wider = new Sequential(new Linear(3, 5), new BatchNorm1d(5), new Tanh(), new Linear(5, 1));
        String message = assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(path, wider, null)).getMessage();
        assertTrue(message.contains("key '0.weight' has shape [4, 3], expected [5, 3]"), message);

        Path plain = directory.resolve("plain.safetensors");
        SafeTensors.write(plain, Map.of("weight", Tensor.zeros(2)));
        assertThrows(IOException.class, () -> Checkpoint.load(plain, model, null));
    }

    @Test
    void savingIntoAMissingDirectoryNamesTheTargetNotATemporaryFile() {
        Path target = directory.resolve("missing").resolve("run.safetensors");
        Module model = model(1);
        String message = assertThrows(NoSuchFileException.class, () -> Checkpoint.save(target, model, null)).getMessage();
        assertTrue(message.contains(target.toString()), message);
        assertTrue(message.contains("directory " + target.getParent() + " does not exist"), message);
        assertFalse(message.contains(".tmp"), message);
    }

    @Test
    void loadingAModelOnlyCheckpointWithAnOptimizerSaysSo() throws IOException {
        Module model = model(1);
        Path path = directory.resolve("model-only.safetensors");
        Checkpoint.save(path, model, null);
        Module other = model(2);
        double[] before = other.stateDict().get("0.weight").toArray();
        String message = assertThrows(IllegalArgumentException.class,
                () -> Checkpoint.load(path, other, new Adam(other.parameters(), 0.1))).getMessage();
        assertTrue(message.contains(path + " holds a model only, no optimizer state for Adam"), message);
        assertFalse(message.contains("optimizer null"), message);
        assertArrayEquals(before, other.stateDict().get("0.weight").buffer(), "nothing is loaded");
    }
}
