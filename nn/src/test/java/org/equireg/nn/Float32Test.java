package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.equireg.core.DType;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.equireg.nn.data.Csv;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * float32 through nn: conversion, default type, optimizers, losses, state dicts and checkpoints.
 * A float32 run is compared with the float64 run from the same (rounded) start within
 * {@link #TRAINING}; conversions that are exact are compared exactly.
 */
class Float32Test {
    /**
     * A few optimizer steps from the same start: each step rounds parameters and moments to float32
     * (2^-24 relative) and the gradients carry float32 rounding of the forward pass; 1e-5 relative
     * to the largest parameter leaves room for a few dozen such roundings, not for a wrong rule.
     */
    private static final double TRAINING = 1e-5;

    @TempDir
    Path directory;

    private static Module model(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Sequential(new Linear(3, 4, true, random), new BatchNorm1d(4), new Tanh(), new Linear(4, 2, true, random));
    }

    /**
     * No batch norm: a bias before batch norm has a zero gradient up to rounding, which Adam divides
     * by its own size, so float32 and float64 would take unrelated steps there.
     */
    private static Module mlp(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Sequential(new Linear(3, 4, true, random), new Tanh(), new Linear(4, 2, true, random));
    }

    private static Tensor inputs(DType dtype) {
        return Tensor.randn(new SplittableRandom(9), 8, 3).to(dtype);
    }

    private static final int[] LABELS = {0, 1, 1, 0, 1, 0, 0, 1};

    private static void train(Module model, Optimizer optimizer, DType dtype, int steps) {
        for (int step = 0; step < steps; step++) {
            optimizer.zeroGrad();
            Losses.crossEntropy(model.forward(inputs(dtype)), LABELS).backward();
            optimizer.step();
        }
    }

    @Test
    void toConvertsEveryParameterAndBufferInPlace() {
        Module model = model(1);
        List<Tensor> before = model.parameters();
        Map<String, double[]> values = new java.util.LinkedHashMap<>();
        model.stateDict().forEach((name, tensor) -> values.put(name, tensor.toArray()));
        assertSame(model, model.to(DType.FLOAT32));
        assertEquals(DType.FLOAT32, model.dtype());
        List<Tensor> after = model.parameters();
        for (int i = 0; i < before.size(); i++) {
            assertSame(before.get(i), after.get(i), "parameter " + i + " is the same object");
        }
        model.stateDict().forEach((name, tensor) -> {
            assertEquals(DType.FLOAT32, tensor.dtype(), name);
            double[] rounded = values.get(name).clone();
            for (int i = 0; i < rounded.length; i++) {
                rounded[i] = (float) rounded[i];
            }
            assertArrayEquals(rounded, tensor.toArray(), name);
        });
        assertEquals(DType.FLOAT32, model.forward(inputs(DType.FLOAT32)).dtype());
        model.to(DType.FLOAT64);
        model.stateDict().forEach((name, tensor) -> assertEquals(DType.FLOAT64, tensor.dtype(), name));
    }

    @Test
    void aFloat64BatchInAFloat32ModelFailsNamingBothTypes() {
        Module model = model(1).to(DType.FLOAT32);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.forward(inputs(DType.FLOAT64)));
        assertTrue(error.getMessage().contains("float64") && error.getMessage().contains("float32"), error.getMessage());
    }

    @Test
    void newLayersTakeTheDefaultType() {
        DType previous = Tensor.defaultDtype();
        try {
            Tensor.setDefaultDtype(DType.FLOAT32);
            Module model = model(1);
            model.stateDict().forEach((name, tensor) -> assertEquals(DType.FLOAT32, tensor.dtype(), name));
            assertEquals(DType.FLOAT32, new Conv2d(1, 2, 3, 1, 1).parameters().get(0).dtype());
        } finally {
            Tensor.setDefaultDtype(previous);
        }
        assertEquals(DType.FLOAT64, model(1).dtype());
    }

    @Test
    void adamSgdAndAdamWTrainInFloat32LikeInFloat64() {
        List<Function<List<Tensor>, Optimizer>> optimizers = List.of(
                parameters -> new Adam(parameters, 0.01),
                parameters -> new AdamW(parameters, 0.01),
                parameters -> new SGD(parameters, 0.1, 0.9, 0, 1e-3, true));
        for (Function<List<Tensor>, Optimizer> make : optimizers) {
            Module wide = mlp(2).to(DType.FLOAT32).to(DType.FLOAT64); // the same rounded start
            Module narrow = mlp(2).to(DType.FLOAT32);
            Optimizer wideOptimizer = make.apply(wide.parameters());
            Optimizer narrowOptimizer = make.apply(narrow.parameters());
            train(wide, wideOptimizer, DType.FLOAT64, 5);
            train(narrow, narrowOptimizer, DType.FLOAT32, 5);
            String name = wideOptimizer.getClass().getSimpleName();
            assertClose(name, wide.stateDict(), narrow.stateDict());
            narrowOptimizer.stateDict().forEach((key, tensor) -> {
                if (!key.endsWith(".step") && !key.startsWith("param_groups")) {
                    assertEquals(DType.FLOAT32, tensor.dtype(), name + " " + key);
                }
            });
            narrow.parameters().forEach(parameter -> assertEquals(DType.FLOAT32, parameter.grad().dtype(), name));
        }
    }

    private static void assertClose(String what, Map<String, Tensor> expected, Map<String, Tensor> actual) {
        expected.forEach((name, tensor) -> {
            double[] want = tensor.toArray();
            double[] got = actual.get(name).toArray();
            double scale = 1;
            for (double value : want) {
                scale = Math.max(scale, Math.abs(value));
            }
            for (int i = 0; i < want.length; i++) {
                assertEquals(want[i], got[i], TRAINING * scale, what + " " + name + " at " + i);
            }
        });
    }

    @Test
    void lossesKeepTheirInputType() {
        Tensor logits = Tensor.randn(new SplittableRandom(3), DType.FLOAT32, 4, 3).requiresGrad(true);
        Tensor loss = Losses.crossEntropy(logits, new int[] {0, 2, 1, 2});
        assertEquals(DType.FLOAT32, loss.dtype());
        loss.backward();
        assertEquals(DType.FLOAT32, logits.grad().dtype());
        Tensor target = Tensor.zeros(DType.FLOAT32, 4, 3);
        assertEquals(DType.FLOAT32, Losses.mse(logits, target).dtype());
        assertEquals(DType.FLOAT32, Losses.crossEntropy(logits, Tensor.of(new float[] {0, 2, 1, 2}, 4)).dtype());
    }

    @Test
    void checkpointsKeepFloat32AndLoadIntoEitherType() throws IOException {
        Module model = model(4).to(DType.FLOAT32);
        Optimizer optimizer = new Adam(model.parameters(), 0.01);
        train(model, optimizer, DType.FLOAT32, 2);
        Path path = directory.resolve("float32.ckpt");
        Checkpoint.save(path, model, optimizer);
        Map<String, Tensor> saved = SafeTensors.read(path);
        assertEquals(DType.FLOAT32, saved.get("model.0.weight").dtype(), "F32 on disk, read back as float32");
        assertEquals(DType.FLOAT32, saved.get("optimizer.state.0.exp_avg").dtype());
        assertTrue(Files.size(path) < 8L * model.parameterCount() + 4096, "F32, not widened to F64");

        Module same = model(5).to(DType.FLOAT32);
        Checkpoint.load(path, same, new Adam(same.parameters(), 0.01));
        model.stateDict().forEach((name, tensor) -> assertArrayEquals(tensor.toFloatArray(),
                same.stateDict().get(name).toFloatArray(), name));

        Module wide = model(5);
        wide.loadStateDict(model.stateDict());
        model.stateDict().forEach((name, tensor) -> {
            assertEquals(DType.FLOAT64, wide.stateDict().get(name).dtype(), name + " keeps the model's type");
            assertArrayEquals(tensor.toArray(), wide.stateDict().get(name).toArray(), name + " widened exactly");
        });
        Module narrow = model(6).to(DType.FLOAT32);
        narrow.loadStateDict(model(7).stateDict());
        model(7).stateDict().forEach((name, tensor) -> assertArrayEquals(tensor.toFloatArray(),
                narrow.stateDict().get(name).toFloatArray(), name + " rounded to nearest"));
    }

    @Test
    void csvReadsFloat32() throws IOException {
        Path path = directory.resolve("table.csv");
        Files.writeString(path, "a,b\n0.1,2\n3,4.5\n");
        Tensor table = Csv.read(path, 1, DType.FLOAT32);
        assertEquals(DType.FLOAT32, table.dtype());
        assertArrayEquals(new float[] {0.1f, 2, 3, 4.5f}, table.toFloatArray());
        assertEquals(DType.FLOAT64, Csv.read(path, 1).dtype());
    }
}
