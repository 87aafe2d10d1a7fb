package org.equireg.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.data.Batch;
import org.equireg.nn.data.Csv;
import org.equireg.nn.data.DataLoader;
import org.equireg.nn.data.Split;
import org.equireg.nn.data.TensorDataset;

/**
 * The training example of the README's nn section, verbatim between the markers; run it from the
 * repository root to reproduce the printed output shown there.
 */
final class ReadmeExample {
    private ReadmeExample() {
    }

    public static void main(String[] args) throws IOException {
        // README begin
        Tensor table = Csv.read(Path.of("data/digits.csv.gz"));         // (1797, 65): 8x8 pixels, then the label
        var digits = new TensorDataset(table.slice(1, 0, 64).div(16), table.slice(1, 64, 65).flatten());
        Split split = Split.of(digits, 0.2, new SplittableRandom(1));
        Init.seed(0);                                                    // fixes the initial weights
        Module model = new Sequential(new Linear(64, 32), new ReLU(), new Linear(32, 10));
        Adam optimizer = new Adam(model.parameters(), 0.01);
        DataLoader loader = new DataLoader(split.train(), 32, new SplittableRandom(2), false);   // shuffled
        for (int epoch = 1; epoch <= 5; epoch++) {
            for (Batch batch : loader) {
                optimizer.zeroGrad();
                Losses.crossEntropy(model.forward(batch.inputs()), batch.targets()).backward();
                optimizer.step();
            }
            Tensor predicted = model.forward(split.test().tensor(0)).argmax(1);
            System.out.printf("epoch %d: test accuracy %.3f%n", epoch, predicted.eq(split.test().tensor(1)).mean().item());
        }
        System.out.println(model);
        // README end
    }
}
