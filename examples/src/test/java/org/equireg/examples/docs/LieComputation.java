package org.equireg.examples.docs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.Tensor;
import org.equireg.nn.Conv2d;
import org.equireg.nn.Flatten;
import org.equireg.nn.Init;
import org.equireg.nn.Linear;
import org.equireg.nn.MaxPool2d;
import org.equireg.nn.Sequential;
import org.equireg.nn.Tanh;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.lie.LayerwiseAttribution;
import org.equireg.regularizer.lie.LieDerivative;
import org.equireg.regularizer.lie.LieGenerator;
import org.equireg.regularizer.transforms.Padding;

/**
 * The example of docs/lie-derivative.md, run as is: the page quotes this code (an excerpt that
 * {@link DocsTest} checks) and, in the block marked {@code <!-- output lie -->}, what it prints.
 */
final class LieComputation {
    private LieComputation() {
    }

    /** The page's example; returns what it prints. */
    static String example() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        Init.seed(7);
        Sequential model = new Sequential(new Conv2d(1, 4, 3, 1, 1), new Tanh(), new MaxPool2d(2), new Flatten(),
                new Linear(4 * 4 * 4, 3));
        Tensor images = Tensor.rand(new SplittableRandom(1), 16, 1, 8, 8);    // (batch, channels, height, width)

        // How fast do the outputs move when the images are rotated, shifted, zoomed, brightened a little?
        for (LieGenerator generator : List.of(LieGenerator.rotation(Padding.ZEROS), LieGenerator.translation(1, 0, Padding.ZEROS),
                LieGenerator.scale(Padding.ZEROS), LieGenerator.brightness())) {
            out.println(LieDerivative.invariance(model, generator).measure(images));
        }
        // Which layer does the rotation error come from?
        out.print(LayerwiseAttribution.of(model, LieGenerator.rotation(Padding.ZEROS), images, 64, new SplittableRandom(2)));

        // Train it away: lambda * max(0, mean ||L f(x)||^2 - epsilon), alone or next to finite pairs.
        TransformPair lie = TransformPair.lieInvariance(LieGenerator.rotation(Padding.ZEROS), 0.0, 1.0);
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {1, 8, 8}, List.of(lie)).build();
        Tensor penalty = regularizer.compute(images);
        penalty.backward();                              // gradients of the Lie derivative reach the weights
        out.printf("penalty %.6e, |grad conv weight| %.6e%n", penalty.item(), model.get(0).parameters().get(0).grad().norm(2).item());
        return printed.toString(StandardCharsets.UTF_8);
    }
}
