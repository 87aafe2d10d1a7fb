package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** Running statistics over three training steps, then evaluation, against PyTorch. */
class BatchNormGoldenTest {
    private static final Golden GOLDEN = Golden.load("batchnorm");
    private static final Map<String, Supplier<BatchNorm>> CASES = Map.of(
            "bn1d", () -> new BatchNorm1d(3, 1e-5, 0.1),
            "bn2d", () -> new BatchNorm2d(2, 1e-3, 0.3));

    @Test
    void runningStatisticsFollowPyTorchOverThreeSteps() {
        assertEquals(new java.util.TreeSet<>(CASES.keySet()), GOLDEN.cases());
        CASES.forEach((name, factory) -> {
            BatchNorm layer = factory.get();
            layer.loadStateDict(GOLDEN.under(name + "/state/"), false);
            for (int step = 0; step < 3; step++) {
                String prefix = name + "/step" + step + "/";
                Golden.assertClose(GOLDEN.get(prefix + "output"), layer.forward(GOLDEN.get(prefix + "input")), prefix + "output");
                Golden.assertClose(GOLDEN.get(prefix + "running_mean"), layer.runningMean(), prefix + "running_mean");
                Golden.assertClose(GOLDEN.get(prefix + "running_var"), layer.runningVar(), prefix + "running_var");
                Golden.assertClose(GOLDEN.get(prefix + "num_batches_tracked"), layer.namedBuffers().get("num_batches_tracked"),
                        prefix + "num_batches_tracked");
            }
            layer.eval();
            Golden.assertClose(GOLDEN.get(name + "/eval/output"), layer.forward(GOLDEN.get(name + "/eval/input")),
                    name + " evaluation output");
        });
    }
}
