package org.equireg.benchmarks;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;

/**
 * Runs every benchmark body once, for every {@code @Param} value, and checks its result; no timing.
 */
class BenchmarkSanityTest {
    /** Tolerance for sums that run in a different order than the reference loop here. */
    private static final double SUM_TOLERANCE = 1e-9;
    /** A freshly initialised 10-class classifier on random labels has cross-entropy near ln 10. */
    private static final double INITIAL_CROSS_ENTROPY = Math.log(10);
    private static final double CROSS_ENTROPY_SPREAD = 0.5;

    // ------------------------------------------------------------------ training steps

    static Stream<Arguments> workloads() {
        return Workloads.NAMES.stream().map(Arguments::of);
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void trainingStepsGiveFiniteLossesAndTheRegularizerAddsAPositivePenalty(String workload) {
        TrainingStep plain = Workloads.create(workload, false, 42);
        TrainingStep regularized = Workloads.create(workload, true, 42);
        double plainLoss = plain.run();
        double regularizedLoss = regularized.run();

        assertTrue(Double.isFinite(plainLoss) && plainLoss > 0, workload + ": task loss " + plainLoss);
        if (workload.startsWith("mlp-digits") || workload.startsWith("cnn")) {
            assertEquals(INITIAL_CROSS_ENTROPY, plainLoss, CROSS_ENTROPY_SPREAD, workload + ": initial cross-entropy");
        }
        // Same seed, same weights and batch: the difference is the penalty, positive for a random net.
        assertTrue(Double.isFinite(regularizedLoss) && regularizedLoss > plainLoss,
                workload + ": loss with penalty " + regularizedLoss + " vs without " + plainLoss);
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void float32StepsStayFloat32AndAddAPositivePenalty(String workload) {
        TrainingStep plain = Workloads.create(workload, false, 42, DType.FLOAT32);
        TrainingStep regularized = Workloads.create(workload, true, 42, DType.FLOAT32);
        double plainLoss = plain.run();
        double regularizedLoss = regularized.run();
        assertTrue(Double.isFinite(plainLoss) && plainLoss > 0, workload + ": float32 task loss " + plainLoss);
        assertTrue(Double.isFinite(regularizedLoss) && regularizedLoss > plainLoss,
                workload + ": float32 loss with penalty " + regularizedLoss + " vs without " + plainLoss);
        for (Tensor parameter : regularized.model().parameters()) {
            assertEquals(DType.FLOAT32, parameter.dtype(), workload);
            assertEquals(DType.FLOAT32, parameter.grad().dtype(), workload);
        }
    }

    @ParameterizedTest
    @MethodSource("workloads")
    void aStepUpdatesEveryParameter(String workload) {
        TrainingStep step = Workloads.create(workload, true, 42);
        List<double[]> before = step.model().parameters().stream().map(Tensor::toArray).toList();
        step.run();
        List<Tensor> after = step.model().parameters();
        assertEquals(before.size(), after.size());
        for (int i = 0; i < before.size(); i++) {
            assertFalse(Arrays.equals(before.get(i), after.get(i).toArray()), workload + ": parameter " + i + " unchanged");
        }
    }

    @Test
    void anUnknownWorkloadIsRefusedByName() {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class,
                () -> Workloads.create("mlp-nope", false, 0));
        assertTrue(error.getMessage().contains("mlp-nope"), error.getMessage());
    }

    @Test
    void theJmhSuiteCoversEveryWorkload() throws NoSuchFieldException {
        assertEquals(Workloads.NAMES, List.of(paramValues(TrainingStepBenchmark.class.getDeclaredField("workload"))));
    }

    @Test
    void stepTimerTimesAStepAndCountsItsAllocation() throws Exception {
        StepTimer.main(new String[] {"--workloads", "mlp-digits", "--warmup", "0", "--block", "0", "--repeats", "1"});
        assertEquals(2.0, StepTimer.median(new double[] {3, 1, 2}));
        assertEquals(2.5, StepTimer.median(new double[] {4, 1, 3, 2}));
    }

    @Test
    void stepTimerPairsEachRegularizedStepWithItsPlainStep() {
        double[] none = {};
        List<StepTimer.Result> results = List.of(
                new StepTimer.Result("fcn-seg", false, DType.FLOAT64, 2, none, 1, 0),
                new StepTimer.Result("fcn-seg", true, DType.FLOAT32, 7, none, 7, 0), // no plain float32 step
                new StepTimer.Result("fcn-seg", true, DType.FLOAT64, 9, none, 4.5, 0),
                new StepTimer.Result("mlp-digits", true, DType.FLOAT64, 1, none, 1, 0)); // no plain step
        List<String> lines = StepTimer.ratios(results);
        assertEquals(1, lines.size(), lines.toString());
        assertTrue(lines.get(0).matches("fcn-seg +float64 +regularized / plain: wall 4\\.50, cpu 4\\.50"), lines.get(0));
        assertTrue(results.get(2).json().contains("\"ms\": 9.00000, \"samples_ms\": [], \"cpu_ms\": 4.50000,"),
                results.get(2).json());
    }

    // ------------------------------------------------------------------ kernels

    @Test
    void matmulMatchesADotProductForEveryShape() throws Exception {
        for (MatmulBenchmark benchmark : instances(MatmulBenchmark.class)) {
            Tensor product = benchmark.matmul();
            int[] mkn = Shape.parse(benchmark.shape, 3);
            assertArrayEquals(new int[] {mkn[0], mkn[2]}, product.shape(), benchmark.shape);
            int row = mkn[0] - 1;
            int column = mkn[2] / 2;
            double expected = 0;
            for (int p = 0; p < mkn[1]; p++) {
                expected += benchmark.left.get(row, p) * benchmark.right.get(p, column);
            }
            assertEquals(expected, product.get(row, column), SUM_TOLERANCE * mkn[1], benchmark.shape);
        }
    }

    @Test
    void convolutionForwardAndBackwardGiveFiniteResultsOfTheRightShapes() throws Exception {
        for (Conv2dBenchmark benchmark : instances(Conv2dBenchmark.class)) {
            int[] sizes = Shape.parse(benchmark.layer, 5);
            Tensor output = benchmark.forward();
            assertArrayEquals(new int[] {sizes[0], sizes[4], sizes[2], sizes[3]}, output.shape(), benchmark.layer);
            assertAllFinite(output, benchmark.layer);
            Tensor weightGradient = benchmark.forwardBackward();
            assertArrayEquals(benchmark.weight.shape(), weightGradient.shape(), benchmark.layer);
            assertAllFinite(weightGradient, benchmark.layer);
            assertNotNull(benchmark.input.grad(), benchmark.layer);
            // Twice gives the same gradient: the body clears the old one instead of accumulating.
            assertArrayEquals(weightGradient.toArray(), benchmark.forwardBackward().toArray(), benchmark.layer);
        }
    }

    @Test
    void elementwiseOpsComputeTheirFormulas() throws Exception {
        for (ElementwiseBenchmark benchmark : instances(ElementwiseBenchmark.class)) {
            double[] a = benchmark.left.toArray();
            double[] b = benchmark.right.toArray();
            int i = benchmark.size - 1;
            assertEquals(a[i] + b[i], benchmark.add().toArray()[i]);
            assertEquals(a[i] * b[i], benchmark.mul().toArray()[i]);
            assertEquals(Math.max(a[i], 0), benchmark.relu().toArray()[i]);
            assertEquals(Math.tanh(a[i]), benchmark.tanh().toArray()[i], 1e-15);
            assertEquals(Math.exp(a[i]), benchmark.exp().toArray()[i], 1e-15 * Math.exp(a[i]));
        }
    }

    @Test
    void reductionsMatchPlainLoops() throws Exception {
        for (ReductionBenchmark benchmark : instances(ReductionBenchmark.class)) {
            double[] values = benchmark.matrix.toArray();
            double total = 0;
            double firstRow = 0;
            double firstColumn = 0;
            for (int i = 0; i < values.length; i++) {
                total += values[i];
                firstRow += i < ReductionBenchmark.COLUMNS ? values[i] : 0;
                firstColumn += i % ReductionBenchmark.COLUMNS == 0 ? values[i] : 0;
            }
            double scale = SUM_TOLERANCE * Math.sqrt(values.length);
            assertEquals(total, benchmark.sumAll().item(), scale * 100);
            assertEquals(firstRow, benchmark.sumRows().get(0), scale);
            assertEquals(firstColumn, benchmark.sumColumns().get(0), scale);
            assertEquals(Arrays.stream(values).max().orElseThrow(), benchmark.max().item());
        }
    }

    @Test
    void softmaxRowsSumToOneAndLogSoftmaxGradientRowsSumToZero() throws Exception {
        for (SoftmaxBenchmark benchmark : instances(SoftmaxBenchmark.class)) {
            int[] sizes = Shape.parse(benchmark.shape, 2);
            Tensor rowSums = benchmark.softmax().sum(1, false);
            Tensor logRowSums = benchmark.logSoftmax().exp().sum(1, false);
            Tensor gradient = benchmark.logSoftmaxForwardBackward();
            assertArrayEquals(new int[] {sizes[0], sizes[1]}, gradient.shape(), benchmark.shape);
            double[] gradientRowSums = gradient.sum(1, false).toArray();
            for (int row = 0; row < sizes[0]; row++) {
                assertEquals(1, rowSums.get(row), 1e-12, benchmark.shape);
                assertEquals(1, logRowSums.get(row), 1e-12, benchmark.shape);
                // d/dx of log_softmax applied to g is g - softmax * sum(g): its row sums vanish.
                assertEquals(0, gradientRowSums[row], 1e-9 * sizes[1], benchmark.shape);
            }
        }
    }

    @Test
    void lieDerivativeBenchmarkRunsEveryWorkAndGivesAPositiveNumber() throws Exception {
        for (LieDerivativeBenchmark benchmark : instances(LieDerivativeBenchmark.class)) {
            double result = benchmark.run();
            assertTrue(Double.isFinite(result) && result > 0, benchmark.work + ": " + result);
        }
    }

    // ------------------------------------------------------------------ helpers

    /** One set-up instance of a benchmark class per value of its single {@code @Param} field. */
    private static <T> List<T> instances(Class<T> type) throws Exception {
        Field param = Arrays.stream(type.getDeclaredFields()).filter(f -> f.isAnnotationPresent(Param.class))
                .findFirst().orElseThrow();
        assertTrue(Arrays.stream(type.getMethods()).anyMatch(m -> m.isAnnotationPresent(Benchmark.class)));
        List<T> instances = new ArrayList<>();
        for (String value : paramValues(param)) {
            T instance = type.getDeclaredConstructor().newInstance();
            param.set(instance, param.getType() == int.class ? (Object) Integer.parseInt(value) : value);
            Method setUp = type.getMethod("setUp");
            setUp.invoke(instance);
            instances.add(instance);
        }
        return instances;
    }

    private static String[] paramValues(Field field) {
        return field.getAnnotation(Param.class).value();
    }

    private static void assertAllFinite(Tensor tensor, String what) {
        assertTrue(Arrays.stream(tensor.toArray()).allMatch(Double::isFinite), what + ": non-finite value");
    }
}
