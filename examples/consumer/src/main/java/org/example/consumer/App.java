package org.example.consumer;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.GradMode;
import org.equireg.core.Kernels;
import org.equireg.core.Tensor;
import org.equireg.nn.Adam;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.Losses;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.Module;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.nn.data.Batch;
import org.equireg.nn.data.Csv;
import org.equireg.nn.data.DataLoader;
import org.equireg.nn.data.Split;
import org.equireg.nn.data.TensorDataset;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.transforms.Transforms;

/**
 * An application of its own that embeds equireg: trains a small CNN on the digits with a
 * rotation-invariance penalty, saves a checkpoint, reloads it into a fresh model and checks that the
 * reloaded model gives the same outputs, bit for bit. Exits with status 1 when something is wrong.
 *
 * <p>Arguments: {@code --data PATH} (default {@code ../../data/digits.csv.gz}, the repository's copy
 * seen from {@code examples/consumer}), {@code --require-simd} (fail unless the Vector API kernels run).
 */
public final class App {
    private App() {
    }

    public static void main(String[] args) throws Exception {
        List<String> arguments = Arrays.asList(args);
        int dataFlag = arguments.indexOf("--data");
        Path data = Path.of(dataFlag >= 0 ? arguments.get(dataFlag + 1) : "../../data/digits.csv.gz");
        java.lang.Module library = Tensor.class.getModule();
        System.out.println("equireg on the " + (library.isNamed() ? "module path, module " + library.getName() : "class path"));
        if (library.isNamed() && (library.isExported("org.equireg.core.kernels") || !library.isExported("org.equireg.core.io"))) {
            System.err.println("org.equireg.core should export org.equireg.core.io and keep org.equireg.core.kernels internal");
            System.exit(1);
        }
        System.out.println("kernels: " + Kernels.describe());
        if (arguments.contains("--require-simd") && !Kernels.vectorized()) {
            System.err.println("expected the Vector API kernels; start java with --add-modules jdk.incubator.vector");
            System.exit(1);
        }

        Tensor table = Csv.read(data);                                       // (1797, 65): 8x8 pixels, then the label
        Tensor images = table.slice(1, 0, 64).div(16).reshape(-1, 1, 8, 8);
        var digits = new TensorDataset(images, table.slice(1, 64, 65).flatten());
        Split split = Split.of(digits, 0.25, new SplittableRandom(1));

        Init.seed(0);
        Module model = new Sequential(new Conv2d(1, 8, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(8 * 4 * 4, 10));
        Adam optimizer = new Adam(model.parameters(), 0.01);
        EquivarianceError rotations = EquivarianceError.builder(model, new int[] {1, 8, 8},
                        List.of(TransformPair.invariance(Transforms.c4(), 0.0, 0.1)))
                .distance(Distance.CROSS_ENTROPY_LOGITS).seed(7).build();
        DataLoader loader = new DataLoader(split.train(), 32, new SplittableRandom(2), false);
        double loss = Double.NaN;
        for (int epoch = 1; epoch <= 2; epoch++) {
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                Tensor task = Losses.crossEntropy(model.forward(batch.inputs()), batch.targets());
                Tensor total = task.add(rotations.compute(batch.inputs()));
                total.backward();
                optimizer.step();
                loss = total.item();
            }
            System.out.printf("epoch %d: last loss %.4f, test accuracy %.3f%n", epoch, loss, accuracy(model, split.test()));
        }

        Path directory = Files.createTempDirectory("equireg-consumer");
        Path checkpoint = directory.resolve("model.safetensors");
        Checkpoint.save(checkpoint, model, optimizer);
        Init.seed(1);
        Module reloaded = new Sequential(new Conv2d(1, 8, 3, 1, 1), new ReLU(), new MaxPool2d(2), new Flatten(),
                new Linear(8 * 4 * 4, 10));
        Checkpoint.load(checkpoint, reloaded, new Adam(reloaded.parameters(), 0.01));
        Files.delete(checkpoint);
        Files.delete(directory);
        Tensor test = split.test().tensor(0);
        try (var noGrad = GradMode.noGrad()) {
            if (!Arrays.equals(model.forward(test).toArray(), reloaded.forward(test).toArray())) {
                System.err.println("the reloaded model's outputs differ from the saved model's");
                System.exit(1);
            }
        }
        System.out.println("checkpoint: saved, reloaded, identical outputs on " + test.dim(0) + " test images");
        System.out.println("result: last loss " + loss + ", test accuracy " + accuracy(model, split.test()));
    }

    private static double accuracy(Module model, TensorDataset test) {
        try (var noGrad = GradMode.noGrad()) {
            return model.forward(test.tensor(0)).argmax(1).eq(test.tensor(1)).mean().item();
        }
    }
}
