package org.equireg.core.ops;

import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;

/**
 * Second-order checks of gradient-check rows: {@link org.equireg.core.GradCheck#checkSecondOrder}
 * for element-by-element rows, and for the random-projection rows the same construction (the first
 * gradient as a function of the inputs and of the upstream gradient) checked along random directions.
 */
public final class SecondOrder {
    private SecondOrder() {
    }

    /** Runs the row's function through the second-order check its size calls for. */
    public static void check(GradCase gradCase) {
        if (gradCase.directions() == 0) {
            gradCase.checker().checkSecondOrder(gradCase.function(), gradCase.inputs());
        } else {
            Tensor[] extended = withUpstream(gradCase.function(), gradCase.inputs(), gradCase.checker().seed());
            gradCase.checker().checkFast(firstGradient(gradCase.function(), gradCase.inputs().length),
                    gradCase.directions(), extended);
        }
    }

    /** The inputs followed by a seeded random upstream gradient shaped like the function's output. */
    public static Tensor[] withUpstream(Function<Tensor[], Tensor> function, Tensor[] inputs, long seed) {
        Tensor output;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            output = function.apply(inputs);
        }
        Tensor[] extended = Arrays.copyOf(inputs, inputs.length + 1);
        extended[inputs.length] = Tensor.randn(new SplittableRandom(seed + 2), DType.FLOAT64, output.shape());
        return extended;
    }

    /**
     * The function {@code (x_0 .. x_{n-1}, u) -> concat of the flattened u^T d f / d x_k}, computed with
     * {@code createGraph}: differentiating it is differentiating {@code function} twice.
     */
    public static Function<Tensor[], Tensor> firstGradient(Function<Tensor[], Tensor> function, int count) {
        return x -> {
            // the checks evaluate with grad mode off; the first gradient needs its graph regardless
            try (GradMode.Scope ignored = GradMode.enableGrad()) {
                Tensor[] points = Arrays.copyOf(x, count);
                Tensor y = function.apply(points);
                Tensor[] flat = new Tensor[count];
                if (!y.requiresGrad()) {
                    for (int t = 0; t < count; t++) {
                        flat[t] = Tensor.zeros(DType.FLOAT64, points[t].size());
                    }
                    return Tensor.concat(0, flat);
                }
                List<Tensor> grads = Autograd.grad(List.of(y), Arrays.asList(points), List.of(x[count]), true);
                for (int t = 0; t < count; t++) {
                    flat[t] = grads.get(t).to(DType.FLOAT64).reshape(-1);
                }
                return Tensor.concat(0, flat);
            }
        };
    }
}
