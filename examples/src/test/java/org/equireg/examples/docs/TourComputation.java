package org.equireg.examples.docs;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.transforms.Transforms;

/**
 * The computation docs/TOUR.md follows, run as is: the tour quotes this code (an excerpt that
 * {@link DocsTest} checks) and, in the block marked {@code <!-- output computation -->}, what it prints.
 */
final class TourComputation {
    private TourComputation() {
    }

    /** The tour's example; returns what it prints. */
    static String computation() {
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(printed, true, StandardCharsets.UTF_8);

        Tensor v = Tensor.of(new double[] {0.5, -1.0, 2.0, 1.5, 0.0, -0.5}, 2, 3);    // two points in R^3
        Tensor w = Tensor.of(new double[] {0.3, -0.2, 0.1, 0.0, 0.4, -0.3, 0.2, 0.1, 0.5}, 3, 3).requiresGrad(true);
        Tensor b = Tensor.of(new double[] {0.1, -0.1, 0.2}, 3).requiresGrad(true);
        Module model = new Module() {                  // a linear layer and tanh, written out
            @Override
            public Tensor forward(Tensor x) {
                return x.matmul(w.transpose()).add(b).tanh();    // (batch, 3)
            }
        };
        // Is the model equivariant to a cyclic shift of its input and output by one place?
        TransformPair shift = TransformPair.of(Transforms.roll(1, -1), Transforms.roll(1, -1), 0.0, 1.0);
        EquivarianceError regularizer = EquivarianceError.builder(model, new int[] {3}, List.of(shift)).build();
        Tensor penalty = regularizer.compute(v);       // 1.0 * max(0, error - 0.0)
        penalty.backward();
        out.println(penalty);
        out.println(w.grad());
        out.println(b.grad());

        // The same number from the formula, with the model run twice instead of once on four rows:
        Tensor error = model.forward(v).roll(1, -1).sub(model.forward(v.roll(1, -1))).norm(2, 1, false).mean();
        out.println(error.sub(0.0).relu().mul(1.0).item() == penalty.item());
        return printed.toString(StandardCharsets.UTF_8);
    }
}
