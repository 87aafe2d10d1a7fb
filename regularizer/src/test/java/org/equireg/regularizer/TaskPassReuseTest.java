package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.BatchNorm1d;
import org.equireg.nn.Dropout;
import org.equireg.nn.Linear;
import org.equireg.nn.Module;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.support.Counting;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/**
 * {@code compute(inputs, outputsOfInputs)} reuses the task's forward pass: the same penalty and the
 * same parameter gradients as {@code compute(inputs)} (the same draws too), one forward pass of the
 * inputs fewer, and a refusal where the modes would make the reuse inexact.
 */
class TaskPassReuseTest {
    private static final int[] VECTOR = {4};
    private final Tensor inputs = Tensor.rand(new SplittableRandom(2), 6, 4);

    private static Sequential network(long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        return new Sequential(new Linear(4, 8, true, random), new ReLU(), new Linear(8, 3, true, random));
    }

    private static EquivarianceError regularizer(Module model, Distance distance) {
        List<TransformPair> pairs = List.of(
                TransformPair.of(Transforms.identity(), Transforms.roll(1, 1), 0, 0.7),
                TransformPair.of(Transforms.flip(1), Transforms.flip(1), 0.01, 1.3));
        return EquivarianceError.builder(model, VECTOR, pairs).distance(distance).functionsPerCall(3).seed(5).build();
    }

    @Test
    void givesThePenaltyAndGradientsOfItsOwnPass() {
        for (Distance distance : new Distance[] {Distance.L2, Distance.KL_LOGITS, Distance.CROSS_ENTROPY_LOGITS}) {
            Sequential own = network(1);
            Tensor ownPenalty = regularizer(own, distance).compute(inputs);
            ownPenalty.backward();

            Sequential reused = network(1);
            Tensor reusedPenalty = regularizer(reused, distance).compute(inputs, reused.forward(inputs));
            reusedPenalty.backward();

            assertEquals(ownPenalty.item(), reusedPenalty.item(), Tolerances.ROUNDING * Math.abs(ownPenalty.item()), distance.toString());
            assertTrue(ownPenalty.item() > 0, "a penalty that can tell");
            List<Tensor> expected = own.parameters();
            List<Tensor> actual = reused.parameters();
            for (int i = 0; i < expected.size(); i++) {
                double[] want = expected.get(i).grad().toArray();
                double[] got = actual.get(i).grad().toArray();
                for (int j = 0; j < want.length; j++) {
                    assertEquals(want[j], got[j], Tolerances.ROUNDING * (1 + Math.abs(want[j])), distance + " grad " + i + "[" + j + "]");
                }
            }
        }
    }

    @Test
    void skipsTheForwardPassOfTheInputs() {
        Counting model = new Counting(network(1));
        EquivarianceError regularizer = regularizer(model, Distance.L2);
        regularizer.compute(inputs);
        int own = model.batchSizes.stream().mapToInt(Integer::intValue).sum();
        model.batchSizes.clear();
        regularizer.compute(inputs, network(1).forward(inputs));
        int reused = model.batchSizes.stream().mapToInt(Integer::intValue).sum();
        assertEquals(own - inputs.dim(0), reused, "rows through the model: " + own + " with its own pass");
    }

    @Test
    void refusesTrainingBatchNormAndDropoutButNotInEvalMode() {
        SplittableRandom random = new SplittableRandom(3);
        Sequential withNorm = new Sequential(new Linear(4, 3, true, random), new BatchNorm1d(3));
        Tensor outputs = withNorm.forward(inputs);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> regularizer(withNorm, Distance.L2).compute(inputs, outputs));
        assertTrue(error.getMessage().contains("model.1") && error.getMessage().contains("BatchNorm1d"), error.getMessage());
        withNorm.eval();
        assertTrue(regularizer(withNorm, Distance.L2).compute(inputs, withNorm.forward(inputs)).item() >= 0);

        Sequential withDropout = new Sequential(new Linear(4, 3, true, random), new Dropout(0.5));
        assertThrows(IllegalArgumentException.class, () -> regularizer(withDropout, Distance.L2).compute(inputs, withDropout.forward(inputs)));
        EquivarianceError keeping = EquivarianceError.builder(withDropout, VECTOR,
                List.of(TransformPair.of(Transforms.identity(), Transforms.roll(1, 1), 0, 1))).dropoutActive(true).build();
        assertTrue(keeping.compute(inputs, withDropout.forward(inputs)).item() >= 0, "dropout kept training on both sides is allowed");
    }

    @Test
    void refusesOutputsOfAnotherBatchSize() {
        Sequential model = network(1);
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> regularizer(model, Distance.L2).compute(inputs, model.forward(inputs.slice(0, 0, 5))));
        assertTrue(error.getMessage().contains("[5, 3]") && error.getMessage().contains("6"), error.getMessage());
        assertArrayEquals(new int[] {6, 4}, inputs.shape());
    }
}
