package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.function.UnaryOperator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class ModuleTest {

    /** A small network in the usual PyTorch shape: a feature extractor and a head. */
    static final class Net extends Module {
        final Sequential features;
        final Linear head;

        Net() {
            SplittableRandom random = new SplittableRandom(1);
            features = registerModule("features", new Sequential(new Linear(4, 3, true, random), new ReLU(),
                    new BatchNorm1d(3)));
            head = registerModule("head", new Linear(3, 2, false, random));
        }

        @Override
        public Tensor forward(Tensor input) {
            return head.forward(features.forward(input));
        }
    }

    @Test
    void namesComposeWithDots() {
        Net net = new Net();
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.2.weight", "features.2.bias", "head.weight"),
                List.copyOf(net.namedParameters().keySet()));
        assertEquals(List.of("features.0.weight", "features.0.bias", "features.2.weight", "features.2.bias",
                "features.2.running_mean", "features.2.running_var", "features.2.num_batches_tracked", "head.weight"),
                List.copyOf(net.stateDict().keySet()));
        assertEquals(List.of("", "features", "features.0", "features.1", "features.2", "head"),
                List.copyOf(net.namedModules().keySet()));
        assertEquals((4 * 3 + 3) + (3 + 3) + 3 * 2, net.parameterCount());
    }

    @Test
    void aModuleIsAUnaryOperatorOfTensors() {
        Net net = new Net();
        UnaryOperator<Tensor> composed = x -> net.andThen(y -> y.mul(2)).apply(x);
        Tensor x = Tensor.randn(new SplittableRandom(2), 5, 4);
        assertEquals(net.forward(x).mul(2).sum().item(), composed.apply(x).sum().item());
    }

    @Test
    void nonStrictLoadingReportsMissingAndUnexpectedKeysButLoadsTheRest() {
        Net net = new Net();
        Map<String, Tensor> state = new LinkedHashMap<>();
        state.put("head.weight", Tensor.ones(2, 3));
        state.put("head.bias", Tensor.ones(2));
        Module.LoadResult result = net.loadStateDict(state, false);
        assertEquals(List.of("head.bias"), result.unexpectedKeys());
        assertEquals(7, result.missingKeys().size());
        assertEquals(6.0, net.head.weight().sum().item());
        state.put("head.weight", Tensor.ones(3, 2));
        String message = assertThrows(IllegalArgumentException.class, () -> net.loadStateDict(state, false)).getMessage();
        assertTrue(message.contains("key 'head.weight' has shape [3, 2], expected [2, 3]"), message);
    }

    @Test
    void loadingCopiesValuesIntoTheModulesOwnTensors() {
        Net net = new Net();
        Tensor weight = net.head.weight();
        Map<String, Tensor> state = new LinkedHashMap<>();
        net.stateDict().forEach((name, tensor) -> state.put(name, Tensor.full(0.5, tensor.shape())));
        net.loadStateDict(state);
        assertSame(weight, net.head.weight());
        assertEquals(0.5, weight.get(1, 2));
        state.get("head.weight").buffer()[0] = 7;
        assertEquals(0.5, weight.get(0, 0), "the module must not alias the loaded tensors");
    }

    @Test
    void aTiedParameterIsListedOnceForTheOptimizer() {
        Linear shared = new Linear(2, 2);
        Sequential twice = new Sequential(shared, new Tanh(), shared);
        assertEquals(4, twice.namedParameters().size());
        assertEquals(2, twice.parameters().size());
        assertEquals(6, twice.parameterCount());
    }

    @Test
    void registrationRejectsBadAndDuplicateNames() {
        class Bad extends Module {
            Bad(String first, String second) {
                registerParameter(first, Tensor.zeros(1));
                registerBuffer(second, Tensor.zeros(1));
            }

            @Override
            public Tensor forward(Tensor input) {
                return input;
            }
        }
        assertThrows(IllegalArgumentException.class, () -> new Bad("w", "w"));
        assertThrows(IllegalArgumentException.class, () -> new Bad("a.b", "c"));
        assertThrows(IllegalArgumentException.class, () -> new Bad("", "c"));
        new Bad("w", "b");
    }
}
