package org.equireg.core.golden;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.equireg.core.OpCoverage;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * Fails when a primitive listed in {@link org.equireg.core.ops.Op} (a forward one: the backward
 * primitives have second-order goldens) runs in no PyTorch golden
 * case: every case's expression is replayed on its fixture's inputs and the graph it records is walked.
 */
class GoldenCoverageTest {

    @Test
    void everyPrimitiveRunsUnderSomeGoldenCase() throws IOException {
        Set<String> recorded = new TreeSet<>();
        for (Map.Entry<String, Supplier<Stream<GoldenCase>>> family : FixtureInventoryTest.FAMILIES.entrySet()) {
            for (GoldenCase golden : (Iterable<GoldenCase>) family.getValue().get()::iterator) {
                recorded.addAll(OpCoverage.recorded(replay(family.getKey(), golden)));
            }
        }
        Set<String> unchecked = new TreeSet<>(OpCoverage.forwardPrimitives());
        unchecked.removeAll(recorded);
        assertEquals(Set.of(), unchecked, "forward primitives that no PyTorch golden case runs");
    }

    /** The case's output, computed from the fixture's inputs as leaves that require gradients. */
    private static Tensor replay(String family, GoldenCase golden) throws IOException {
        String label = family + "/" + golden.name();
        Map<String, Tensor> tensors = SafeTensors.read(Golden.directory(family).resolve(golden.name() + ".safetensors"));
        int count = 0;
        while (tensors.containsKey("input" + count)) {
            count++;
        }
        Tensor[] inputs = new Tensor[count];
        for (int k = 0; k < count; k++) {
            inputs[k] = tensors.get("input" + k).requiresGrad(true);
        }
        return golden.expression().apply(new Fixture(label, inputs, tensors));
    }
}
