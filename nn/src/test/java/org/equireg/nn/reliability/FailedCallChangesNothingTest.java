package org.equireg.nn.reliability;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.equireg.nn.Adam;
import org.equireg.nn.AdamW;
import org.equireg.nn.BatchNorm1d;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.nn.Optimizer;
import org.equireg.nn.SGD;
import org.equireg.nn.Sequential;
import org.equireg.nn.Tanh;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every method documented "on failure nothing is changed" is called with each kind of bad input, one
 * fault at a time, on a model and optimizer in the middle of training (and files already on disk):
 * the call must throw, and afterwards the model's state dict, the optimizer's state dict and every
 * file's bytes must be exactly what they were. Covers {@link Optimizer#loadStateDict} and
 * {@link Optimizer#setLearningRate} for every optimizer, {@link Module#loadStateDict} strict and
 * not, {@link Checkpoint#load} with each bad optimizer state and a bad model, and
 * {@link Checkpoint#save} / {@link SafeTensors#write} that fail.
 */
class FailedCallChangesNothingTest {
    private static final int TRAINED_STEPS = 5;

    @TempDir
    Path directory;

    /** The optimizers, each over a fresh model's parameters (every Optimizer subclass of nn). */
    private static final Map<String, Function<Module, Optimizer>> OPTIMIZERS = Map.of(
            "SGD", model -> new SGD(model.parameters(), 0.1),
            "SGD momentum", model -> new SGD(model.parameters(), 0.1, 0.9),
            "SGD nesterov", model -> new SGD(model.parameters(), 0.1, 0.9, 0, 0.01, true),
            "Adam", model -> new Adam(model.parameters(), 0.01),
            "AdamW", model -> new AdamW(model.parameters(), 0.01));

    /** One fault in an otherwise valid optimizer state dict, and the fragment its message must hold. */
    private record Fault(String what, UnaryOperator<Map<String, Tensor>> inject, String fragment) {
    }

    private static List<Fault> faults(boolean hasBuffers, boolean hasSquares) {
        List<Fault> faults = new ArrayList<>(List.of(
                new Fault("negative learning rate", put("param_groups.0.lr", Tensor.scalar(-0.5)), "-0.5"),
                new Fault("NaN learning rate", put("param_groups.0.lr", Tensor.scalar(Double.NaN)), "NaN"),
                new Fault("no learning rate", remove("param_groups.0.lr"), "param_groups.0.lr"),
                new Fault("step 1e300", put("state.0.step", Tensor.scalar(1e300)), "state.0.step"),
                new Fault("step 2.5", put("state.0.step", Tensor.scalar(2.5)), "state.0.step"),
                new Fault("step -1", put("state.0.step", Tensor.scalar(-1)), "state.0.step"),
                new Fault("unknown key", put("state.0.velocity", Tensor.zeros(4, 3)), "state.0.velocity"),
                new Fault("parameter 9 of 4", put("state.9.step", Tensor.scalar(1)), "state.9.step")));
        if (hasBuffers) {
            String buffer = hasSquares ? "exp_avg" : "momentum_buffer";
            faults.add(new Fault("step without " + buffer, remove("state.1." + buffer), "parameter 1 has step"));
            faults.add(new Fault("buffers without a step", remove("state.1.step"), "parameter 1 has buffers"));
            faults.add(new Fault("wrongly shaped " + buffer, put("state.0." + buffer, Tensor.zeros(3, 4)), "[3, 4]"));
            faults.add(new Fault("NaN in " + buffer, put("state.0." + buffer, nanAt(Tensor.zeros(4, 3))), "NaN"));
        }
        if (hasSquares) {
            faults.add(new Fault("negative exp_avg_sq", put("state.0.exp_avg_sq", Tensor.full(-1e-3, 4, 3)), "-0.001"));
            faults.add(new Fault("infinite exp_avg_sq", put("state.2.exp_avg_sq", Tensor.full(Double.POSITIVE_INFINITY, 4)),
                    "Infinity"));
        }
        return faults;
    }

    private static UnaryOperator<Map<String, Tensor>> put(String key, Tensor value) {
        return state -> {
            Map<String, Tensor> changed = new LinkedHashMap<>(state);
            changed.put(key, value);
            return changed;
        };
    }

    private static UnaryOperator<Map<String, Tensor>> remove(String key) {
        return state -> {
            Map<String, Tensor> changed = new LinkedHashMap<>(state);
            changed.remove(key);
            return changed;
        };
    }

    private static Tensor nanAt(Tensor values) {
        values.buffer()[1] = Double.NaN;
        return values;
    }

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

    /** Everything a failed call must leave as it was: values of both state dicts, as arrays. */
    private static Map<String, double[]> snapshot(Module model, Optimizer optimizer) {
        Map<String, double[]> values = new LinkedHashMap<>();
        model.stateDict().forEach((key, tensor) -> values.put("model." + key, tensor.toArray()));
        if (optimizer != null) {
            optimizer.stateDict().forEach((key, tensor) -> values.put("optimizer." + key, tensor.toArray()));
        }
        return values;
    }

    private static void assertUnchanged(Map<String, double[]> before, Map<String, double[]> after, String call) {
        assertEquals(before.keySet(), after.keySet(), call + ": the keys changed");
        before.forEach((key, values) -> assertArrayEquals(values, after.get(key), call + ": " + key + " changed"));
    }

    @TestFactory
    Stream<DynamicTest> optimizerLoadStateDict() {
        return OPTIMIZERS.entrySet().stream().flatMap(entry -> {
            boolean hasBuffers = !entry.getKey().equals("SGD");
            boolean hasSquares = entry.getKey().startsWith("Adam");
            return faults(hasBuffers, hasSquares).stream().map(fault -> DynamicTest.dynamicTest(
                    entry.getKey() + " <- " + fault.what(), () -> {
                        Module trained = model(1);
                        Optimizer optimizer = entry.getValue().apply(trained);
                        train(trained, optimizer, TRAINED_STEPS);
                        Map<String, Tensor> bad = fault.inject().apply(optimizer.stateDict());
                        Map<String, double[]> before = snapshot(trained, optimizer);
                        String message = assertThrows(IllegalArgumentException.class, () -> optimizer.loadStateDict(bad),
                                fault.what()).getMessage();
                        assertTrue(message.contains(fault.fragment()), fault.what() + ": " + message);
                        assertUnchanged(before, snapshot(trained, optimizer), "loadStateDict");
                    }));
        });
    }

    @TestFactory
    Stream<DynamicTest> checkpointLoadWithABadOptimizerState() {
        return OPTIMIZERS.entrySet().stream().flatMap(entry -> {
            boolean hasBuffers = !entry.getKey().equals("SGD");
            boolean hasSquares = entry.getKey().startsWith("Adam");
            return faults(hasBuffers, hasSquares).stream().map(fault -> DynamicTest.dynamicTest(
                    entry.getKey() + " <- " + fault.what(), () -> {
                        Module saved = model(1);
                        Optimizer savedOptimizer = entry.getValue().apply(saved);
                        train(saved, savedOptimizer, 2);
                        Path path = directory.resolve("bad.ckpt");
                        writeCheckpoint(path, saved, fault.inject().apply(savedOptimizer.stateDict()),
                                savedOptimizer.getClass().getSimpleName());

                        Module target = model(2);
                        Optimizer optimizer = entry.getValue().apply(target);
                        train(target, optimizer, TRAINED_STEPS);
                        Map<String, double[]> before = snapshot(target, optimizer);
                        assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(path, target, optimizer), fault.what());
                        assertUnchanged(before, snapshot(target, optimizer), "Checkpoint.load");
                    }));
        });
    }

    /** A checkpoint file as {@link Checkpoint#save} writes it, with the given optimizer entries. */
    private static void writeCheckpoint(Path path, Module model, Map<String, Tensor> optimizerState, String optimizer)
            throws IOException {
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.stateDict().forEach((name, tensor) -> tensors.put("model." + name, tensor));
        optimizerState.forEach((name, tensor) -> tensors.put("optimizer." + name, tensor));
        SafeTensors.write(path, tensors, Map.of("format", "equireg-checkpoint-1", "optimizer", optimizer));
    }

    @TestFactory
    Stream<DynamicTest> theOtherMethodsDocumentedSo() {
        return Stream.of(
                DynamicTest.dynamicTest("Optimizer.setLearningRate(-1)", () -> {
                    Module model = model(1);
                    Adam adam = new Adam(model.parameters(), 0.01);
                    train(model, adam, 2);
                    Map<String, double[]> before = snapshot(model, adam);
                    assertThrows(IllegalArgumentException.class, () -> adam.setLearningRate(-1));
                    assertUnchanged(before, snapshot(model, adam), "setLearningRate");
                }),
                DynamicTest.dynamicTest("Module.loadStateDict strict, one wrong shape among right ones", () -> {
                    Module model = model(1);
                    Map<String, Tensor> state = new LinkedHashMap<>(model(2).stateDict());
                    state.put("3.bias", Tensor.zeros(2));
                    Map<String, double[]> before = snapshot(model, null);
                    assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(state));
                    assertUnchanged(before, snapshot(model, null), "loadStateDict");
                }),
                DynamicTest.dynamicTest("Module.loadStateDict not strict, one wrong shape among right ones", () -> {
                    Module model = model(1);
                    Map<String, Tensor> state = new LinkedHashMap<>(model(2).stateDict());
                    state.put("0.weight", Tensor.zeros(3, 4));
                    state.remove("3.bias");
                    Map<String, double[]> before = snapshot(model, null);
                    assertThrows(IllegalArgumentException.class, () -> model.loadStateDict(state, false));
                    assertUnchanged(before, snapshot(model, null), "loadStateDict");
                }),
                DynamicTest.dynamicTest("Checkpoint.load of a wider model", () -> {
                    Module wider = new Sequential(new Linear(3, 5), new BatchNorm1d(5), new Tanh(), new Linear(5, 1));
                    SGD widerOptimizer = new SGD(wider.parameters(), 0.1, 0.9);
                    train(wider, widerOptimizer, 1);
                    Path path = directory.resolve("wider.ckpt");
                    Checkpoint.save(path, wider, widerOptimizer);
                    Module model = model(1);
                    SGD optimizer = new SGD(model.parameters(), 0.1, 0.9);
                    train(model, optimizer, TRAINED_STEPS);
                    Map<String, double[]> before = snapshot(model, optimizer);
                    assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(path, model, optimizer));
                    assertUnchanged(before, snapshot(model, optimizer), "Checkpoint.load");
                }),
                DynamicTest.dynamicTest("Checkpoint.load of a model-only file with an optimizer", () -> {
                    Path path = directory.resolve("model-only.ckpt");
                    Checkpoint.save(path, model(2), null);
                    Module model = model(1);
                    Adam optimizer = new Adam(model.parameters(), 0.01);
                    train(model, optimizer, TRAINED_STEPS);
                    Map<String, double[]> before = snapshot(model, optimizer);
                    assertThrows(IllegalArgumentException.class, () -> Checkpoint.load(path, model, optimizer));
                    assertUnchanged(before, snapshot(model, optimizer), "Checkpoint.load");
                }),
                DynamicTest.dynamicTest("Checkpoint.save over a file, failing", () -> {
                    Path folder = Files.createDirectory(directory.resolve("failed-save"));
                    Path path = folder.resolve("kept.ckpt");
                    Checkpoint.save(path, model(1), null);
                    byte[] before = Files.readAllBytes(path);
                    Module unwritable = model(2);
                    Path directoryInTheWay = folder.resolve("in-the-way.ckpt");
                    Files.createDirectories(directoryInTheWay.resolve("child"));
                    assertThrows(IOException.class, () -> Checkpoint.save(directoryInTheWay, unwritable, null));
                    assertArrayEquals(before, Files.readAllBytes(path), "another file changed");
                    assertTrue(Files.isDirectory(directoryInTheWay.resolve("child")), "the directory in the way changed");
                    assertEquals(List.of("in-the-way.ckpt", "kept.ckpt"), Files.list(folder)
                            .map(file -> file.getFileName().toString()).sorted().toList(), "a temporary file was left");
                }),
                DynamicTest.dynamicTest("SafeTensors.write of a null tensor over a file", () -> {
                    Path path = directory.resolve("weights.safetensors");
                    SafeTensors.write(path, Map.of("w", Tensor.ones(2)));
                    byte[] before = Files.readAllBytes(path);
                    Map<String, Tensor> withNull = new LinkedHashMap<>();
                    withNull.put("w", null);
                    assertThrows(RuntimeException.class, () -> SafeTensors.write(path, withNull));
                    assertArrayEquals(before, Files.readAllBytes(path));
                }));
    }
}
