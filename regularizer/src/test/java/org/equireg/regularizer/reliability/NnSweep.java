package org.equireg.regularizer.reliability;

import static org.equireg.regularizer.reliability.SweepRow.row;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.equireg.core.DType;
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
import org.equireg.nn.GELU;
import org.equireg.nn.Gradients;
import org.equireg.nn.Identity;
import org.equireg.nn.Init;
import org.equireg.nn.LayerNorm;
import org.equireg.nn.LeakyReLU;
import org.equireg.nn.Linear;
import org.equireg.nn.LogSoftmax;
import org.equireg.nn.Losses;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.NormalCdf;
import org.equireg.nn.ReLU;
import org.equireg.nn.Reduction;
import org.equireg.nn.SGD;
import org.equireg.nn.Sequential;
import org.equireg.nn.Sigmoid;
import org.equireg.nn.Softmax;
import org.equireg.nn.StepLR;
import org.equireg.nn.Tanh;
import org.equireg.nn.data.Csv;
import org.equireg.nn.data.DataLoader;
import org.equireg.nn.data.Idx;
import org.equireg.nn.data.Split;
import org.equireg.nn.data.TensorDataset;

/** The sweep's rows for nn's public entry points. */
final class NnSweep {
    private NnSweep() {
    }

    static List<Tensor> parameters() {
        return List.of(Tensor.zeros(2, 3).requiresGrad(true));
    }

    static Stream<SweepRow> rows() {
        return Stream.of(layers(), forwards(), optimizers(), losses(), initAndData()).flatMap(rows -> rows);
    }

    private static Stream<SweepRow> layers() {
        SplittableRandom random = new SplittableRandom(1);
        return Stream.of(
                row("nn.Linear#new(int, int)", "in = 0", () -> new Linear(0, 3), "Linear", "in = 0"),
                row("nn.Linear#new(int, int, boolean, RandomGenerator)", "out = -2", () -> new Linear(3, -2, true, random), "Linear", "out = -2"),
                row("nn.Conv2d#new(int, int, int, int, int)", "inChannels = 0", () -> new Conv2d(0, 4, 3, 1, 1), "Conv2d", "inChannels = 0"),
                row("nn.Conv2d#new(int, int, int, int, int)", "kernel = -1", () -> new Conv2d(1, 4, -1, 1, 1), "Conv2d", "kernel = -1"),
                row("nn.Conv2d#new(int, int, int, int, int, int, int, boolean, RandomGenerator)", "groups = 3 with 4 channels",
                        () -> new Conv2d(4, 4, 3, 1, 1, 1, 3, true, random), "Conv2d", "groups = 3"),
                row("nn.LayerNorm#new(int...)", "normalized shape [0]", () -> new LayerNorm(0), "LayerNorm", "[0]"),
                row("nn.LayerNorm#new(int[], double)", "eps = -1", () -> new LayerNorm(new int[] {3}, -1), "LayerNorm", "eps = -1.0"),
                row("nn.BatchNorm1d#new(int)", "channels = 0", () -> new BatchNorm1d(0), "BatchNorm1d", "channels = 0"),
                row("nn.BatchNorm1d#new(int, double, double)", "eps = NaN", () -> new BatchNorm1d(3, Double.NaN, 0.1), "BatchNorm1d", "eps = NaN"),
                row("nn.BatchNorm2d#new(int)", "channels = -1", () -> new BatchNorm2d(-1), "BatchNorm2d", "channels = -1"),
                row("nn.BatchNorm2d#new(int, double, double)", "momentum = 2", () -> new BatchNorm2d(3, 1e-5, 2), "BatchNorm2d", "momentum = 2.0"),
                row("nn.Dropout#new(double)", "p = 1.5", () -> new Dropout(1.5), "Dropout", "1.5"),
                row("nn.Dropout#new(double, RandomGenerator)", "p = NaN", () -> new Dropout(Double.NaN, random), "Dropout", "NaN"),
                row("nn.LeakyReLU#new(double)", "slope = NaN", () -> new LeakyReLU(Double.NaN), "LeakyReLU", "NaN"),
                row("nn.Flatten#new(int, int)", "startDim 2 after endDim 1", () -> new Flatten(2, 1).forward(Tensor.zeros(2, 3, 4)),
                        "flatten", "startAxis 2", "endAxis 1"),
                row("nn.MaxPool2d#new(int)", "kernel = 0", () -> new MaxPool2d(0), "MaxPool2d", "kernel = 0"),
                row("nn.MaxPool2d#new(int, int, int)", "stride = -1", () -> new MaxPool2d(2, -1, 0), "MaxPool2d", "stride = -1"),
                row("nn.AvgPool2d#new(int)", "kernel = -2", () -> new AvgPool2d(-2), "AvgPool2d", "kernel = -2"),
                row("nn.AvgPool2d#new(int, int, int)", "padding = 5", () -> new AvgPool2d(2, 2, 5), "AvgPool2d", "padding = 5"),
                row("nn.AdaptiveAvgPool2d#new(int)", "size = 0", () -> new AdaptiveAvgPool2d(0), "AdaptiveAvgPool2d", "0"),
                row("nn.AdaptiveAvgPool2d#new(int, int)", "0 x 2", () -> new AdaptiveAvgPool2d(0, 2), "AdaptiveAvgPool2d", "0 x 2"),
                row("nn.Softmax#new(int)", "dim 2 on a matrix", () -> new Softmax(2).forward(Tensor.zeros(2, 3)), "softmax", "axis 2", "rank 2"),
                row("nn.LogSoftmax#new(int)", "dim -3 on a matrix", () -> new LogSoftmax(-3).forward(Tensor.zeros(2, 3)), "logSoftmax", "axis -3", "rank 2"),
                row("nn.Sequential#new(Module...)", "null module", () -> new Sequential(new Linear(2, 2), null), "Sequential", "null"),
                row("nn.Sequential#append(Module)", "null module", () -> new Sequential().append(null), "append", "module", "null"),
                row("nn.Sequential#get(int)", "index 3 of 1", () -> new Sequential(new Identity()).get(3), "get", "3"),
                row("nn.Module#apply(Tensor)", "null input", () -> new Sequential().apply(null), "Sequential.apply", "input is null"),
                row("nn.Module#to(DType)", "null dtype", () -> new Linear(3, 2).to(null), "Module.to", "dtype", "null"),
                row("nn.Module#loadStateDict(Map)", "null state", () -> new Linear(3, 2).loadStateDict(null), "loadStateDict", "state is null"),
                row("nn.Module#loadStateDict(Map, boolean)", "weight of shape [3, 3] for [2, 3]",
                        () -> new Linear(3, 2).loadStateDict(Map.of("weight", Tensor.zeros(3, 3), "bias", Tensor.zeros(2)), false),
                        "loadStateDict", "weight", "[3, 3]", "[2, 3]"),
                row("nn.Checkpoint#save(Path, Module, Optimizer)", "null model", () -> Checkpoint.save(Path.of("unused.ckpt"), null, null),
                        "Checkpoint.save", "model is null"),
                row("nn.Checkpoint#load(Path, Module, Optimizer)", "missing file", IOException.class,
                        () -> Checkpoint.load(Path.of("no-such-dir/missing.ckpt"), new Linear(2, 2), null), "missing.ckpt"));
    }

    /** Each layer's forward with a null input and, where the layer has a shape contract, a bad shape. */
    private static Stream<SweepRow> forwards() {
        Tensor vector = Tensor.zeros(3);
        return Stream.of(
                row("nn.Linear#forward(Tensor)", "null input", () -> new Linear(3, 2).forward(null), "Linear.forward", "input is null"),
                row("nn.Linear#forward(Tensor)", "5 features for 3", () -> new Linear(3, 2).forward(Tensor.zeros(4, 5)), "linear", "[4, 5]", "[2, 3]"),
                row("nn.Conv2d#forward(Tensor)", "rank-1 input", () -> new Conv2d(1, 1, 3, 1, 1).forward(vector), "conv2d", "[3]"),
                row("nn.LayerNorm#forward(Tensor)", "last axis 3 for normalized shape [4]", () -> new LayerNorm(4).forward(vector), "LayerNorm", "[3]", "[4]"),
                row("nn.BatchNorm#forward(Tensor)", "3 channels for 2", () -> new BatchNorm1d(2).forward(Tensor.zeros(4, 3)), "BatchNorm1d", "[4, 3]"),
                row("nn.Dropout#forward(Tensor)", "null input", () -> new Dropout(0.5).forward(null), "Dropout.forward", "input is null"),
                row("nn.Flatten#forward(Tensor)", "null input", () -> new Flatten(0, -1).forward(null), "Flatten.forward", "input is null"),
                row("nn.MaxPool2d#forward(Tensor)", "rank-1 input", () -> new MaxPool2d(2).forward(vector), "maxPool2d", "[3]"),
                row("nn.AvgPool2d#forward(Tensor)", "rank-1 input", () -> new AvgPool2d(2).forward(vector), "avgPool2d", "[3]"),
                row("nn.MaxPool2d#forward(Tensor)", "1x1 images under a 2x2 window", () -> new MaxPool2d(2).forward(Tensor.zeros(4, 1, 1, 1)),
                        "maxPool2d", "kernel 2", "[4, 1, 1, 1]"),
                row("nn.AvgPool2d#forward(Tensor)", "1x1 image under a 2x2 window", () -> new AvgPool2d(2, 2, 0).forward(Tensor.full(7, 1, 1, 1, 1)),
                        "avgPool2d", "kernel 2", "[1, 1, 1, 1]"),
                row("nn.Conv2d#forward(Tensor)", "2x2 image under a 3x3 kernel with stride 2", () -> new Conv2d(1, 1, 3, 2, 0).forward(Tensor.zeros(1, 1, 2, 2)),
                        "conv2d", "3x3", "[1, 1, 2, 2]"),
                row("nn.AdaptiveAvgPool2d#forward(Tensor)", "rank-1 input", () -> new AdaptiveAvgPool2d(2).forward(vector), "AdaptiveAvgPool2d", "[3]"),
                row("nn.Softmax#forward(Tensor)", "null input", () -> new Softmax(0).forward(null), "Softmax.forward", "input is null"),
                row("nn.LogSoftmax#forward(Tensor)", "null input", () -> new LogSoftmax(0).forward(null), "LogSoftmax.forward", "input is null"),
                row("nn.LeakyReLU#forward(Tensor)", "null input", () -> new LeakyReLU(0.1).forward(null), "LeakyReLU.forward", "input is null"),
                row("nn.ReLU#forward(Tensor)", "null input", () -> new ReLU().forward(null), "ReLU.forward", "input is null"),
                row("nn.Tanh#forward(Tensor)", "null input", () -> new Tanh().forward(null), "Tanh.forward", "input is null"),
                row("nn.Sigmoid#forward(Tensor)", "null input", () -> new Sigmoid().forward(null), "Sigmoid.forward", "input is null"),
                row("nn.GELU#forward(Tensor)", "null input", () -> new GELU().forward(null), "GELU.forward", "input is null"),
                row("nn.Identity#forward(Tensor)", "null input", () -> new Identity().forward(null), "Identity.forward", "input is null"),
                row("nn.Sequential#forward(Tensor)", "null input", () -> new Sequential(new Identity()).forward(null), "Sequential.forward", "input is null"),
                row("nn.NormalCdf#apply(Tensor)", "null input", () -> NormalCdf.apply(null), "NormalCdf.apply", "null"));
    }

    private static Stream<SweepRow> optimizers() {
        return Stream.of(
                row("nn.SGD#new(List, double)", "lr = NaN", () -> new SGD(parameters(), Double.NaN), "SGD", "NaN"),
                row("nn.SGD#new(List, double)", "lr = -1", () -> new SGD(parameters(), -1), "SGD", "-1"),
                row("nn.SGD#new(List, double)", "null parameters", () -> new SGD(null, 0.1), "SGD", "null"),
                row("nn.SGD#new(List, double)", "no parameters", () -> new SGD(List.of(), 0.1), "SGD", "empty"),
                row("nn.SGD#new(List, double, double)", "momentum = -0.5", () -> new SGD(parameters(), 0.1, -0.5), "SGD", "momentum = -0.5"),
                row("nn.SGD#new(List, double, double, double, double, boolean)", "weightDecay = NaN",
                        () -> new SGD(parameters(), 0.1, 0.9, 0, Double.NaN, false), "SGD", "weightDecay", "NaN"),
                row("nn.Adam#new(List, double)", "parameter without grad", () -> new Adam(List.of(Tensor.zeros(2)), 0.1), "Adam", "parameter 0"),
                row("nn.Adam#new(List, double, double, double, double, double)", "beta1 = 1",
                        () -> new Adam(parameters(), 0.1, 1, 0.999, 1e-8, 0), "Adam", "beta1 = 1.0"),
                row("nn.AdamW#new(List, double)", "lr = Infinity", () -> new AdamW(parameters(), Double.POSITIVE_INFINITY), "AdamW", "Infinity"),
                row("nn.AdamW#new(List, double, double, double, double, double)", "eps = -1",
                        () -> new AdamW(parameters(), 0.1, 0.9, 0.999, -1, 0.01), "AdamW", "eps = -1.0"),
                row("nn.Optimizer#setLearningRate(double)", "NaN", () -> new SGD(parameters(), 0.1).setLearningRate(Double.NaN),
                        "setLearningRate", "NaN"),
                row("nn.Optimizer#loadStateDict(Map)", "null state", () -> new SGD(parameters(), 0.1).loadStateDict(null), "loadStateDict", "state", "null"),
                row("nn.StepLR#new(Optimizer, int, double)", "stepSize = 0", () -> new StepLR(new SGD(parameters(), 0.1), 0, 0.5), "StepLR", "stepSize = 0"),
                row("nn.StepLR#new(Optimizer, int, double)", "gamma = NaN", () -> new StepLR(new SGD(parameters(), 0.1), 2, Double.NaN), "StepLR", "gamma = NaN"),
                row("nn.CosineAnnealingLR#new(Optimizer, int, double)", "period = -1",
                        () -> new CosineAnnealingLR(new SGD(parameters(), 0.1), -1, 0), "CosineAnnealingLR", "period = -1"),
                row("nn.LearningRateSchedule#setEpoch(int)", "epoch = -1",
                        () -> new StepLR(new SGD(parameters(), 0.1), 2, 0.5).setEpoch(-1), "setEpoch", "-1"),
                row("nn.Gradients#clipGradNorm(List, double)", "maxNorm = -1", () -> Gradients.clipGradNorm(parameters(), -1), "clipGradNorm", "maxNorm = -1.0"),
                row("nn.Gradients#clipGradNorm(List, double, double)", "p = 0", () -> Gradients.clipGradNorm(parameters(), 1, 0), "clipGradNorm", "p = 0.0"));
    }

    private static Stream<SweepRow> losses() {
        Tensor logits = Tensor.zeros(2, 4);
        return Stream.of(
                row("nn.Losses#mse(Tensor, Tensor)", "null target", () -> Losses.mse(Tensor.zeros(2), null), "mse", "target is null"),
                row("nn.Losses#mse(Tensor, Tensor, Reduction)", "shapes [3, 2] and [2, 3]",
                        () -> Losses.mse(Tensor.zeros(3, 2), Tensor.zeros(2, 3), Reduction.SUM), "mse", "[3, 2]", "[2, 3]"),
                row("nn.Losses#l1(Tensor, Tensor)", "shapes [3] and [4]", () -> Losses.l1(Tensor.zeros(3), Tensor.zeros(4)), "l1", "[3]", "[4]"),
                row("nn.Losses#l1(Tensor, Tensor, Reduction)", "null reduction", () -> Losses.l1(Tensor.zeros(3), Tensor.zeros(3), null), "l1", "reduction", "null"),
                row("nn.Losses#smoothL1(Tensor, Tensor)", "shapes [3] and [4]", () -> Losses.smoothL1(Tensor.zeros(3), Tensor.zeros(4)), "smoothL1", "[3]", "[4]"),
                row("nn.Losses#smoothL1(Tensor, Tensor, double, Reduction)", "beta = -1",
                        () -> Losses.smoothL1(Tensor.zeros(3), Tensor.zeros(3), -1, Reduction.MEAN), "smoothL1", "beta", "-1"),
                row("nn.Losses#crossEntropy(Tensor, int[])", "2 labels for a batch of 3", () -> Losses.crossEntropy(Tensor.zeros(3, 4), new int[] {0, 1}),
                        "crossEntropy", "2 labels", "batch of 3"),
                row("nn.Losses#crossEntropy(Tensor, int[])", "label 4 of 4 classes", () -> Losses.crossEntropy(logits, new int[] {0, 4}), "crossEntropy", "label 4"),
                row("nn.Losses#crossEntropy(Tensor, int[])", "1-D logits", () -> Losses.crossEntropy(Tensor.zeros(4), new int[] {1}),
                        "crossEntropy", "(batch, classes)", "[4]", "unsqueeze(0)"),
                row("nn.Losses#crossEntropy(Tensor, int[])", "null labels", () -> Losses.crossEntropy(logits, (int[]) null), "crossEntropy", "labels is null"),
                row("nn.Losses#crossEntropy(Tensor, int[], double, Reduction)", "labelSmoothing = 2",
                        () -> Losses.crossEntropy(logits, new int[] {0, 1}, 2, Reduction.MEAN), "crossEntropy", "labelSmoothing", "2.0"),
                row("nn.Losses#crossEntropy(Tensor, Tensor)", "targets [2, 3] for logits [2, 4]", () -> Losses.crossEntropy(logits, Tensor.zeros(2, 3)),
                        "crossEntropy", "[2, 4]", "[2, 3]"),
                row("nn.Losses#crossEntropy(Tensor, Tensor, double, Reduction)", "labelSmoothing = NaN",
                        () -> Losses.crossEntropy(logits, Tensor.zeros(2, 4), Double.NaN, Reduction.MEAN), "crossEntropy", "labelSmoothing", "NaN"),
                row("nn.Losses#nll(Tensor, int[])", "label -1", () -> Losses.nll(logits, new int[] {0, -1}), "nll", "label -1"),
                row("nn.Losses#nll(Tensor, int[], Reduction)", "null labels", () -> Losses.nll(logits, null, Reduction.SUM), "nll", "labels", "null"),
                row("nn.Losses#binaryCrossEntropyWithLogits(Tensor, Tensor)", "shapes [3] and [4]",
                        () -> Losses.binaryCrossEntropyWithLogits(Tensor.zeros(3), Tensor.zeros(4)), "binaryCrossEntropyWithLogits", "[3]", "[4]"),
                row("nn.Losses#binaryCrossEntropyWithLogits(Tensor, Tensor, Reduction)", "null logits",
                        () -> Losses.binaryCrossEntropyWithLogits(null, Tensor.zeros(3), Reduction.MEAN), "binaryCrossEntropyWithLogits", "logits", "null"));
    }

    private static Stream<SweepRow> initAndData() {
        SplittableRandom random = new SplittableRandom(1);
        TensorDataset dataset = new TensorDataset(Tensor.zeros(4, 2), Tensor.zeros(4));
        Tensor weight = Tensor.zeros(3, 2);
        return Stream.of(
                row("nn.Init#uniformInPlace(Tensor, double, double, RandomGenerator)", "low 1 above high 0",
                        () -> Init.uniformInPlace(Tensor.zeros(3), 1, 0, random), "uniformInPlace", "low = 1.0", "high = 0.0"),
                row("nn.Init#normalInPlace(Tensor, double, double, RandomGenerator)", "std = -1",
                        () -> Init.normalInPlace(Tensor.zeros(3), 0, -1, random), "normalInPlace", "-1.0"),
                row("nn.Init#constantInPlace(Tensor, double)", "null tensor", () -> Init.constantInPlace(null, 1), "constantInPlace", "tensor", "null"),
                row("nn.Init#xavierUniformInPlace(Tensor, double, RandomGenerator)", "rank-1 weight",
                        () -> Init.xavierUniformInPlace(Tensor.zeros(3), 1, random), "Init.Fans.of", "[3]"),
                row("nn.Init#xavierNormalInPlace(Tensor, double, RandomGenerator)", "gain = NaN",
                        () -> Init.xavierNormalInPlace(weight, Double.NaN, random), "xavierNormalInPlace", "gain", "NaN"),
                row("nn.Init#kaimingUniformInPlace(Tensor, double, RandomGenerator)", "null generator",
                        () -> Init.kaimingUniformInPlace(weight, 0, null), "kaimingUniformInPlace", "random", "null"),
                row("nn.Init#kaimingUniformInPlace(Tensor, double, FanMode, Nonlinearity, RandomGenerator)", "null mode",
                        () -> Init.kaimingUniformInPlace(weight, 0, null, Init.Nonlinearity.RELU, random), "kaimingUniformInPlace", "mode", "null"),
                row("nn.Init#kaimingNormalInPlace(Tensor, double, FanMode, Nonlinearity, RandomGenerator)", "negativeSlope = NaN",
                        () -> Init.kaimingNormalInPlace(weight, Double.NaN, Init.FanMode.FAN_IN, Init.Nonlinearity.LEAKY_RELU, random),
                        "kaimingNormalInPlace", "NaN"),
                row("nn.Init#layerDefaultsInPlace(Tensor, Tensor, RandomGenerator)", "bias [2] for weight [3, 2]",
                        () -> Init.layerDefaultsInPlace(weight, Tensor.zeros(2), random), "layerDefaultsInPlace", "[2]", "[3, 2]"),
                row("nn.Init.Fans#of(int...)", "rank-1 shape", () -> Init.Fans.of(3), "Init.Fans.of", "[3]"),
                row("nn.Init.Nonlinearity#gain(double)", "negativeSlope = NaN", () -> Init.Nonlinearity.LEAKY_RELU.gain(Double.NaN), "gain", "NaN"),
                row("nn.data.TensorDataset#new(Tensor...)", "lengths 4 and 3", () -> new TensorDataset(Tensor.zeros(4, 2), Tensor.zeros(3)),
                        "TensorDataset", "[4, 2]", "[3]"),
                row("nn.data.TensorDataset#new(Tensor...)", "no tensors", () -> new TensorDataset(), "TensorDataset"),
                row("nn.data.TensorDataset#new(Tensor...)", "a scalar", () -> new TensorDataset(Tensor.scalar(1)), "TensorDataset",
                        "tensor 0 is a scalar"),
                row("nn.data.TensorDataset#tensor(int)", "index 2 of 2", () -> dataset.tensor(2), "tensor", "2"),
                row("nn.data.TensorDataset#subset(int...)", "index 4 of 4", () -> dataset.subset(0, 4), "subset", "4"),
                row("nn.data.TensorDataset#range(int, int)", "end 5 past 4", () -> dataset.range(1, 5), "range", "5"),
                row("nn.data.DataLoader#new(TensorDataset, int)", "batchSize = 0", () -> new DataLoader(dataset, 0), "DataLoader", "0"),
                row("nn.data.DataLoader#new(TensorDataset, int)", "null dataset", () -> new DataLoader(null, 2), "DataLoader", "null"),
                row("nn.data.DataLoader#new(TensorDataset, int, RandomGenerator, boolean)", "batchSize = -3",
                        () -> new DataLoader(dataset, -3, random, false), "DataLoader", "-3"),
                row("nn.data.Split#of(TensorDataset, double, RandomGenerator)", "testFraction = 1.5", () -> Split.of(dataset, 1.5, random), "Split", "1.5"),
                row("nn.data.Csv#read(Path)", "missing file", IOException.class, () -> Csv.read(Path.of("no-such-dir/missing.csv")), "missing.csv"),
                row("nn.data.Idx#read(Path)", "null path", () -> Idx.read(null), "Idx.read", "path is null"),
                row("nn.data.Idx#read(Path)", "missing file", IOException.class, () -> Idx.read(Path.of("no-such-dir/missing-idx3-ubyte")),
                        "missing-idx3-ubyte"),
                row("nn.data.Idx#read(Path)", "header claiming 2^30 bytes in a 12-byte file", IOException.class,
                        () -> Idx.read(temporaryFile(new byte[] {0, 0, 8, 2, 0, 1, 0, 0, 0, 0, 64, 0})), "sweep-idx", "truncated", "1073741824"),
                row("nn.data.Csv#read(Path, int)", "headerLines = -1", () -> Csv.read(Path.of("unused.csv"), -1), "Csv.read", "headerLines", "-1"),
                row("nn.data.Csv#read(Path, int, DType)", "null dtype", () -> Csv.read(Path.of("unused.csv"), 0, null), "Csv.read", "dtype", "null"));
    }

    /** A temporary file holding {@code bytes}, deleted when the JVM exits. */
    private static Path temporaryFile(byte[] bytes) throws IOException {
        Path file = Files.createTempFile("sweep-idx", ".bin");
        file.toFile().deleteOnExit();
        return Files.write(file, bytes);
    }
}
