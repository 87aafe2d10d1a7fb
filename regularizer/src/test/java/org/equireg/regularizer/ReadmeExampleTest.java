package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.equireg.core.Tensor;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.Module;
import org.equireg.nn.ReLU;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.transforms.Padding;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/** The worked example of regularizer/README-section.md, run as is; its printed output is quoted there. */
class ReadmeExampleTest {

    @Test
    void workedExample() {
        Init.seed(0);
        Module model = new Sequential(new Conv2d(1, 4, 3, 1, 1), new ReLU(), new Flatten(), new Linear(4 * 8 * 8, 10));

        // a classifier of 8 x 8 pictures should ignore quarter turns, small rotations and mirroring
        List<TransformPair> pairs = List.of(
                TransformPair.invariance(Transforms.c4(), 0.0, 1.0).named("C4"),
                TransformPair.invariance(Transforms.randomRotation(-0.3, 0.3, Padding.ZEROS), 0.05, 0.5)
                        .named("small rotations"),
                TransformPair.of(Transforms.identity(), Transforms.flip(-1), 0.0, 0.1).named("mirror"));
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {1, 8, 8}, pairs)
                .distance(Distance.parse("cross_entropy_logits")).sampleSize(32).functionsPerCall(2)
                .sampler(Samplers.halton()).seed(42).build();

        Tensor penalty = regularizer.compute();      // in a training step: loss = task.add(penalty)
        penalty.backward();
        System.out.println("penalty = " + penalty.item());
        System.out.println(regularizer.report(8));

        assertTrue(penalty.item() > 0);
        assertEquals(3, regularizer.report(2).pairs().size());
    }
}
