package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.Map;
import org.equireg.core.Tensor;
import org.equireg.nn.BatchNorm1d;
import org.equireg.nn.Dropout;
import org.equireg.nn.Linear;
import org.equireg.nn.Module;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.support.Counting;
import org.equireg.regularizer.support.FunctionModule;
import org.equireg.regularizer.support.Mlp;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/**
 * The regularizer's forward passes run in eval mode (no batch-norm statistics updated, no dropout)
 * unless configured, and every module's own mode comes back afterwards, also after an exception.
 */
class TrainEvalPolicyTest {
    private final List<TransformPair> pairs = List.of(TransformPair.of(Transforms.identity(), Transforms.flip(1), 0, 1));

    /** outer(training) - [inner(eval) - model] */
    private static final class Outer extends Module {
        final Counting inner;

        Outer(Counting inner) {
            this.inner = registerModule("inner", inner);
        }

        @Override
        public Tensor forward(Tensor input) {
            return inner.forward(input);
        }
    }

    @Test
    void forwardPassesRunInEvalModeAndModesAreRestored() {
        Counting inner = new Counting(Mlp.random(4, 5, 3, new SplittableRandom(1)));
        Outer outer = new Outer(inner);
        outer.train();
        inner.eval();
        inner.namedChildren().get("base").train();

        new EquivarianceError(outer, new int[] {4}, pairs, Distance.L2, 3, 1).compute();

        assertEquals(List.of(false), inner.trainingModes, "the regularizer's pass saw eval mode");
        assertTrue(outer.isTraining());
        assertFalse(inner.isTraining());
        assertTrue(inner.namedChildren().get("base").isTraining(), "a grandchild's own mode");
    }

    @Test
    void chosenModulesKeepTheirTrainingMode() {
        Counting dropoutLike = new Counting(new FunctionModule(x -> x));
        Outer outer = new Outer(dropoutLike);
        outer.train();
        EquivarianceError regularizer = EquivarianceError.builder(outer, new int[] {4}, pairs).sampleSize(2)
                .keepTrainingMode(module -> module == dropoutLike).build();
        regularizer.compute();
        assertEquals(List.of(true), dropoutLike.trainingModes);

        outer.eval();
        dropoutLike.trainingModes.clear();
        regularizer.compute();
        assertEquals(List.of(false), dropoutLike.trainingModes, "a module in eval mode stays there");
    }

    @Test
    void modesAreRestoredWhenTheModelThrows() {
        Module failing = new FunctionModule(x -> {
            throw new IllegalStateException("boom");
        });
        failing.train();
        EquivarianceError regularizer = new EquivarianceError(failing, new int[] {4}, pairs, Distance.L2, 2, 1);
        assertThrows(IllegalStateException.class, regularizer::compute);
        assertTrue(failing.isTraining());
    }

    /** Linear - BatchNorm1d - ReLU - Dropout(0.5) - Linear, in training mode. */
    private static Sequential trainingNetwork() {
        SplittableRandom random = new SplittableRandom(3);
        Sequential network = new Sequential(new Linear(4, 8, true, random), new BatchNorm1d(8), new ReLU(),
                new Dropout(0.5, new SplittableRandom(4)), new Linear(8, 3, true, random));
        network.train();
        return network;
    }

    private static EquivarianceError regularizer(Module model, boolean dropoutActive) {
        return EquivarianceError.builder(model, new int[] {4},
                List.of(TransformPair.of(Transforms.identity(), Transforms.flip(1), 0, 1))).sampleSize(6).seed(5)
                .dropoutActive(dropoutActive).build();
    }

    @Test
    void batchNormRunningStatisticsNeverChange() {
        Sequential network = trainingNetwork();
        Map<String, double[]> before = new java.util.LinkedHashMap<>();
        network.namedBuffers().forEach((name, buffer) -> before.put(name, buffer.toArray()));

        regularizer(network, false).compute().backward();
        regularizer(network, true).compute();

        network.namedBuffers().forEach((name, buffer) -> assertArrayEquals(before.get(name), buffer.toArray(), name));
        assertTrue(network.isTraining() && network.get(1).isTraining(), "modes restored");
        network.forward(Tensor.rand(new SplittableRandom(6), 5, 4));
        assertNotEquals(before.get("1.running_mean")[0], network.namedBuffers().get("1.running_mean").get(0),
                "a training pass of the model itself still updates them");
    }

    @Test
    void dropoutIsOffByDefaultAndOnWhenConfigured() {
        Sequential network = trainingNetwork();
        double inTraining = regularizer(network, false).compute().item();
        network.eval();
        double inEval = regularizer(network, false).compute().item();
        assertEquals(inEval, inTraining, 0.0, "by default the penalty is the deterministic network's");

        network.train();
        double withDropout = regularizer(network, true).compute().item();
        double withOtherMasks = regularizer(network, true).compute().item();
        assertNotEquals(inEval, withDropout, "dropout active");
        assertNotEquals(withDropout, withOtherMasks, "each call draws fresh masks from the layer's generator");
        assertTrue(network.get(3).isTraining());
    }
}
