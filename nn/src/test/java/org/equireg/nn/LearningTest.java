package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.nn.data.Batch;
import org.equireg.nn.data.Csv;
import org.equireg.nn.data.DataLoader;
import org.equireg.nn.data.Split;
import org.equireg.nn.data.TensorDataset;
import org.junit.jupiter.api.Test;

/** End-to-end sanity: small models must actually learn. */
class LearningTest {

    @Test
    void anMlpFitsXorExactly() {
        SplittableRandom random = new SplittableRandom(0);
        Module model = new Sequential(new Linear(2, 8, true, random), new Tanh(), new Linear(8, 1, true, random));
        Tensor inputs = Tensor.of(new double[] {0, 0, 0, 1, 1, 0, 1, 1}, 4, 2);
        Tensor targets = Tensor.of(new double[] {0, 1, 1, 0}, 4, 1);
        Adam optimizer = new Adam(model.parameters(), 0.05);
        double loss = Double.NaN;
        for (int step = 0; step < 300; step++) {
            optimizer.zeroGrad();
            Tensor value = Losses.binaryCrossEntropyWithLogits(model.forward(inputs), targets);
            value.backward();
            optimizer.step();
            loss = value.item();
        }
        Tensor predictions = model.forward(inputs).sigmoid();
        assertArrayEquals(targets.toArray(), predictions.gt(0.5).toArray(), predictions.toString());
        assertTrue(loss < 0.01, "loss " + loss);
    }

    /** Over five seed triples this setup scored 0.964 to 0.989 test accuracy; the seeds here are fixed, so the run is too. */
    @Test
    void aSmallCnnLearnsTheDigits() throws IOException {
        Tensor table = Csv.read(Path.of("..", "data", "digits.csv.gz"));                 // (1797, 65)
        Tensor images = table.slice(1, 0, 64).div(16).reshape(-1, 1, 8, 8);              // (1797, 1, 8, 8)
        Tensor labels = table.slice(1, 64, 65).flatten();                                // (1797)
        Split split = Split.of(new TensorDataset(images, labels), 0.2, new SplittableRandom(1));
        SplittableRandom random = new SplittableRandom(2);
        Module model = new Sequential(
                new Conv2d(1, 8, 3, 1, 1, 1, 1, true, random), new ReLU(), new MaxPool2d(2),   // (batch, 8, 4, 4)
                new Conv2d(8, 16, 3, 1, 1, 1, 1, true, random), new ReLU(), new MaxPool2d(2),  // (batch, 16, 2, 2)
                new Flatten(), new Linear(64, 10, true, random));
        int epochs = 6;
        Adam optimizer = new Adam(model.parameters(), 0.02);
        CosineAnnealingLR schedule = new CosineAnnealingLR(optimizer, epochs, 0);
        DataLoader loader = new DataLoader(split.train(), 32, new SplittableRandom(3), false);
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        long start = System.nanoTime();
        long startCpu = threads.getCurrentThreadCpuTime();
        for (int epoch = 0; epoch < epochs; epoch++) {
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                Losses.crossEntropy(model.forward(batch.inputs()), batch.targets()).backward();
                optimizer.step();
            }
            schedule.step();
        }
        double seconds = (System.nanoTime() - start) / 1e9;
        double cpuSeconds = (threads.getCurrentThreadCpuTime() - startCpu) / 1e9;
        double accuracy = accuracy(model.eval(), split.test());
        System.out.printf("digits CNN: test accuracy %.4f on %d images after %.2f s of training (%.2f s CPU of this "
                + "thread)%n", accuracy, split.test().size(), seconds, cpuSeconds);
        assertTrue(accuracy >= 0.95, "test accuracy " + accuracy);
    }

    private static double accuracy(Module model, TensorDataset test) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            Tensor predicted = model.forward(test.tensor(0)).argmax(1);
            return predicted.eq(test.tensor(1)).mean().item();
        }
    }
}
