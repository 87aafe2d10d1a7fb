package org.equireg.nn.reliability;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Linear;
import org.equireg.nn.Module;
import org.equireg.nn.SGD;

/**
 * Child process of {@link CheckpointKillTest}: saves a model of about 8 MB to one path forever,
 * every parameter value and the learning rate of save {@code r} equal to {@code r}, and prints
 * {@code saved r} after each completed save.
 */
public final class CheckpointWriter {
    static final int SIZE = 1024;

    private CheckpointWriter() {
    }

    static Module model() {
        return new Linear(SIZE, SIZE, true, new SplittableRandom(0));
    }

    static SGD optimizer(Module model) {
        return new SGD(model.parameters(), 0.1, 0.9);
    }

    public static void main(String[] args) throws IOException {
        Path path = Path.of(args[0]);
        long round = Long.parseLong(args[1]) * 1_000_000L;
        Module model = model();
        SGD optimizer = optimizer(model);
        // One step so that SGD holds a momentum buffer per parameter, saved alongside the model.
        model.forward(Tensor.ones(1, SIZE)).sum().backward();
        optimizer.step();
        while (true) {
            round++;
            for (Tensor parameter : model.parameters()) {
                Arrays.fill(parameter.buffer(), round);
            }
            optimizer.setLearningRate(round);
            Checkpoint.save(path, model, optimizer);
            System.out.println("saved " + round);
            System.out.flush();
        }
    }
}
