package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

class SequentialTest extends ModuleContract {
    @Override
    Module create(RandomGenerator random) {
        return new Sequential(new Linear(3, 4, true, random), new Tanh(), new Linear(4, 2, true, random));
    }

    @Override
    Tensor input(RandomGenerator random) {
        return Tensor.randn(random, 5, 3);
    }

    @Test
    void namesItsChildrenByIndexLikePyTorch() {
        Module model = create(new SplittableRandom(1));
        assertEquals(List.of("0.weight", "0.bias", "2.weight", "2.bias"), List.copyOf(model.stateDict().keySet()));
    }

    @Test
    void appliesItsModulesInOrder() {
        Sequential model = (Sequential) create(new SplittableRandom(1));
        Tensor x = input(new SplittableRandom(2));
        Tensor expected = model.get(2).forward(model.get(1).forward(model.get(0).forward(x)));
        assertArrayEquals(expected.toArray(), model.forward(x).toArray());
        assertEquals(3, model.size());
    }

    @Test
    void printsATreeWithParameterCounts() {
        Sequential model = new Sequential(new Linear(2, 3), new ReLU(), new Sequential(new Linear(3, 1), new Sigmoid()));
        assertEquals(String.join("\n",
                "Sequential(",
                "  (0): Linear(in_features=2, out_features=3, bias=true)  # 9 parameters",
                "  (1): ReLU()",
                "  (2): Sequential(",
                "    (0): Linear(in_features=3, out_features=1, bias=true)  # 4 parameters",
                "    (1): Sigmoid()",
                "  )  # 4 parameters",
                ")  # 13 parameters"), model.toString());
    }

    @Test
    void aShapeErrorNamesTheLayerItsIndexAndItsInput() {
        Sequential model = new Sequential(new Linear(4, 3), new ReLU(), new Linear(5, 2));
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, () -> model.forward(Tensor.zeros(7, 4)));
        String message = error.getMessage();
        assertTrue(message.startsWith("Sequential: layer (2) Linear(in_features=5, out_features=2, bias=true) failed on input of shape [7, 3]: "),
                message);
        assertTrue(message.contains("[7, 3]") && message.contains("[2, 5]"), message);
        assertEquals(IllegalArgumentException.class, error.getCause().getClass());
        assertTrue(message.endsWith(error.getCause().getMessage()), message);
    }
}
