package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.SplittableRandom;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** Gradients of gradients through the public API: torch.autograd.grad semantics, jvp, any order. */
class HigherOrderTest {
    private static final double TOLERANCE = 1e-12;

    @Test
    void secondAndThirdDerivativesOfAPolynomialAreExact() {
        Tensor x = Tensor.of(new double[] {1.5, -2.0}, 2).requiresGrad(true);
        Tensor y = x.pow(4).sum();
        Tensor first = Autograd.grad(List.of(y), List.of(x), null, true).get(0);
        assertArrayEquals(new double[] {4 * 3.375, 4 * -8.0}, first.toArray(), TOLERANCE);
        Tensor second = Autograd.grad(List.of(first.sum()), List.of(x), null, true).get(0);
        assertArrayEquals(new double[] {12 * 2.25, 12 * 4.0}, second.toArray(), TOLERANCE);
        Tensor third = Autograd.grad(List.of(second.sum()), List.of(x), null, false).get(0);
        assertArrayEquals(new double[] {24 * 1.5, 24 * -2.0}, third.toArray(), TOLERANCE);
    }

    @Test
    void gradLeavesTheLeavesGradientsUntouched() {
        Tensor x = Tensor.of(new double[] {0.3, 0.4}, 2).requiresGrad(true);
        Tensor y = x.tanh().sum();
        Autograd.grad(List.of(y), List.of(x), null, false);
        assertNull(x.grad());
    }

    @Test
    void anUnusedInputGetsZerosAndAZeroSecondDerivativeIsZerosNotAnError() {
        Tensor x = Tensor.of(new double[] {0.5, -1.0, 2.0}, 3).requiresGrad(true);
        Tensor unused = Tensor.of(new double[] {7, 8}, 2).requiresGrad(true);
        Tensor y = x.relu().mul(3).sum();
        List<Tensor> grads = Autograd.grad(List.of(y), List.of(x, unused), null, true);
        assertArrayEquals(new double[] {3, 0, 3}, grads.get(0).toArray());
        assertArrayEquals(new double[] {0, 0}, grads.get(1).toArray());
        Tensor second = Autograd.grad(List.of(grads.get(0).sum()), List.of(x), null, false).get(0);
        assertArrayEquals(new double[] {0, 0, 0}, second.toArray());
    }

    @Test
    void jvpIsTheDirectionalDerivative() {
        Tensor w = Tensor.randn(new SplittableRandom(1), 3, 4);
        Tensor x = Tensor.randn(new SplittableRandom(2), 2, 4);
        Tensor u = Tensor.randn(new SplittableRandom(3), 2, 4);
        Tensor jvp = Autograd.jvp(v -> v.matmul(w.transpose(0, 1)).tanh(), x, u);
        double step = 1e-6;
        Tensor plus = x.add(u.mul(step)).matmul(w.transpose(0, 1)).tanh();
        Tensor minus = x.sub(u.mul(step)).matmul(w.transpose(0, 1)).tanh();
        assertArrayEquals(plus.sub(minus).div(2 * step).toArray(), jvp.toArray(), 1e-8);
    }

    @Test
    void aJvpPenaltyTrainsTheWeights() {
        Tensor w = Tensor.randn(new SplittableRandom(4), 3, 4).requiresGrad(true);
        Tensor x = Tensor.randn(new SplittableRandom(5), 2, 4);
        Tensor u = Tensor.randn(new SplittableRandom(6), 2, 4);
        GradCheck.standard().check(p -> Autograd.jvp(v -> v.matmul(p[0].transpose(0, 1)).sigmoid(), x, u)
                .pow(2).sum(), w.detach());
    }

    @Test
    void backwardWithCreateGraphGivesDifferentiableLeafGradients() {
        Tensor x = Tensor.of(new double[] {0.2, 0.7}, 2).requiresGrad(true);
        x.exp().sum().backward(Tensor.scalar(1.0), false, true);
        Tensor gradient = x.grad();
        assertTrue(gradient.requiresGrad());
        Tensor second = Autograd.grad(List.of(gradient.sum()), List.of(x), null, false).get(0);
        assertArrayEquals(new double[] {Math.exp(0.2), Math.exp(0.7)}, second.toArray(), TOLERANCE);
    }

    @Test
    void inputsMustRequireGrad() {
        Tensor x = Tensor.of(new double[] {1}, 1);
        Tensor y = Tensor.of(new double[] {1}, 1).requiresGrad(true).mul(2).sum();
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Autograd.grad(List.of(y), List.of(x), null, false));
        assertTrue(error.getMessage().contains("inputs[0]"), error.getMessage());
    }

    @Test
    void secondOrderChecksPassForSmoothCompositionsAndCatchAWrongRule() {
        Tensor a = Tensor.randn(new SplittableRandom(7), 3, 4);
        Tensor b = Tensor.randn(new SplittableRandom(8), 4, 2);
        GradCheck.standard().checkSecondOrder(x -> x[0].matmul(x[1]).tanh().logSoftmax(-1), a, b);
        GradCheck.standard().checkSecondOrder(x -> x[0].sigmoid().mul(x[0].exp()).sum(1, false), a);
        // x^2 / 2 whose rule is right to first order but cuts the graph (a detached x): caught at second order
        Function<Tensor[], Tensor> halfSquare = x -> Tensor.fromOp(TestOp.WRONG, x[0].mul(x[0]).mul(0.5).toArray(),
                x[0].shape(), (saved, g) -> new Tensor[] {g.mul(saved.input(0).detach())}, x[0]);
        GradCheck.standard().check(halfSquare, a);
        GradCheckError error = assertThrows(GradCheckError.class, () -> GradCheck.standard().checkSecondOrder(halfSquare, a));
        assertTrue(error.getMessage().contains("input 0"), error.getMessage());
    }
}
