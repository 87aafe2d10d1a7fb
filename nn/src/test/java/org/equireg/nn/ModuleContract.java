package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * What every {@link Module} promises. A layer's test extends this with a factory and a sample
 * input, and adds only what is special about the layer.
 */
abstract class ModuleContract {

    /** A fresh module whose random initialisation (if any) comes from {@code random}. */
    abstract Module create(RandomGenerator random);

    /** A sample input (batch included) the module accepts. */
    abstract Tensor input(RandomGenerator random);

    /** False for modules whose training-mode output is random (dropout): their train-mode gradcheck is skipped. */
    boolean deterministicInTraining() {
        return true;
    }

    private Module module(long seed) {
        return create(new SplittableRandom(seed));
    }

    private Tensor input() {
        return input(new SplittableRandom(99));
    }

    @Test
    void parametersAreRegisteredLeavesThatRequireGradAndAppearInTheStateDict() {
        Module module = module(1);
        Map<String, Tensor> state = module.stateDict();
        module.namedParameters().forEach((name, parameter) -> {
            assertTrue(parameter.isLeaf() && parameter.requiresGrad(), name);
            assertSame(parameter, state.get(name), name);
        });
        module.namedBuffers().forEach((name, buffer) -> {
            assertFalse(buffer.requiresGrad(), name);
            assertSame(buffer, state.get(name), name);
        });
        assertEquals(module.namedParameters().size() + module.namedBuffers().size(), state.size());
        assertEquals(module.parameters().size(), module.namedParameters().size());
        long elements = module.parameters().stream().mapToLong(Tensor::size).sum();
        assertEquals(elements, module.parameterCount());
    }

    @Test
    void sameSeedGivesTheSameModule() {
        Map<String, Tensor> first = module(5).stateDict();
        Map<String, Tensor> second = module(5).stateDict();
        assertEquals(first.keySet(), second.keySet());
        first.forEach((name, tensor) -> assertArrayEquals(tensor.buffer(), second.get(name).buffer(), name));
    }

    @Test
    void stateDictRoundTripReproducesTheOutput() {
        Module source = module(1).eval();
        Module target = module(2).eval();
        Map<String, Tensor> copies = new LinkedHashMap<>();
        source.stateDict().forEach((name, tensor) -> copies.put(name, tensor.copy()));
        target.loadStateDict(copies);
        assertArrayEquals(source.forward(input()).toArray(), target.forward(input()).toArray());
        target.stateDict().forEach((name, tensor) -> assertArrayEquals(copies.get(name).buffer(), tensor.buffer(), name));
    }

    @Test
    void strictLoadingNamesEveryOffendingKeyAndChangesNothing() {
        Module module = module(1);
        Map<String, Tensor> state = new LinkedHashMap<>();
        module.stateDict().forEach((name, tensor) -> state.put(name, tensor.copy()));
        state.put("not.a.key", Tensor.zeros(2, 3));
        String reshaped = null;
        String removed = null;
        for (String name : module.stateDict().keySet()) {
            if (removed == null) {
                removed = name;
                state.remove(name);
            } else if (reshaped == null) {
                reshaped = name;
                state.put(name, Tensor.zeros(module.stateDict().get(name).size() + 1));
            }
        }
        Map<String, double[]> before = new LinkedHashMap<>();
        module.stateDict().forEach((name, tensor) -> before.put(name, tensor.toArray()));
        String message = assertThrows(IllegalArgumentException.class, () -> module.loadStateDict(state)).getMessage();
        assertTrue(message.contains("unexpected key 'not.a.key' (shape [2, 3])"), message);
        if (removed != null) {
            assertTrue(message.contains("missing key '" + removed + "'"), message);
        }
        if (reshaped != null) {
            assertTrue(message.contains("key '" + reshaped + "' has shape [" + (module.stateDict().get(reshaped).size() + 1)
                    + "], expected " + java.util.Arrays.toString(module.stateDict().get(reshaped).shape())), message);
        }
        module.stateDict().forEach((name, tensor) -> assertArrayEquals(before.get(name), tensor.buffer(), name));
    }

    @Test
    void trainAndEvalReachEverySubmodule() {
        Module module = module(1);
        Sequential wrapper = new Sequential(module);
        assertTrue(module.isTraining());
        wrapper.eval();
        wrapper.namedModules().values().forEach(each -> assertFalse(each.isTraining(), each.getClass().getSimpleName()));
        wrapper.train();
        wrapper.namedModules().values().forEach(each -> assertTrue(each.isTraining(), each.getClass().getSimpleName()));
    }

    @Test
    void evaluationIsDeterministicAndApplyIsForward() {
        Module module = module(1).eval();
        Tensor input = input();
        double[] before = input.toArray();
        assertArrayEquals(module.forward(input).toArray(), module.apply(input).toArray());
        assertArrayEquals(before, input.buffer(), "forward modified its input");
    }

    @Test
    void gradientsMatchFiniteDifferencesInEvaluationMode() {
        ModuleGradCheck.check(module(1).eval(), input());
    }

    @Test
    void gradientsMatchFiniteDifferencesInTrainingMode() {
        if (deterministicInTraining()) {
            ModuleGradCheck.check(module(1).train(), input());
        }
    }

    @Test
    void zeroGradForgetsEveryParameterGradient() {
        Module module = module(1);
        if (module.parameters().isEmpty()) {
            return;
        }
        module.forward(input()).sum().backward();
        module.parameters().forEach(parameter -> assertTrue(parameter.grad() != null));
        module.zeroGrad();
        module.parameters().forEach(parameter -> assertNull(parameter.grad()));
    }

    @Test
    void printsItsNameAndParameterCount() {
        Module module = module(1);
        String text = module.toString();
        assertTrue(text.startsWith(module.getClass().getSimpleName() + "("), text);
        assertEquals(module.parameterCount() > 0, text.contains("# " + module.parameterCount() + " parameter"), text);
    }
}
