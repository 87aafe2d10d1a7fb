package org.equireg.benchmarks;

import java.util.concurrent.TimeUnit;
import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.FloatVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The core's multiply-add peak as the JVM reaches it: {@value #CHAINS} independent chains of vector
 * fused multiply-adds of the preferred species, nothing loaded or stored, so the only limits are the
 * FMA units' count, width and clock. The kernel reports ({@code scripts/bench/kernel_report.py}) divide
 * each kernel's GFLOP/s by this figure (times the thread count), so a reader sees how far each kernel
 * is from what the machine can do at the vector width the JVM runs ({@code -XX:UseAVX=2} measures the
 * 256-bit peak on an AVX-512 machine).
 *
 * <p>Twelve chains cover the FMA latency (4 cycles) times two FMA units with room to spare and, with the
 * two operands, fit the 16 vector registers of AVX2 as well as the 32 of AVX-512. Each call does
 * {@value #LANE_STEPS} multiply-adds per chain and lane whatever the width, so GFLOP/s =
 * {@code 2 * CHAINS * LANE_STEPS / ns} for both dtypes and widths.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 3, time = 1)
@Measurement(iterations = 5, time = 1)
@Fork(value = 1, jvmArgsAppend = {BenchmarkJvm.VECTOR_MODULE, BenchmarkJvm.PARALLEL_GC, BenchmarkJvm.HEAP_MIN,
        BenchmarkJvm.HEAP_MAX})
public class PeakFmaBenchmark {
    /** Independent accumulators. */
    static final int CHAINS = 12;
    /** Multiply-adds per chain and lane in one call. */
    static final int LANE_STEPS = 1 << 16;

    private static final VectorSpecies<Double> DOUBLES = DoubleVector.SPECIES_PREFERRED;
    private static final VectorSpecies<Float> FLOATS = FloatVector.SPECIES_PREFERRED;

    /** {@code float64} or {@code float32}. */
    @Param({"float64", "float32"})
    String dtype;

    /** Close to 1, so that the chains neither grow nor vanish over a call. */
    double factor;
    double addend;

    @Setup
    public void setUp() {
        BenchmarkJvm.requireVectorKernels();
        KernelData.checkDtype(dtype);
        factor = 0.999999;
        addend = 1e-6;
    }

    /** Returns a sum of the chains so that the work cannot be dropped. */
    @Benchmark
    public double fma() {
        return dtype.equals("float32") ? floatChains() : doubleChains();
    }

    // One method per element type: fma is declared on DoubleVector and FloatVector, not on the generic
    // Vector<E>, so the chains cannot be written once over the species.
    private double doubleChains() {
        DoubleVector m = DoubleVector.broadcast(DOUBLES, factor);
        DoubleVector c = DoubleVector.broadcast(DOUBLES, addend);
        DoubleVector a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c, a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c;
        for (int step = LANE_STEPS / DOUBLES.length(); step > 0; step--) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }

    private double floatChains() {
        FloatVector m = FloatVector.broadcast(FLOATS, (float) factor);
        FloatVector c = FloatVector.broadcast(FLOATS, (float) addend);
        FloatVector a0 = c, a1 = c, a2 = c, a3 = c, a4 = c, a5 = c, a6 = c, a7 = c, a8 = c, a9 = c, a10 = c, a11 = c;
        for (int step = LANE_STEPS / FLOATS.length(); step > 0; step--) {
            a0 = a0.fma(m, c);
            a1 = a1.fma(m, c);
            a2 = a2.fma(m, c);
            a3 = a3.fma(m, c);
            a4 = a4.fma(m, c);
            a5 = a5.fma(m, c);
            a6 = a6.fma(m, c);
            a7 = a7.fma(m, c);
            a8 = a8.fma(m, c);
            a9 = a9.fma(m, c);
            a10 = a10.fma(m, c);
            a11 = a11.fma(m, c);
        }
        return a0.add(a1).add(a2).add(a3).add(a4).add(a5).add(a6).add(a7).add(a8).add(a9).add(a10).add(a11)
                .reduceLanes(VectorOperators.ADD);
    }
}
