package org.equireg.core.kernels;

import java.util.SplittableRandom;
import org.equireg.core.GradCheck;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;

/**
 * The ops that call these kernels (matmul, conv2d, the pools) still differentiate correctly: a
 * finite-difference check through the public Tensor API on shapes that exercise the packed,
 * parallel and edge paths. The op-by-op suites with PyTorch goldens live with the ops.
 */
class KernelWiringTest {
    private final SplittableRandom random = new SplittableRandom(KernelTesting.SEED);

    @Test
    void conv2dWithStridePaddingDilationAndGroups() {
        Tensor x = Tensor.randn(random, 2, 4, 7, 6);
        Tensor weight = Tensor.randn(random, 6, 2, 3, 2);
        Tensor bias = Tensor.randn(random, 6);
        GradCheck.standard().check(t -> t[0].conv2d(t[1], t[2], 2, 1, 2, 2), x, weight, bias);
    }

    @Test
    void conv2dPointwiseAndBigEnoughToRunInParallel() {
        Tensor x = Tensor.randn(random, 3, 5, 4, 4);
        Tensor weight = Tensor.randn(random, 7, 5, 1, 1);
        GradCheck.standard().check(t -> t[0].conv2d(t[1], null, 1, 0), x, weight);
        Tensor big = Tensor.randn(random, 4, 8, 20, 20);
        Tensor bigWeight = Tensor.randn(random, 16, 8, 3, 3);
        GradCheck.standard().checkFast(t -> t[0].conv2d(t[1], null, 1, 1), 3, big, bigWeight);
    }

    @Test
    void batchedMatmulOnThePackedPath() {
        Tensor a = Tensor.randn(random, 2, 70, 90);
        Tensor b = Tensor.randn(random, 90, 50);
        GradCheck.standard().checkFast(t -> t[0].matmul(t[1]), 4, a, b);
    }

    @Test
    void pools() {
        Tensor x = Tensor.randn(random, 2, 3, 7, 7);
        GradCheck.standard().check(t -> t[0].maxPool2d(3, 2, 1), x);
        GradCheck.standard().check(t -> t[0].avgPool2d(3, 2, 1), x);
    }
}
