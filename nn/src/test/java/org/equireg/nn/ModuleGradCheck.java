package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.SplittableRandom;
import org.equireg.core.GradCheck;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;

/**
 * Finite-difference checks of a module's gradients: with respect to its input through core's
 * {@link GradCheck}, and with respect to each parameter element by central differences of
 * {@code u . module(input)} with the same settings (the parameters are the module's own tensors,
 * which GradCheck cannot substitute), plus GradCheck's extra checks (gradient shape, zero upstream
 * gives zero, two backward runs agree bit for bit).
 */
final class ModuleGradCheck {
    private static final GradCheck SETTINGS = GradCheck.standard();

    private ModuleGradCheck() {
    }

    static void check(Module module, Tensor input) {
        SETTINGS.check(x -> module.forward(x[0]), input);
        if (module.namedParameters().isEmpty()) {
            return;
        }
        Tensor upstream = Tensor.randn(new SplittableRandom(SETTINGS.seed()), output(module, input).shape());
        Map<String, Tensor> first = parameterGradients(module, input, upstream);
        Map<String, Tensor> second = parameterGradients(module, input, upstream);
        Map<String, Tensor> zero = parameterGradients(module, input, Tensor.zeros(upstream.shape()));
        module.namedParameters().forEach((name, parameter) -> {
            Tensor analytic = first.get(name);
            assertNotNull(analytic, () -> "no gradient for parameter " + name);
            assertArrayEquals(parameter.shape(), analytic.shape(), () -> "gradient shape of " + name);
            assertArrayEquals(analytic.buffer(), second.get(name).buffer(), () -> "two backward runs differ for " + name);
            for (double value : zero.get(name).buffer()) {
                assertEquals(0.0, value, () -> "zero upstream gave a non-zero gradient for " + name);
            }
            double[] values = parameter.buffer();
            for (int i = 0; i < values.length; i++) {
                double original = values[i];
                values[i] = original + SETTINGS.epsilon();
                double plus = project(module, input, upstream);
                values[i] = original - SETTINGS.epsilon();
                double minus = project(module, input, upstream);
                values[i] = original;
                double numeric = (plus - minus) / (2 * SETTINGS.epsilon());
                double backward = analytic.buffer()[i];
                String where = name + "[" + i + "]";
                assertTrue(Math.abs(backward - numeric) <= SETTINGS.absoluteTolerance()
                        + SETTINGS.relativeTolerance() * Math.abs(numeric),
                        () -> "gradient of " + where + ": backward " + backward + ", finite differences " + numeric);
            }
        });
    }

    private static Map<String, Tensor> parameterGradients(Module module, Tensor input, Tensor upstream) {
        module.zeroGrad();
        module.forward(input).backward(upstream);
        Map<String, Tensor> gradients = new java.util.LinkedHashMap<>();
        module.namedParameters().forEach((name, parameter) -> gradients.put(name, parameter.grad()));
        module.zeroGrad();
        return gradients;
    }

    private static Tensor output(Module module, Tensor input) {
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            return module.forward(input);
        }
    }

    private static double project(Module module, Tensor input, Tensor upstream) {
        return output(module, input).mul(upstream).sum().item();
    }
}
