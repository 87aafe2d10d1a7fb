package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Writes in place between a forward pass and its backward (issue 14): an optimizer step or
 * {@code loadStateDict} before {@code backward} throws, naming the op, the parameter, both
 * versions and what to do; an ordinary training loop and writes no live graph saved stay silent.
 */
class InPlaceWriteTest {
    private static Module model() {
        SplittableRandom random = new SplittableRandom(3);
        return new Sequential(new Linear(4, 3, true, random), new Tanh(), new Linear(3, 2, true, random));
    }

    private static Tensor input() {
        return Tensor.randn(new SplittableRandom(4), 5, 4);
    }

    @Test
    void stepBetweenForwardAndBackwardThrowsNamingOpParameterAndVersions() {
        Module m = model();
        SGD opt = new SGD(m.parameters(), 0.1);
        Tensor x = input();
        Tensor loss = m.forward(x).pow(2).sum();
        m.forward(x).sum().backward();
        opt.step();
        IllegalStateException error = assertThrows(IllegalStateException.class, loss::backward);
        String message = error.getMessage();
        for (String fragment : new String[] {"'linear'", "'2.weight'", "[2, 3]", "version 1 when", "2 now",
                "modified in place", "recompute the forward pass"}) {
            assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
        }
    }

    @Test
    void loadStateDictBetweenForwardAndBackwardThrows() {
        Module m = model();
        Tensor loss = m.forward(input()).pow(2).sum();
        Map<String, Tensor> state = model().stateDict();
        m.loadStateDict(state);
        IllegalStateException error = assertThrows(IllegalStateException.class, loss::backward);
        assertTrue(error.getMessage().contains("'2.weight'"), error.getMessage());
    }

    @Test
    void retainedGraphAfterAStepThrows() {
        Module m = model();
        SGD opt = new SGD(m.parameters(), 0.1);
        Tensor loss = m.forward(input()).pow(2).sum();
        loss.backward(Tensor.scalar(1), true);
        opt.step();
        assertThrows(IllegalStateException.class, loss::backward);
    }

    @Test
    void ordinaryTrainingLoopIsSilentAndLearns() {
        Module m = model();
        Adam opt = new Adam(m.parameters(), 0.01);
        Tensor x = input();
        double first = 0;
        double last = 0;
        for (int step = 0; step < 30; step++) {
            opt.zeroGrad();
            Tensor loss = m.forward(x).pow(2).mean();
            loss.backward();
            Gradients.clipGradNorm(m.parameters(), 0.5);
            opt.step();
            if (step == 0) {
                first = loss.item();
            }
            last = loss.item();
        }
        assertTrue(last < first, "loss " + first + " -> " + last);
    }

    @Test
    void writesNoLiveGraphSavedAreSilent() {
        Module m = model();
        SGD opt = new SGD(m.parameters(), 0.1);
        Tensor loss = m.forward(input()).pow(2).sum();
        loss.backward();                                // releases the graph
        opt.step();                                      // after release: silent
        Init.constantInPlace(m.parameters().get(0), 0.5); // no graph holds it: silent
        m.zeroGrad();
        Tensor bias = m.parameters().get(1);
        Tensor shifted = bias.add(Tensor.ones(3));       // add's backward reads neither input
        Init.constantInPlace(bias, 2.0);
        shifted.sum().backward();
        assertArrayEquals(new double[] {1, 1, 1}, bias.grad().toArray());
    }

    @Test
    void frozenInputOfAProductMayChange() {
        // d(x w)/dw = x: the weight's own values are not read when x needs no gradient (as PyTorch saves).
        Tensor w = Tensor.of(new double[] {1, 2}, 2).requiresGrad(true);
        Tensor x = Tensor.of(new double[] {3, 4}, 2);
        Tensor y = x.mul(w).sum();
        Init.constantInPlace(w, 7);
        y.backward();
        assertArrayEquals(new double[] {3, 4}, w.grad().toArray());
        Tensor z = x.mul(w).sum();
        Init.constantInPlace(x, 0);                      // but x is read for w's gradient
        assertThrows(IllegalStateException.class, z::backward);
    }

    @Test
    void everyLibraryWriterBumpsTheVersion() {
        Module m = new Sequential(new Linear(3, 2), new BatchNorm1d(2));
        Tensor weight = m.namedParameters().get("0.weight");
        Tensor runningMean = m.stateDict().get("1.running_mean");
        int before = weight.version();
        Init.normalInPlace(weight, 0, 1, new SplittableRandom(1));
        Init.uniformInPlace(weight, 0, 1, new SplittableRandom(1));
        Init.constantInPlace(weight, 0.25);
        assertEquals(before + 3, weight.version());
        Tensor weights = Tensor.randn(new SplittableRandom(5), 4, 2); // a plain sum of batch-normalised values is constant
        m.forward(Tensor.randn(new SplittableRandom(2), 4, 3)).mul(weights).sum().backward();
        assertNotEquals(0, runningMean.version(), "BatchNorm's running statistics");
        int gradVersion = weight.grad().version();
        m.forward(Tensor.randn(new SplittableRandom(2), 4, 3)).mul(weights).sum().backward();
        assertEquals(gradVersion + 1, weight.grad().version(), "accumulating into .grad");
        Gradients.clipGradNorm(List.of(weight), 1e-6);
        assertEquals(gradVersion + 2, weight.grad().version(), "clipGradNorm");
        int stepped = weight.version();
        new SGD(List.of(weight), 0.1).step();
        assertEquals(stepped + 1, weight.version(), "SGD.step");
        m.loadStateDict(m.stateDict());
        assertEquals(stepped + 2, weight.version(), "loadStateDict");
        assertEquals(weight.version(), weight.reshape(6).version(), "a view shares the counter");
        assertEquals(weight.version(), weight.detach().version(), "detach shares the counter");
    }
}
