package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class OptimizerTest {

    private static List<Tensor> parameters() {
        return List.of(Tensor.of(new double[] {1, -2, 3}, 3).requiresGrad(true),
                Tensor.of(new double[] {0.5, 0.25}, 2, 1).requiresGrad(true));
    }

    /** Loss sum(p^2 * (i + 1)) over the parameters; its gradient is 2 (i + 1) p. */
    private static void backward(List<Tensor> parameters) {
        Tensor loss = Tensor.scalar(0);
        for (int i = 0; i < parameters.size(); i++) {
            loss = loss.add(parameters.get(i).pow(2).mul(i + 1).sum());
        }
        loss.backward();
    }

    private static void train(Optimizer optimizer, int steps) {
        for (int step = 0; step < steps; step++) {
            optimizer.zeroGrad();
            backward(optimizer.parameters());
            optimizer.step();
        }
    }

    @Test
    void plainSgdSubtractsTheScaledGradient() {
        List<Tensor> parameters = parameters();
        SGD sgd = new SGD(parameters, 0.1);
        train(sgd, 1);
        assertArrayEquals(new double[] {0.8, -1.6, 2.4}, parameters.get(0).toArray(), 1e-15);
        assertArrayEquals(new double[] {0.3, 0.15}, parameters.get(1).toArray(), 1e-15);
    }

    @Test
    void parametersWithoutAGradientAreLeftAlone() {
        List<Tensor> parameters = parameters();
        Adam adam = new Adam(parameters, 0.1);
        parameters.get(0).pow(2).sum().backward();
        adam.step();
        assertArrayEquals(new double[] {0.5, 0.25}, parameters.get(1).toArray());
        assertTrue(adam.stateDict().containsKey("state.0.exp_avg"));
        assertTrue(!adam.stateDict().containsKey("state.1.exp_avg"));
    }

    @Test
    void eachOptimizerDecreasesAConvexLoss() {
        List<Function<List<Tensor>, Optimizer>> optimizers = List.of(
                p -> new SGD(p, 0.05, 0.9, 0, 1e-3, true),
                p -> new Adam(p, 0.05),
                p -> new AdamW(p, 0.05));
        for (Function<List<Tensor>, Optimizer> factory : optimizers) {
            List<Tensor> parameters = parameters();
            Optimizer optimizer = factory.apply(parameters);
            train(optimizer, 200);
            for (Tensor parameter : parameters) {
                assertTrue(parameter.abs().max().item() < 0.05, optimizer.getClass().getSimpleName() + ": " + parameter);
            }
        }
    }

    @Test
    void savedStateResumesTheSameTrajectory() {
        List<Tensor> uninterrupted = parameters();
        train(new Adam(uninterrupted, 0.01), 6);

        List<Tensor> first = parameters();
        Adam before = new Adam(first, 0.01);
        train(before, 3);
        Map<String, Tensor> saved = before.stateDict();
        List<Tensor> resumed = List.of(first.get(0).copy().requiresGrad(true), first.get(1).copy().requiresGrad(true));
        Adam after = new Adam(resumed, 0.5);
        after.loadStateDict(saved);
        assertEquals(0.01, after.learningRate());
        train(after, 3);
        for (int i = 0; i < resumed.size(); i++) {
            assertArrayEquals(uninterrupted.get(i).toArray(), resumed.get(i).toArray());
        }
    }

    @Test
    void stateDictHasPyTorchsLayout() {
        List<Tensor> parameters = parameters();
        SGD sgd = new SGD(parameters, 0.1, 0.9);
        train(sgd, 2);
        assertEquals(List.of("state.0.step", "state.0.momentum_buffer", "state.1.step", "state.1.momentum_buffer",
                "param_groups.0.lr"), List.copyOf(sgd.stateDict().keySet()));
        assertArrayEquals(new int[] {2, 1}, sgd.stateDict().get("state.1.momentum_buffer").shape());
        assertEquals(2.0, sgd.stateDict().get("state.0.step").item());
    }

    @Test
    void loadingRejectsEveryBadKeyAndKeepsTheState() {
        List<Tensor> parameters = parameters();
        Adam adam = new Adam(parameters, 0.1);
        train(adam, 1);
        Map<String, Tensor> bad = new LinkedHashMap<>(adam.stateDict());
        bad.put("state.0.exp_avg", Tensor.zeros(4));
        bad.put("state.7.exp_avg", Tensor.zeros(3));
        bad.put("state.1.momentum_buffer", Tensor.zeros(2, 1));
        bad.put("state.1.step", Tensor.scalar(1.5));
        bad.remove("param_groups.0.lr");
        Map<String, Tensor> before = adam.stateDict();
        String message = assertThrows(IllegalArgumentException.class, () -> adam.loadStateDict(bad)).getMessage();
        for (String key : List.of("param_groups.0.lr", "state.0.exp_avg' has shape [4], expected [3]", "state.7.exp_avg",
                "state.1.momentum_buffer", "state.1.step")) {
            assertTrue(message.contains(key), message);
        }
        adam.stateDict().forEach((key, value) -> assertArrayEquals(before.get(key).buffer(), value.buffer(), key));
    }

    @Test
    void clipGradNormScalesTheTotalNormDownToTheLimit() {
        List<Tensor> parameters = parameters();
        backward(parameters);
        // gradients (2, -4, 6) and (2, 1): total 2-norm sqrt(61)
        double total = Gradients.clipGradNorm(parameters, 1.0);
        assertEquals(Math.sqrt(61), total, 1e-14);
        double clipped = Math.sqrt(parameters.get(0).grad().pow(2).sum().item() + parameters.get(1).grad().pow(2).sum().item());
        assertEquals(1.0, clipped, 1e-6);
        assertEquals(1.0, Gradients.clipGradNorm(parameters, 5.0), 1e-6);
        assertEquals(1.0, Math.sqrt(parameters.get(0).grad().pow(2).sum().item() + parameters.get(1).grad().pow(2).sum().item()),
                1e-6, "below the limit nothing changes");
        assertEquals(0.0, Gradients.clipGradNorm(parameters(), 1.0), "no gradients yet");
    }

    @Test
    void infinityNormClipsByTheLargestEntry() {
        List<Tensor> parameters = parameters();
        backward(parameters);
        assertEquals(6.0, Gradients.clipGradNorm(parameters, 3.0, Double.POSITIVE_INFINITY));
        assertEquals(3.0, parameters.get(0).grad().abs().max().item(), 1e-6);
    }

    @Test
    void schedulesFollowTheirClosedForms() {
        SGD sgd = new SGD(parameters(), 0.1);
        StepLR step = new StepLR(sgd, 3, 0.5);
        double[] rates = new double[8];
        for (int epoch = 0; epoch < rates.length; epoch++) {
            rates[epoch] = sgd.learningRate();
            step.step();
        }
        assertArrayEquals(new double[] {0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025, 0.025}, rates, 1e-17);

        SGD annealed = new SGD(parameters(), 1.0);
        CosineAnnealingLR cosine = new CosineAnnealingLR(annealed, 4, 0.2);
        cosine.setEpoch(2);
        assertEquals(0.6, annealed.learningRate(), 1e-15);
        cosine.setEpoch(4);
        assertEquals(0.2, annealed.learningRate(), 1e-15);
        cosine.step();
        assertEquals(0.2 + 0.8 * (1 + Math.cos(Math.PI * 5 / 4)) / 2, annealed.learningRate(), 1e-15);
    }

    @Test
    void rejectsBadSettings() {
        assertThrows(IllegalArgumentException.class, () -> new SGD(parameters(), -1));
        assertThrows(IllegalArgumentException.class, () -> new SGD(parameters(), 0.1, 0, 0, 0, true));
        assertThrows(IllegalArgumentException.class, () -> new Adam(parameters(), 0.1, 1.0, 0.999, 1e-8, 0));
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(Tensor.zeros(2)), 0.1));
        Tensor leaf = Tensor.zeros(2).requiresGrad(true);
        assertThrows(IllegalArgumentException.class, () -> new SGD(List.of(leaf.mul(2)), 0.1));
    }

    /** A buffer is checked in its parameter's type: 1e300 is finite in float64 but infinite in float32. */
    @Test
    void loadedBuffersAreCheckedInTheParametersType() {
        Tensor w = Tensor.zeros(DType.FLOAT32, 3).requiresGrad(true);
        Adam adam = new Adam(List.of(w), 0.1);
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("state.0.step", Tensor.scalar(2));
        state.put("state.0.exp_avg", Tensor.full(1e300, 3));
        state.put("state.0.exp_avg_sq", Tensor.full(1, 3));
        state.put("param_groups.0.lr", Tensor.scalar(0.1));
        String message = assertThrows(IllegalArgumentException.class, () -> adam.loadStateDict(state)).getMessage();
        assertTrue(message.contains("'state.0.exp_avg' cannot be used: element 0 is Infinity"), message);
        assertTrue(adam.stateDict().keySet().equals(java.util.Set.of("param_groups.0.lr")), "nothing loaded");
    }

    /** A tensor listed twice would be updated twice per step (PyTorch warns); each optimizer refuses it. */
    @Test
    void refusesATensorListedTwice() {
        Tensor w = Tensor.zeros(2, 3).requiresGrad(true);
        Tensor b = Tensor.zeros(3).requiresGrad(true);
        List<Function<List<Tensor>, Optimizer>> optimizers = List.of(list -> new SGD(list, 0.1),
                list -> new Adam(list, 0.1), list -> new AdamW(list, 0.1));
        for (Function<List<Tensor>, Optimizer> optimizer : optimizers) {
            String message = assertThrows(IllegalArgumentException.class, () -> optimizer.apply(List.of(w, b, w))).getMessage();
            assertTrue(message.contains("parameter 2 is parameter 0 again (shape [2, 3])"), message);
        }
        assertEquals(2, new SGD(List.of(w, Tensor.zeros(2, 3).requiresGrad(true)), 0.1).parameters().size(),
                "equal values in distinct tensors are fine");
    }

    @Test
    void zeroGradClearsGradients() {
        List<Tensor> parameters = parameters();
        SGD sgd = new SGD(parameters, 0.1);
        backward(parameters);
        sgd.zeroGrad();
        parameters.forEach(parameter -> assertNull(parameter.grad()));
    }

    @Test
    void anUpdateRuleThatThrowsLeavesTheStepCountAsItWas() {
        List<Tensor> parameters = parameters();
        Optimizer failing = new Optimizer("Failing", parameters, 0.1) {
            @Override
            protected void update(org.equireg.core.Storage parameter, org.equireg.core.Storage gradient,
                                  ParameterState state) {
                throw new IllegalStateException("rule failed at step " + state.step());
            }
        };
        backward(parameters);
        IllegalStateException failure = assertThrows(IllegalStateException.class, failing::step);
        assertEquals("rule failed at step 1", failure.getMessage());
        assertTrue(failing.stateDict().keySet().stream().noneMatch(key -> key.endsWith(".step")), failing.stateDict().toString());
    }
}
