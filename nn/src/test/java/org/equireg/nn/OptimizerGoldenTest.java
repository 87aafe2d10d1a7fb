package org.equireg.nn;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Five steps of every optimizer on a small MLP with an MSE loss, against PyTorch: the parameters
 * after each step and the optimizer's buffers at the end agree to {@link Tolerances#OPTIMIZER_RELATIVE}.
 */
class OptimizerGoldenTest {
    private static final Golden GOLDEN = Golden.load("optimizers");
    private static final String CLIPPED = "sgd_momentum_clipped";
    private static final double MAX_NORM = 0.1;

    /** The cases of {@code OPTIMIZER_CASES} in nn_goldens.py. */
    private static final Map<String, Function<List<Tensor>, Optimizer>> CASES = Map.ofEntries(
            entry("sgd", p -> new SGD(p, 0.1)),
            entry("sgd_momentum", p -> new SGD(p, 0.1, 0.9)),
            entry("sgd_nesterov_weight_decay", p -> new SGD(p, 0.1, 0.9, 0, 0.01, true)),
            entry("sgd_dampening_weight_decay", p -> new SGD(p, 0.05, 0.8, 0.3, 0.05, false)),
            entry(CLIPPED, p -> new SGD(p, 0.1, 0.9)),
            entry("adam", p -> new Adam(p, 0.01)),
            entry("adam_weight_decay", p -> new Adam(p, 0.02, 0.8, 0.99, 1e-6, 0.1)),
            entry("adamw", p -> new AdamW(p, 0.01)),
            entry("adamw_custom", p -> new AdamW(p, 0.02, 0.85, 0.995, 1e-7, 0.2)));

    @Test
    void everyFixtureCaseHasAnOptimizerAndViceVersa() {
        java.util.TreeSet<String> cases = GOLDEN.cases();
        cases.remove("initial");
        assertEquals(new java.util.TreeSet<>(CASES.keySet()), cases);
    }

    @TestFactory
    Stream<DynamicTest> fiveStepsMatchPyTorch() {
        return CASES.keySet().stream().sorted().map(name -> DynamicTest.dynamicTest(name, () -> check(name)));
    }

    private static void check(String name) {
        Module model = new Sequential(new Linear(4, 3), new Tanh(), new Linear(3, 2));
        model.loadStateDict(GOLDEN.under("initial/"));
        Optimizer optimizer = CASES.get(name).apply(model.parameters());
        for (int step = 1; step <= 5; step++) {
            optimizer.zeroGrad();
            Losses.mse(model.forward(GOLDEN.get("x")), GOLDEN.get("y")).backward();
            String prefix = name + "/step" + step + "/";
            if (name.equals(CLIPPED)) {
                double total = Gradients.clipGradNorm(model.parameters(), MAX_NORM);
                Golden.assertClose(GOLDEN.get(prefix + "total_norm"), Tensor.scalar(total), 0, Tolerances.OPTIMIZER_RELATIVE,
                        prefix + "total_norm");
            }
            optimizer.step();
            model.stateDict().forEach((key, value) -> Golden.assertClose(GOLDEN.get(prefix + key), value, 0,
                    Tolerances.OPTIMIZER_RELATIVE, prefix + key));
        }
        Map<String, Tensor> state = optimizer.stateDict();
        GOLDEN.under(name + "/state/").forEach((key, expected) -> {
            String ours = "state." + key.replace('/', '.');
            Golden.assertClose(expected, state.get(ours), 0, Tolerances.OPTIMIZER_RELATIVE, name + " " + ours);
        });
    }
}
