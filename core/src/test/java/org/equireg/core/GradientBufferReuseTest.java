package org.equireg.core;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.equireg.core.kernels.Buffers;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The recycling of intermediate gradients by the backward pass: training steps give the same bits
 * as steps whose backward recycles nothing (a graph-creating backward), whatever the pool holds;
 * nothing a caller holds from an earlier step (outputs, leaves' gradients, {@link Autograd#grad}'s
 * results, a gradient a custom rule kept) changes in later steps; threads do not share buffers.
 */
class GradientBufferReuseTest {
    private static final int STEPS = 4;
    private static final double LEARNING_RATE = 0.05;

    /** A small CNN with a residual sum (fan-out), a view, a custom op and both pooling and linear layers. */
    private static final class Net {
        final Tensor w1;
        final Tensor b1;
        final Tensor w2;
        final Tensor w3;
        final Tensor b3;
        /** Added to an activation of its own shape: add's rule hands one array to it and to the activation. */
        final Tensor shift;
        final Tensor input;
        final List<Tensor> keptByCustomRule = new ArrayList<>();

        Net(DType dtype) {
            SplittableRandom random = new SplittableRandom(7);
            w1 = Tensor.randn(random, dtype, 4, 1, 3, 3).mul(0.4).detach().requiresGrad(true);
            b1 = Tensor.randn(random, dtype, 4).mul(0.1).detach().requiresGrad(true);
            w2 = Tensor.randn(random, dtype, 4, 4, 3, 3).mul(0.2).detach().requiresGrad(true);
            w3 = Tensor.randn(random, dtype, 10, 64).mul(0.1).detach().requiresGrad(true);
            b3 = Tensor.randn(random, dtype, 10).mul(0.1).detach().requiresGrad(true);
            input = Tensor.rand(random, dtype, 4, 1, 8, 8);
            shift = Tensor.randn(random, dtype, 4, 4, 8, 8).mul(0.1).detach().requiresGrad(true);
        }

        List<Tensor> parameters() {
            return List.of(w1, b1, w2, w3, b3, shift);
        }

        /** The first activation (kept by tests that differentiate with respect to it) and the loss. */
        Tensor[] forward() {
            Tensor h1 = input.conv2d(w1, b1, 1, 1).relu();
            Tensor h2 = h1.conv2d(w2, null, 1, 1).relu().add(h1).add(shift);
            Tensor pooled = keepGradient(h2.maxPool2d(2, 2, 0).reshape(4, 64));
            Tensor logits = pooled.linear(w3, b3).tanh();
            return new Tensor[] {h1, logits.mul(logits).sum()};
        }

        /** The identity, as a user's op whose rule keeps every gradient it is given. */
        private Tensor keepGradient(Tensor x) {
            return Tensor.fromOp(TestOp.CUSTOM, x.storage(), x.shape(), (saved, grad) -> {
                keptByCustomRule.add(grad);
                return new Tensor[] {grad};
            }, x);
        }

        void update() {
            for (Tensor p : parameters()) {
                Storage values = p.storage();
                Storage grad = p.grad().storage();
                for (int i = 0; i < values.length(); i++) {
                    values.set(i, values.get(i) - LEARNING_RATE * grad.get(i));
                }
                p.bumpVersion();
            }
        }

        void zeroGrad() {
            parameters().forEach(Tensor::zeroGrad);
        }
    }

    /** Losses, then every gradient and parameter after each step, as bits. */
    private static List<long[]> train(DType dtype, boolean recordGraph, boolean poisonPool) {
        Net net = new Net(dtype);
        List<long[]> trace = new ArrayList<>();
        for (int step = 0; step < STEPS; step++) {
            if (poisonPool) {
                poisonPool(dtype);
            }
            net.zeroGrad();
            Tensor loss = net.forward()[1];
            if (recordGraph) {
                loss.backward(Tensor.ones(dtype, loss.shape()), false, true); // a graph-creating backward recycles nothing
            } else {
                loss.backward();
            }
            trace.add(new long[] {Double.doubleToRawLongBits(loss.item())});
            for (Tensor p : net.parameters()) {
                trace.add(bits(p.grad()));
            }
            net.update();
            for (Tensor p : net.parameters()) {
                trace.add(bits(p));
            }
        }
        return trace;
    }

    /** Fills this thread's pool with NaN arrays of every length the net uses, so a kernel reading unzeroed memory shows. */
    private static void poisonPool(DType dtype) {
        List<Integer> lengths = new ArrayList<>();
        for (int length = 64; length <= 1024; length++) {
            lengths.add(length);
        }
        for (int copy = 0; copy < 8; copy++) {
            lengths.addAll(List.of(64, 144, 256, 640, 1024)); // the net's, enough that the forward pass cannot drain them
        }
        try (Buffers.Pass pass = Buffers.openPass()) {
            List<Object> arrays = new ArrayList<>();
            for (int length : lengths) { // all lent before any goes back, so each is a distinct array
                if (dtype == DType.FLOAT64) {
                    double[] values = Buffers.doubles(length);
                    Arrays.fill(values, Double.NaN);
                    arrays.add(values);
                } else {
                    float[] values = Buffers.floats(length);
                    Arrays.fill(values, Float.NaN);
                    arrays.add(values);
                }
            }
            arrays.forEach(pass::recycle);
        }
    }

    private static long[] bits(Tensor t) {
        long[] bits = new long[t.size()];
        for (int i = 0; i < bits.length; i++) {
            bits[i] = Double.doubleToRawLongBits(t.storage().get(i));
        }
        return bits;
    }

    private static void assertSameTrace(List<long[]> expected, List<long[]> actual) {
        assertEquals(expected.size(), actual.size());
        for (int i = 0; i < expected.size(); i++) {
            assertArrayEquals(expected.get(i), actual.get(i), "entry " + i + " of the trace");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void stepsAreBitIdenticalToStepsThatRecycleNothing(DType dtype) {
        List<long[]> reference = train(dtype, true, false);
        assertSameTrace(reference, train(dtype, false, false));
        assertSameTrace(reference, train(dtype, false, true));
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void nothingHeldFromAnEarlierStepChanges(DType dtype) {
        Net net = new Net(dtype);
        Tensor[] graphed = net.forward();
        List<Tensor> expected = Autograd.grad(List.of(graphed[1]), List.of(graphed[0], net.w1, net.w3), null, true);
        Tensor[] first = net.forward();
        List<Tensor> held = new ArrayList<>(List.of(first[0], first[1]));
        List<Tensor> results = Autograd.grad(List.of(first[1]), List.of(first[0], net.w1, net.w3), null, false);
        for (int i = 0; i < results.size(); i++) {
            assertArrayEquals(bits(expected.get(i)), bits(results.get(i)), "Autograd.grad result " + i);
        }
        held.addAll(results);
        int keptBefore = net.keptByCustomRule.size();
        Tensor[] again = net.forward();
        again[1].backward();
        held.addAll(net.keptByCustomRule.subList(keptBefore, net.keptByCustomRule.size()));
        for (Tensor p : net.parameters()) {
            held.add(p.grad());
        }
        held.add(again[0]);
        List<long[]> snapshot = held.stream().map(GradientBufferReuseTest::bits).toList();
        for (int step = 0; step < STEPS; step++) {
            net.update();
            net.zeroGrad();
            net.forward()[1].backward();
            Autograd.grad(List.of(net.forward()[1]), List.of(net.w2), null, false);
        }
        for (int i = 0; i < held.size(); i++) {
            assertArrayEquals(snapshot.get(i), bits(held.get(i)), "held tensor " + i + " changed in a later step");
        }
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void maxPoolIndicesLiveWhileAGradientGraphReadsThem(DType dtype) {
        SplittableRandom random = new SplittableRandom(3);
        Tensor x = Tensor.randn(random, dtype, 2, 4, 8, 8).requiresGrad(true);
        Tensor w = Tensor.randn(random, dtype, 2, 4, 4, 4).requiresGrad(true);
        Tensor other = Tensor.randn(random, dtype, 2, 4, 8, 8);
        Tensor expected = derivativeOfGradient(x, w, other, false);
        assertArrayEquals(bits(expected), bits(derivativeOfGradient(x, w, other, true)));
    }

    /**
     * d/dw of |g|^2 for g = d(w . maxPool(x))/dx (a graph through the pooling's indices, not through
     * its output), read after another pooling of the same size; with {@code releaseFirst}, a backward
     * that drops the pooling's record (but not g's graph) runs in between.
     */
    private static Tensor derivativeOfGradient(Tensor x, Tensor w, Tensor other, boolean releaseFirst) {
        Tensor y = x.maxPool2d(2, 2, 0);
        Tensor g = Autograd.grad(List.of(y.mul(w).sum()), List.of(x), null, true).get(0);
        if (releaseFirst) {
            y.sum().backward();
        }
        Tensor unrelated = other.maxPool2d(2, 2, 0); // would take the indices' array, were it recycled
        assertEquals(y.size(), unrelated.size());
        return Autograd.grad(List.of(g.mul(g).sum()), List.of(w), null, false).get(0);
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void aWriteInPlaceBeforeBackwardStillFails(DType dtype) {
        Net net = new Net(dtype);
        Tensor loss = net.forward()[1];
        net.w2.bumpVersion();
        IllegalStateException thrown = assertThrows(IllegalStateException.class, loss::backward);
        assertEquals(true, thrown.getMessage().contains("modified in place"), thrown.getMessage());
        net.zeroGrad();
        net.forward()[1].backward(); // and the pool is left usable
    }

    @ParameterizedTest
    @EnumSource(DType.class)
    void threadsTrainingAtOnceGetTheSequentialBits(DType dtype) throws Exception {
        List<long[]> reference = train(dtype, true, false);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<List<long[]>>> runs = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                boolean poison = i % 2 == 1;
                runs.add(pool.submit(() -> train(dtype, false, poison)));
            }
            for (Future<List<long[]>> run : runs) {
                assertSameTrace(reference, run.get());
            }
        } finally {
            pool.shutdownNow();
        }
    }
}
