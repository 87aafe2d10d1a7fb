package org.equireg.core.kernels;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.management.ManagementFactory;
import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * Once compiled, the vector kernels of both dtypes allocate nothing per call: C2 keeps every vector in
 * registers only when element type and shape are compile-time constants, and a kernel that falls back to
 * boxed vectors allocates kilobytes per call. Each kernel is warmed up, then measured over many calls;
 * since compilation runs in the background (and waits its turn on a busy machine: the whole suite once
 * needed more than 8 short rounds), a kernel gets rounds for up to {@link #PATIENCE_NANOS} to reach its
 * compiled form; a kernel that C2 cannot compile without boxing never does.
 */
class VectorAllocationTest {
    private static final int CALLS = 2_000;
    private static final long PATIENCE_NANOS = 30_000_000_000L;
    /** Average bytes per call tolerated: far below one boxed vector per call. */
    private static final double MAX_BYTES_PER_CALL = 8;

    private static final com.sun.management.ThreadMXBean THREADS =
            (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();

    private static void assertAllocationFree(String what, Runnable call) {
        double best = Double.MAX_VALUE;
        long deadline = System.nanoTime() + PATIENCE_NANOS;
        while (best > MAX_BYTES_PER_CALL && System.nanoTime() < deadline) {
            for (int i = 0; i < 5 * CALLS; i++) {
                call.run();
            }
            long before = THREADS.getCurrentThreadAllocatedBytes();
            for (int i = 0; i < CALLS; i++) {
                call.run();
            }
            best = Math.min(best, (THREADS.getCurrentThreadAllocatedBytes() - before) / (double) CALLS);
        }
        assertTrue(best <= MAX_BYTES_PER_CALL, what + " allocates " + best + " bytes per call after warm-up");
    }

    @Test
    void float64KernelsAllocateNothing() {
        KernelTesting.assumeVectorModule();
        Random random = new Random(KernelTesting.SEED);
        int n = 8 * VectorShape.LANES + 3;
        double[] a = KernelTesting.values(random, 4096);
        double[] b = KernelTesting.values(random, 4096);
        double[] c = new double[4096];
        assertAllocationFree("VectorElementwise.axpy", () -> VectorElementwise.axpy(0.5, a, 1, c, 2, n));
        assertAllocationFree("VectorElementwise.relu", () -> VectorElementwise.relu(a, c, n));
        assertAllocationFree("VectorMicroKernel256.multiply", () -> VectorMicroKernel256.INSTANCE.multiply(16, a, 0, b,
                0, VectorMicroKernel256.INSTANCE.columns(), c, 0, VectorMicroKernel256.INSTANCE.columns(), true));
        assertAllocationFree("VectorMicroKernel.multiply", () -> VectorMicroKernel.INSTANCE.multiply(16, a, 0, b, 0,
                VectorMicroKernel.INSTANCE.columns(), c, 0, VectorMicroKernel.INSTANCE.columns(), true));
        int[] offsets = {0, 1, 2, 17, 18, 19, 34, 35, 36};
        int[] outRows = {0, 64, 128, 192};
        double[] start = {0.5, 0, 1, -1};
        assertAllocationFree("VectorConvMicroKernel.correlate", () -> VectorConvMicroKernel.INSTANCE.correlate(a, offsets,
                b, 9, start, c, outRows, 0));
        int[] argmax = new int[64];
        assertAllocationFree("VectorPool2d.max2x2", () -> VectorPool2d.max2x2(a, 0, 100, c, argmax, 0));
        int[] corners = corners7x7();
        assertAllocationFree("VectorPool2d.max2x2Packed", () -> VectorPool2d.max2x2Packed(a, 98, 3, 0, 15, corners, c,
                argmax, 0));
        int[] window3x3 = {0, 1, 2, 100, 101, 102, 200, 201, 202};
        assertAllocationFree("VectorPool2d.maxRun stride 1", () -> VectorPool2d.maxRun(a, 0, 1, window3x3, c, argmax, 0));
        assertAllocationFree("VectorPool2d.maxRun stride 2", () -> VectorPool2d.maxRun(a, 0, 2, window3x3, c, argmax, 0));
        assertAllocationFree("VectorConvMicroKernel256.correlate", () -> VectorConvMicroKernel256.INSTANCE.correlate(a,
                offsets, b, 9, start, c, outRows, 0));
    }

    @Test
    void float32KernelsAllocateNothing() {
        KernelTesting.assumeVectorModule();
        Random random = new Random(KernelTesting.SEED);
        int n = 8 * VectorShapeF32.LANES + 3;
        float[] a = KernelTestingF32.values(random, 4096);
        float[] b = KernelTestingF32.values(random, 4096);
        float[] c = new float[4096];
        assertAllocationFree("VectorElementwiseF32.axpy", () -> VectorElementwiseF32.axpy(0.5f, a, 1, c, 2, n));
        assertAllocationFree("VectorElementwiseF32.relu", () -> VectorElementwiseF32.relu(a, c, n));
        assertAllocationFree("VectorMicroKernel256F32.multiply", () -> VectorMicroKernel256F32.INSTANCE.multiply(16, a,
                0, b, 0, VectorMicroKernel256F32.INSTANCE.columns(), c, 0, VectorMicroKernel256F32.INSTANCE.columns(), true));
        assertAllocationFree("VectorMicroKernelF32.multiply", () -> VectorMicroKernelF32.INSTANCE.multiply(16, a, 0, b,
                0, VectorMicroKernelF32.INSTANCE.columns(), c, 0, VectorMicroKernelF32.INSTANCE.columns(), true));
        int[] offsets = {0, 1, 2, 17, 18, 19, 34, 35, 36};
        int[] outRows = {0, 128, 256, 384};
        float[] start = {0.5f, 0, 1, -1};
        assertAllocationFree("VectorConvMicroKernelF32.correlate", () -> VectorConvMicroKernelF32.INSTANCE.correlate(a,
                offsets, b, 9, start, c, outRows, 0));
        int[] argmax = new int[64];
        assertAllocationFree("VectorPool2dF32.max2x2", () -> VectorPool2dF32.max2x2(a, 0, 100, c, argmax, 0));
        int[] corners = corners7x7();
        assertAllocationFree("VectorPool2dF32.max2x2Packed", () -> VectorPool2dF32.max2x2Packed(a, 98, 3, 0, 15, corners,
                c, argmax, 0));
        int[] window3x3 = {0, 1, 2, 100, 101, 102, 200, 201, 202};
        assertAllocationFree("VectorPool2dF32.maxRun stride 1", () -> VectorPool2dF32.maxRun(a, 0, 1, window3x3, c,
                argmax, 0));
        assertAllocationFree("VectorPool2dF32.maxRun stride 2", () -> VectorPool2dF32.maxRun(a, 0, 2, window3x3, c,
                argmax, 0));
        assertAllocationFree("VectorConvMicroKernel256F32.correlate", () -> VectorConvMicroKernel256F32.INSTANCE.correlate(a,
                offsets, b, 9, start, c, outRows, 0));
    }

    /**
     * The kernel of this JVM's vector width (each reads vectors of its own width, so only one runs
     * correctly here; CI runs the suite at both widths), on a tile of its shape over two images.
     */
    @Test
    void weightGradientKernelsAllocateNothing() {
        KernelTesting.assumeVectorModule();
        Random random = new Random(KernelTesting.SEED);
        WeightGradientKernel wide = VectorShape.LANES == WeightGradientKernel.CHAINS
                ? VectorWeightGradientKernel512.INSTANCE : VectorWeightGradientKernel256.INSTANCE;
        int[] offsets = steps(wide.terms(), 1);
        int[] gradRows = steps(wide.rows(), 256);
        int[] rows = steps(wide.rows(), 512);
        int[] columns = steps(wide.terms(), 64);
        double[] image = KernelTesting.values(random, 4096);
        double[] grad = KernelTesting.values(random, 4096);
        double[] partial = new double[8192];
        assertAllocationFree(wide.getClass().getSimpleName(), () -> wide.accumulate(image, offsets, 1024, grad,
                gradRows, 1024, 2, 128, partial, rows, columns));
        WeightGradientKernelF32 wideF = VectorShapeF32.LANES == WeightGradientKernelF32.CHAINS
                ? VectorWeightGradientKernel512F32.INSTANCE : VectorWeightGradientKernel256F32.INSTANCE;
        float[] imageF = KernelTestingF32.values(random, 4096);
        float[] gradF = KernelTestingF32.values(random, 4096);
        float[] partialF = new float[8192];
        int[] offsetsF = steps(wideF.terms(), 1);
        int[] gradRowsF = steps(wideF.rows(), 256);
        int[] rowsF = steps(wideF.rows(), 512);
        int[] columnsF = steps(wideF.terms(), 64);
        assertAllocationFree(wideF.getClass().getSimpleName(), () -> wideF.accumulate(imageF, offsetsF, 1024, gradF,
                gradRowsF, 1024, 2, 128, partialF, rowsF, columnsF));
    }

    /** {@code 0, step, 2 step, ...}: {@code count} of them. */
    private static int[] steps(int count, int step) {
        int[] values = new int[count];
        for (int i = 0; i < count; i++) {
            values[i] = i * step;
        }
        return values;
    }

    /** The top-left pixels of the 7 x 7 windows of a 15 x 15 plane (2 x 2 at stride 2), as Pool2d lays them out. */
    private static int[] corners7x7() {
        int[] corners = new int[49];
        for (int o = 0; o < corners.length; o++) {
            corners[o] = 2 * (o / 7) * 15 + 2 * (o % 7);
        }
        return corners;
    }
}
