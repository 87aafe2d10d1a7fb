package org.equireg.regularizer.reliability;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.equireg.nn.Adam;
import org.equireg.nn.AdamW;
import org.equireg.nn.AdaptiveAvgPool2d;
import org.equireg.nn.AvgPool2d;
import org.equireg.nn.BatchNorm1d;
import org.equireg.nn.BatchNorm2d;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Conv2d;
import org.equireg.nn.CosineAnnealingLR;
import org.equireg.nn.Dropout;
import org.equireg.nn.Flatten;
import org.equireg.nn.Gradients;
import org.equireg.nn.Init;
import org.equireg.nn.LayerNorm;
import org.equireg.nn.LeakyReLU;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.Reduction;
import org.equireg.nn.SGD;
import org.equireg.nn.Sequential;
import org.equireg.nn.StepLR;
import org.equireg.nn.data.DataLoader;
import org.equireg.nn.data.Split;
import org.equireg.nn.data.TensorDataset;
import org.equireg.regularizer.Distance;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.function.Executable;

/**
 * One row per public entry point of nn (and the cross-module ones of core and regularizer not
 * covered by core's ErrorMessageTest and regularizer's BadInputTest): a bad argument must raise an
 * IllegalArgumentException whose message names the class or method and quotes the offending value.
 */
class ValidationSweepTest {
    private record Row(String name, Executable call, String... fragments) {
    }

    private static List<Tensor> parameters() {
        return List.of(Tensor.zeros(2, 3).requiresGrad(true));
    }

    private static Row row(String name, Executable call, String... fragments) {
        return new Row(name, call, fragments);
    }

    private static Stream<Row> rows() {
        SplittableRandom random = new SplittableRandom(1);
        TensorDataset dataset = new TensorDataset(Tensor.zeros(4, 2), Tensor.zeros(4));
        return Stream.of(
                row("Linear(in = 0)", () -> new Linear(0, 3), "Linear", "in = 0"),
                row("Linear(out = -2)", () -> new Linear(3, -2, true, random), "Linear", "out = -2"),
                row("Linear.forward(null)", () -> new Linear(3, 2).forward(null), "Linear.forward", "input is null"),
                row("Losses.mse(null target)", () -> Losses.mse(Tensor.zeros(2), null), "mse", "target is null"),
                row("Losses.crossEntropy(null labels)", () -> Losses.crossEntropy(Tensor.zeros(2, 3), (int[]) null),
                        "crossEntropy", "labels is null"),
                row("Module.loadStateDict(null)", () -> new Linear(3, 2).loadStateDict(null), "loadStateDict", "state is null"),
                row("Checkpoint.save(null model)", () -> Checkpoint.save(java.nio.file.Path.of("unused.ckpt"), null, null),
                        "Checkpoint.save", "model is null"),
                row("Linear.forward(wrong width)", () -> new Linear(3, 2).forward(Tensor.zeros(4, 5)), "linear", "[4, 5]", "[2, 3]"),
                row("Conv2d(inChannels = 0)", () -> new Conv2d(0, 4, 3, 1, 1), "Conv2d", "inChannels = 0"),
                row("Conv2d(kernel = -1)", () -> new Conv2d(1, 4, -1, 1, 1), "Conv2d", "kernel = -1"),
                row("Conv2d(groups = 3 with 4 channels)", () -> new Conv2d(4, 4, 3, 1, 1, 1, 3, true, random), "Conv2d", "groups = 3"),
                row("LayerNorm(0)", () -> new LayerNorm(0), "LayerNorm", "[0]"),
                row("LayerNorm(eps = -1)", () -> new LayerNorm(new int[] {3}, -1), "LayerNorm", "eps = -1.0"),
                row("BatchNorm1d(0)", () -> new BatchNorm1d(0), "BatchNorm1d", "channels = 0"),
                row("BatchNorm2d(momentum = 2)", () -> new BatchNorm2d(3, 1e-5, 2), "BatchNorm2d", "momentum = 2.0"),
                row("BatchNorm1d(eps = NaN)", () -> new BatchNorm1d(3, Double.NaN, 0.1), "BatchNorm1d", "eps = NaN"),
                row("Dropout(1.5)", () -> new Dropout(1.5), "Dropout", "1.5"),
                row("Dropout(NaN)", () -> new Dropout(Double.NaN), "Dropout", "NaN"),
                row("LeakyReLU(NaN)", () -> new LeakyReLU(Double.NaN), "LeakyReLU", "NaN"),
                row("Flatten(startDim > endDim)", () -> new Flatten(2, 1).forward(Tensor.zeros(2, 3, 4)), "flatten", "startAxis 2", "endAxis 1"),
                row("MaxPool2d(kernel = 0)", () -> new MaxPool2d(0), "MaxPool2d", "kernel = 0"),
                row("AvgPool2d(padding = 5)", () -> new AvgPool2d(2, 2, 5), "AvgPool2d", "padding = 5"),
                row("AdaptiveAvgPool2d(0, 2)", () -> new AdaptiveAvgPool2d(0, 2), "AdaptiveAvgPool2d", "0 x 2"),
                row("SGD(lr = NaN)", () -> new SGD(parameters(), Double.NaN), "SGD", "NaN"),
                row("SGD(lr = -1)", () -> new SGD(parameters(), -1), "SGD", "-1"),
                row("SGD(momentum = -0.5)", () -> new SGD(parameters(), 0.1, -0.5), "SGD", "momentum = -0.5"),
                row("SGD(null parameters)", () -> new SGD(null, 0.1), "SGD", "null"),
                row("SGD(empty parameters)", () -> new SGD(List.of(), 0.1), "SGD", "empty"),
                row("Adam(parameter without grad)", () -> new Adam(List.of(Tensor.zeros(2)), 0.1), "Adam", "parameter 0"),
                row("Adam(lr = -0.1)", () -> new Adam(parameters(), -0.1), "Adam", "-0.1"),
                row("Adam(beta1 = 1)", () -> new Adam(parameters(), 0.1, 1, 0.999, 1e-8, 0), "Adam", "beta1 = 1.0"),
                row("AdamW(lr = Infinity)", () -> new AdamW(parameters(), Double.POSITIVE_INFINITY), "AdamW", "Infinity"),
                row("Optimizer.setLearningRate(NaN)", () -> new SGD(parameters(), 0.1).setLearningRate(Double.NaN), "NaN"),
                row("StepLR(stepSize = 0)", () -> new StepLR(new SGD(parameters(), 0.1), 0, 0.5), "StepLR", "stepSize = 0"),
                row("StepLR(gamma = NaN)", () -> new StepLR(new SGD(parameters(), 0.1), 2, Double.NaN), "StepLR", "gamma = NaN"),
                row("CosineAnnealingLR(period = -1)", () -> new CosineAnnealingLR(new SGD(parameters(), 0.1), -1, 0), "CosineAnnealingLR", "period = -1"),
                row("Gradients.clipGradNorm(maxNorm = -1)", () -> Gradients.clipGradNorm(parameters(), -1), "clipGradNorm", "maxNorm = -1.0"),
                row("Gradients.clipGradNorm(p = 0)", () -> Gradients.clipGradNorm(parameters(), 1, 0), "clipGradNorm", "p = 0.0"),
                row("Init.uniformInPlace(low > high)", () -> Init.uniformInPlace(Tensor.zeros(3), 1, 0, random), "uniformInPlace", "low = 1.0", "high = 0.0"),
                row("Init.normalInPlace(std = -1)", () -> Init.normalInPlace(Tensor.zeros(3), 0, -1, random), "normalInPlace", "-1.0"),
                row("Init.xavierUniformInPlace(rank 1)", () -> Init.xavierUniformInPlace(Tensor.zeros(3), 1, random), "Init.Fans.of", "[3]"),
                row("Losses.mse(shape mismatch)", () -> Losses.mse(Tensor.zeros(3, 2), Tensor.zeros(2, 3)), "mse", "[3, 2]", "[2, 3]"),
                row("Losses.crossEntropy(label count)", () -> Losses.crossEntropy(Tensor.zeros(3, 4), new int[] {0, 1}), "crossEntropy", "2 labels", "batch of 3"),
                row("Losses.crossEntropy(label out of range)", () -> Losses.crossEntropy(Tensor.zeros(2, 4), new int[] {0, 4}), "crossEntropy", "label 4"),
                row("Losses.crossEntropy(labelSmoothing = 2)",
                        () -> Losses.crossEntropy(Tensor.zeros(2, 4), new int[] {0, 1}, 2, Reduction.MEAN), "crossEntropy", "labelSmoothing", "2.0"),
                row("Losses.crossEntropy(soft targets shape)", () -> Losses.crossEntropy(Tensor.zeros(2, 4), Tensor.zeros(2, 3)), "crossEntropy", "[2, 4]", "[2, 3]"),
                row("Losses.nll(label -1)", () -> Losses.nll(Tensor.zeros(2, 4), new int[] {0, -1}), "nll", "label -1"),
                row("Losses.binaryCrossEntropyWithLogits(shape)",
                        () -> Losses.binaryCrossEntropyWithLogits(Tensor.zeros(3), Tensor.zeros(4)), "binaryCrossEntropyWithLogits", "[3]", "[4]"),
                row("TensorDataset(length mismatch)", () -> new TensorDataset(Tensor.zeros(4, 2), Tensor.zeros(3)), "TensorDataset", "[4, 2]", "[3]"),
                row("DataLoader(batchSize = 0)", () -> new DataLoader(dataset, 0), "DataLoader", "0"),
                row("DataLoader(batchSize = -3)", () -> new DataLoader(dataset, -3, random, false), "DataLoader", "-3"),
                row("Split.of(testFraction = 1.5)", () -> Split.of(dataset, 1.5, random), "Split", "1.5"),
                row("Module.loadStateDict(wrong shape)",
                        () -> new Linear(3, 2).loadStateDict(Map.of("weight", Tensor.zeros(3, 3), "bias", Tensor.zeros(2))), "loadStateDict", "weight", "[3, 3]", "[2, 3]"),
                row("Sequential(null module)", () -> new Sequential(new Linear(2, 2), null), "Sequential", "null"),
                row("DataLoader(null dataset)", () -> new DataLoader(null, 2), "DataLoader", "null"),
                row("TensorDataset()", () -> new TensorDataset(), "TensorDataset"),
                row("Tensor.stack(no tensors)", () -> Tensor.stack(0), "stack"),
                row("Tensor.reshape(bad size)", () -> Tensor.zeros(2, 3).reshape(4, 2), "reshape", "[2, 3]", "[4, 2]"),
                row("Distance.lp(NaN)", () -> Distance.lp(Double.NaN), "Distance.lp", "NaN"),
                row("Tensor.zeros(-1)", () -> Tensor.zeros(2, -1), "zeros", "-1"),
                row("Tensor.of(data length)", () -> Tensor.of(new double[5], 2, 3), "Tensor.of", "5", "[2, 3]"),
                row("Tensor.of(null data)", () -> Tensor.of(null, 2), "Tensor.of", "null"),
                row("Tensor.full(negative size)", () -> Tensor.full(1, -2), "full", "-2"),
                row("Tensor.arange(-1)", () -> Tensor.arange(-1), "arange", "-1"),
                row("Tensor.rand(negative size)", () -> Tensor.rand(random, -4), "rand", "-4"));
    }

    @TestFactory
    Stream<DynamicTest> everyBadArgumentIsRejectedClearly() {
        return rows().map(row -> DynamicTest.dynamicTest(row.name(), () -> {
            IllegalArgumentException error = assertThrows(IllegalArgumentException.class, row.call(), row.name());
            String message = String.valueOf(error.getMessage());
            for (String fragment : row.fragments()) {
                assertTrue(message.contains(fragment), row.name() + ": '" + fragment + "' missing from: " + message);
            }
        }));
    }
}
