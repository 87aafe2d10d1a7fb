package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.function.Function;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The optimizers' block-wise update rules give, bit for bit, the element-by-element rule their Javadoc
 * states, computed in double and rounded to the parameter's type at every store (a buffer value is
 * read back as stored): over parameters shorter than, equal to and longer than a block, with every
 * option on, for three steps.
 */
class UpdateBlocksTest {
    private static final int[] LENGTHS = {1, UpdateBlocks.SIZE - 1, UpdateBlocks.SIZE, UpdateBlocks.SIZE + 1,
            3 * UpdateBlocks.SIZE + 77};
    private static final int STEPS = 3;

    /** The element-by-element rule: state per parameter element, mutated by one step with gradient g. */
    private interface Rule {
        void step(double[] p, double[] g, double[][] buffers, int step, DType dtype);
    }

    private static double stored(double value, DType dtype) {
        return dtype == DType.FLOAT32 ? (float) value : value;
    }

    private static Rule sgd(double lr, double momentum, double dampening, double weightDecay, boolean nesterov) {
        return (p, g, buffers, step, dtype) -> {
            for (int i = 0; i < p.length; i++) {
                double d = g[i] + weightDecay * p[i];
                if (momentum != 0) {
                    buffers[0][i] = stored(step == 1 ? d : momentum * buffers[0][i] + (1 - dampening) * d, dtype);
                    d = nesterov ? d + momentum * buffers[0][i] : buffers[0][i];
                }
                p[i] = stored(p[i] - lr * d, dtype);
            }
        };
    }

    private static Rule moments(double lr, double beta1, double beta2, double eps, double l2, double decoupled) {
        return (p, g, buffers, step, dtype) -> {
            double stepSize = lr / (1 - Math.pow(beta1, step));
            double correctionSqrt = Math.sqrt(1 - Math.pow(beta2, step));
            for (int i = 0; i < p.length; i++) {
                p[i] = stored(p[i] * (1 - lr * decoupled), dtype);
                double gi = g[i] + l2 * p[i];
                buffers[0][i] = stored(beta1 * buffers[0][i] + (1 - beta1) * gi, dtype);
                buffers[1][i] = stored(beta2 * buffers[1][i] + (1 - beta2) * gi * gi, dtype);
                p[i] = stored(p[i] - stepSize * (buffers[0][i] / (Math.sqrt(buffers[1][i]) / correctionSqrt + eps)), dtype);
            }
        };
    }

    private static void check(DType dtype, Function<List<Tensor>, Optimizer> make, Rule rule, int buffers) {
        Random random = new Random(7);
        List<Tensor> parameters = new ArrayList<>();
        List<double[]> expected = new ArrayList<>();
        List<double[][]> expectedBuffers = new ArrayList<>();
        for (int length : LENGTHS) {
            double[] values = new double[length];
            for (int i = 0; i < length; i++) {
                values[i] = stored(4 * random.nextDouble() - 2, dtype);
            }
            parameters.add(Tensor.of(values, length).to(dtype).requiresGrad(true));
            expected.add(values.clone());
            expectedBuffers.add(new double[buffers][length]);
        }
        Optimizer optimizer = make.apply(parameters);
        for (int step = 1; step <= STEPS; step++) {
            optimizer.zeroGrad();
            Tensor loss = Tensor.scalar(0).to(dtype);
            List<double[]> gradients = new ArrayList<>();
            for (Tensor parameter : parameters) {
                double[] g = new double[parameter.shape()[0]];
                for (int i = 0; i < g.length; i++) {
                    g[i] = stored(2 * random.nextGaussian(), dtype);
                }
                gradients.add(g);
                loss = loss.add(parameter.mul(Tensor.of(g, g.length).to(dtype)).sum());
            }
            loss.backward();
            optimizer.step();
            for (int k = 0; k < parameters.size(); k++) {
                rule.step(expected.get(k), gradients.get(k), expectedBuffers.get(k), step, dtype);
                double[] actual = parameters.get(k).toArray();
                for (int i = 0; i < actual.length; i++) {
                    assertEquals(Double.doubleToRawLongBits(expected.get(k)[i]), Double.doubleToRawLongBits(actual[i]),
                            "step " + step + ", parameter of length " + actual.length + ", element " + i + ": expected "
                                    + expected.get(k)[i] + ", got " + actual[i]);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void sgdWithEveryOption(DType dtype) {
        check(dtype, p -> new SGD(p, 0.1), sgd(0.1, 0, 0, 0, false), 0);
        check(dtype, p -> new SGD(p, 0.05, 0.9, 0.25, 0.01, false), sgd(0.05, 0.9, 0.25, 0.01, false), 1);
        check(dtype, p -> new SGD(p, 0.05, 0.9, 0, 0.01, true), sgd(0.05, 0.9, 0, 0.01, true), 1);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void adamAndAdamW(DType dtype) {
        check(dtype, p -> new Adam(p, 0.01, 0.8, 0.99, 1e-6, 0.02), moments(0.01, 0.8, 0.99, 1e-6, 0.02, 0), 2);
        check(dtype, p -> new AdamW(p, 0.01, 0.8, 0.99, 1e-6, 0.3), moments(0.01, 0.8, 0.99, 1e-6, 0, 0.3), 2);
    }
}
