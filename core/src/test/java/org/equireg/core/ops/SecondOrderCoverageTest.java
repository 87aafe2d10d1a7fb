package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import org.equireg.core.Autograd;
import org.equireg.core.OpCoverage;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Fails when a primitive of {@link Op}, of any kind (the fused backward kernels and the index
 * gather/scatter pair included), is differentiated by no second-order row: every row of
 * {@link SecondOrderGradTest} computes its first gradient with {@code createGraph}, and the graph
 * behind that gradient, the graph the second-order check differentiates, is walked for op names,
 * together with the row's forward graph: a forward primitive whose rule does not reuse its own
 * output (conv2d's gradients are the backward primitives, log's is {@code g / x}) is absent from the
 * gradient's graph, yet its rule is what built that gradient, so the check differentiates its formula.
 * The index gather, the derivative of the index scatter, shows up only in second gradients: the
 * third-order rows record it.
 */
class SecondOrderCoverageTest {

    @Test
    void everyPrimitiveIsDifferentiatedBySomeSecondOrderRow() {
        Set<String> recorded = new TreeSet<>();
        SecondOrderGradTest.cases().forEach(gradCase -> recorded.addAll(firstGradientOps(gradCase)));
        Set<String> unchecked = new TreeSet<>(OpCoverage.primitives());
        unchecked.removeAll(recorded);
        assertEquals(Set.of(), unchecked, "primitives of Op in the graph of no second-order row's first gradient");
    }

    /** The lower-cased op names in the row's forward graph and in the graph of its first gradient. */
    static Set<String> firstGradientOps(GradCase gradCase) {
        Tensor[] extended = SecondOrder.withUpstream(gradCase.function(), gradCase.inputs(), gradCase.checker().seed());
        Tensor[] leaves = Arrays.stream(extended).map(input -> input.copy().requiresGrad(true)).toArray(Tensor[]::new);
        Set<String> ops = new TreeSet<>(OpCoverage.recorded(gradCase.function().apply(
                Arrays.copyOf(leaves, gradCase.inputs().length))));
        ops.addAll(OpCoverage.recorded(SecondOrder.firstGradient(gradCase.function(), gradCase.inputs().length)
                .apply(leaves)));
        return ops;
    }
}
