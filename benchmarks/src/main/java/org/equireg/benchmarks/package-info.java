/**
 * JMH suites for equireg: kernels (matrix products, convolutions, elementwise ops, reductions,
 * softmax) and full training steps on the five comparison workloads of {@link
 * org.equireg.benchmarks.Workloads}, plus {@link org.equireg.benchmarks.StepTimer}, the plain timing
 * main that the PyTorch comparison ({@code scripts/bench/compare.sh}) can call.
 *
 * <p>Every benchmark reports average time per operation; the throughput figures in the reports are
 * derived from it with the operation counts stated in each class's Javadoc (floating-point operations
 * for GFLOP/s, bytes read plus bytes written for GB/s). Inputs come from fixed seeds.
 */
package org.equireg.benchmarks;
