package org.equireg.examples.mnist;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.Adam;
import org.equireg.nn.Init;
import org.equireg.nn.Losses;
import org.equireg.nn.Module;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.transforms.RandomAffine;

/**
 * Measures what the regularizer at the training batch costs per training step of the study's model
 * (batch 64, rotation in +-45 degrees, KL): a plain step, a step whose regularizer reuses the task's
 * forward pass ({@code compute(inputs, outputs)}), and one whose regularizer makes its own pass
 * ({@code compute(inputs)}). After a warm-up, the three kinds alternate in blocks; the result is the
 * median over blocks of the wall time and of the process CPU time per step (CPU time counts the
 * work even when other programs share the cores).
 *
 * <pre>java --add-modules jdk.incubator.vector -cp examples/target/equireg-examples.jar \
 *     org.equireg.examples.mnist.RegularizerOverhead [blocks] [steps per block] [data folder]</pre>
 */
public final class RegularizerOverhead {
    private static final String[] KINDS = {"plain step", "reg batch, task pass reused", "reg batch, own pass"};

    private RegularizerOverhead() {
    }

    /** Prints the medians; arguments: blocks (default 7), steps per block (default 10), data folder (default data). */
    public static void main(String[] args) throws IOException {
        int blocks = args.length > 0 ? Integer.parseInt(args[0]) : 7;
        int steps = args.length > 1 ? Integer.parseInt(args[1]) : 10;
        MnistData pool = MnistData.load(Path.of(args.length > 2 ? args[2] : "data"))
                .split(MnistData.TEST_SIZE, new SplittableRandom(MnistData.SPLIT_SEED)).pool();
        Init.seed(1);
        Module model = MnistCnn.create();
        Adam optimizer = new Adam(model.parameters(), StudyTrainer.LEARNING_RATE);
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {1, MnistData.SIDE, MnistData.SIDE},
                List.of(TransformPair.invariance(RandomAffine.rotation(Math.toRadians(StudyRun.ROBUSTNESS_DEGREES)), 0, 1)))
                .distance(Distance.KL_LOGITS).seed(2).build();
        SplittableRandom random = new SplittableRandom(3);
        double[][] wall = new double[KINDS.length][blocks];
        double[][] cpu = new double[KINDS.length][blocks];
        for (int kind = 0; kind < KINDS.length; kind++) { // warm-up
            for (int i = 0; i < steps; i++) {
                step(kind, model, optimizer, regularizer, pool, random);
            }
        }
        for (int block = 0; block < blocks; block++) {
            for (int kind = 0; kind < KINDS.length; kind++) {
                long start = System.nanoTime();
                long cpuStart = ProcessCpu.nanos();
                for (int i = 0; i < steps; i++) {
                    step(kind, model, optimizer, regularizer, pool, random);
                }
                wall[kind][block] = (System.nanoTime() - start) / 1e6 / steps;
                cpu[kind][block] = (ProcessCpu.nanos() - cpuStart) / 1e6 / steps;
            }
        }
        System.out.printf(Locale.ROOT, "per training step, batch 64, median of %d blocks of %d steps%n", blocks, steps);
        System.out.printf(Locale.ROOT, "%-30s %10s %10s %12s %12s%n", "step", "wall ms", "CPU ms", "wall ratio", "CPU ratio");
        double plainWall = median(wall[0]);
        double plainCpu = median(cpu[0]);
        for (int kind = 0; kind < KINDS.length; kind++) {
            System.out.printf(Locale.ROOT, "%-30s %10.1f %10.1f %12.2f %12.2f%n", KINDS[kind], median(wall[kind]), median(cpu[kind]),
                    median(wall[kind]) / plainWall, median(cpu[kind]) / plainCpu);
        }
    }

    private static void step(int kind, Module model, Adam optimizer, EquivarianceError regularizer, MnistData pool,
                             SplittableRandom random) {
        int[] rows = new int[StudyTrainer.BATCH_SIZE];
        Arrays.setAll(rows, i -> random.nextInt(pool.size()));
        MnistData batch = pool.subset(rows);
        Tensor logits = model.forward(batch.images());
        Tensor loss = Losses.crossEntropy(logits, batch.labels());
        Tensor objective = switch (kind) {
            case 0 -> loss;
            case 1 -> loss.add(regularizer.compute(batch.images(), logits));
            default -> loss.add(regularizer.compute(batch.images()));
        };
        optimizer.zeroGrad();
        objective.backward();
        optimizer.step();
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted.length % 2 == 1 ? sorted[sorted.length / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
    }
}
