package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
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

/** The worked example of README.md, run as is: the README must quote what it prints. */
class ReadmeExampleTest {

    @Test
    void workedExample() throws IOException {
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
        String report = regularizer.report(8).toString();
        System.out.println(report);

        assertTrue(penalty.item() > 0);
        assertEquals(3, regularizer.report(2).pairs().size());
        String readme = Files.readString(Path.of("..", "README.md"));
        Matcher quoted = Pattern.compile("\npenalty = (\\S+)\n").matcher(readme);
        assertTrue(quoted.find(), "README.md quotes no penalty");
        // parsed, not compared as text: JDK 19 changed how Double.toString spells a double
        assertEquals(penalty.item(), Double.parseDouble(quoted.group(1)), 0.0, "the penalty README.md quotes");
        for (String line : report.split("\n")) {
            assertTrue(readme.contains(line), "README.md does not quote: " + line);
        }
    }
}
