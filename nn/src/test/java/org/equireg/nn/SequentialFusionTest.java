package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Supplier;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Sequential runs a Linear or Conv2d followed by ReLU, Tanh or Sigmoid as one fused op, and that
 * gives the bits of the modules run one by one: the output, every parameter's gradient, and the
 * gradient of a gradient-norm penalty (a second-order pass, as the regularizer takes), in both
 * element types, on the shapes of the benchmark workloads.
 */
class SequentialFusionTest {

    /** Like the cnn-digits workload: conv 1 -> 16, ReLU, conv 16 -> 32, ReLU, pool, flatten, linear, ReLU, linear. */
    private static Sequential cnn() {
        SplittableRandom random = new SplittableRandom(5);
        return new Sequential(new Conv2d(1, 16, 3, 1, 1, 1, 1, true, random), new ReLU(),
                new Conv2d(16, 32, 3, 1, 1, 1, 1, true, random), new ReLU(), new MaxPool2d(2, 2, 0), new Flatten(),
                new Linear(32 * 4 * 4, 64, true, random), new ReLU(), new Linear(64, 10, true, random));
    }

    /** Like mlp-digits: linear layers with tanh between them, and a sigmoid. */
    private static Sequential mlp() {
        SplittableRandom random = new SplittableRandom(6);
        return new Sequential(new Linear(64, 48, true, random), new Tanh(), new Linear(48, 32, false, random),
                new Sigmoid(), new Linear(32, 10, true, random));
    }

    private static Tensor oneByOne(Sequential model, Tensor x) {
        Tensor output = x;
        for (int i = 0; i < model.size(); i++) {
            output = model.get(i).forward(output);
        }
        return output;
    }

    /** The output, the parameters' gradients, and the parameters' gradients of the gradient-norm penalty. */
    private static List<double[]> run(Supplier<Sequential> build, DType dtype, int[] inputShape, boolean fused) {
        Module model = build.get().to(dtype);
        Tensor x = Tensor.randn(new SplittableRandom(7), dtype, inputShape).requiresGrad(true);
        Tensor y = fused ? model.forward(x) : oneByOne((Sequential) model, x);
        Tensor loss = y.logSoftmax(1).mean().neg();
        List<Tensor> parameters = model.parameters();
        List<Tensor> wrt = new ArrayList<>(parameters);
        wrt.add(x);
        List<Tensor> first = Autograd.grad(List.of(loss), wrt, null, true);
        Tensor penalty = first.get(first.size() - 1).pow(2).sum();
        List<Tensor> second = Autograd.grad(List.of(penalty), parameters, null, false);
        List<double[]> all = new ArrayList<>();
        all.add(y.toArray());
        first.forEach(g -> all.add(g.toArray()));
        second.forEach(g -> all.add(g.toArray()));
        return all;
    }

    private static void assertSameBits(Supplier<Sequential> build, DType dtype, int... inputShape) {
        List<double[]> fused = run(build, dtype, inputShape, true);
        List<double[]> apart = run(build, dtype, inputShape, false);
        assertEquals(apart.size(), fused.size());
        for (int k = 0; k < fused.size(); k++) {
            double[] e = apart.get(k);
            double[] a = fused.get(k);
            assertEquals(e.length, a.length, "result " + k);
            for (int i = 0; i < e.length; i++) {
                if (Double.doubleToRawLongBits(e[i]) != Double.doubleToRawLongBits(a[i])) {
                    throw new AssertionError("result " + k + " element " + i + ": " + a[i] + " fused, " + e[i] + " apart");
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aConvNetGivesTheBitsOfItsModulesOneByOne(DType dtype) {
        assertSameBits(SequentialFusionTest::cnn, dtype, 3, 1, 8, 8);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aDenseNetGivesTheBitsOfItsModulesOneByOne(DType dtype) {
        assertSameBits(SequentialFusionTest::mlp, dtype, 5, 64);
    }

    @Test
    void recordsOneFusedOpPerLayerAndActivation() {
        Tensor x = Tensor.randn(new SplittableRandom(8), 2, 1, 8, 8);
        Sequential model = cnn();
        Tensor features = new Sequential(model.get(0), model.get(1)).forward(x);
        assertEquals("conv2dActivation", features.op());
        Tensor hidden = new Sequential(new Linear(4, 3), new Tanh()).forward(Tensor.randn(new SplittableRandom(9), 2, 4));
        assertEquals("linearActivation", hidden.op());
        assertEquals("linear", new Sequential(new Linear(4, 3), new Identity()).forward(Tensor.zeros(2, 4)).op());
        assertEquals("relu", new Sequential(new ReLU(), new ReLU()).forward(Tensor.zeros(2, 4).requiresGrad(true)).op());
    }

    @Test
    void aFailingFusedLayerIsNamedByItsIndex() {
        Sequential model = new Sequential(new Linear(4, 3), new ReLU());
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> model.forward(Tensor.zeros(2, 5)));
        assertTrue(error.getMessage().startsWith("Sequential: layer (0) Linear(in_features=4, out_features=3, bias=true)"
                + " failed on input of shape [2, 5]: linear: input [2, 5] has 5 features"), error.getMessage());
    }
}
