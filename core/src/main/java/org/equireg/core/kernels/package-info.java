/**
 * Stateless numeric kernels over {@code double[]} with offsets and lengths; they know nothing of the graph.
 *
 * <p>The storage facades ({@link org.equireg.core.kernels.Maps}, {@link org.equireg.core.kernels.Reduce},
 * {@link org.equireg.core.kernels.Movement}, {@link org.equireg.core.kernels.LinearAlgebra}) are what the
 * ops call: each takes {@link org.equireg.core.Storage}s, picks the float64 kernel or its float32 twin by
 * the storage's type and returns a new storage. Below them, facades over arrays
 * ({@link org.equireg.core.kernels.Elementwise}, {@link org.equireg.core.kernels.Gemm},
 * {@link org.equireg.core.kernels.Convolution}, {@link org.equireg.core.kernels.Pool2d}) pick a variant
 * and say why. Every Vector API kernel
 * ({@code Vector*}) has a scalar twin ({@code Scalar*}) behind the one switch
 * {@link org.equireg.core.kernels.Simd}; vector classes are loaded only on the vector path, so the
 * library runs without {@code jdk.incubator.vector}. Heavy kernels run on the library's pool,
 * {@link org.equireg.core.kernels.Parallel}, and give the same bits for any thread count.
 *
 * <p>Matrix products and convolutions fix the order of every sum: each output is a fused
 * multiply-add chain in increasing summation index, or for a long matrix product chains of fixed length
 * added pairwise ({@link org.equireg.core.kernels.Gemm}), so blocking, packing, threads and the
 * vector/scalar choice never change a result. Reductions whose speed is set by memory rather than
 * arithmetic (broadcast gradients, cumsum, the bias gradient) accumulate in double in both element
 * types and round once.
 *
 * <p>float32: every kernel class {@code X} over {@code double[]} has a twin {@code XF32} over
 * {@code float[]}, with the same contract in float arithmetic (16 lanes per 512-bit vector). The twins are
 * generated from the float64 sources, the one source of truth for each algorithm, by
 * {@code Float32Generator} in the test sources, and a test fails when a committed twin differs from
 * what it generates. Sizes that scale with the element are byte budgets over {@code Double.BYTES}, so
 * they translate with it (the direct weight gradient keeps {@code 64 / Double.BYTES} chains, the lanes
 * of a 512-bit vector, so the bits do not depend on the width: 8 in float64, 16 in float32).
 * An accumulator that must stay double in the twin (float32 sums accumulated in double and rounded
 * once: the axis sums and norms, cumsum, broadcast sums) is marked {@code /* wide *}{@code /} in the
 * source; only precision-specific kernels (tanh's bit tricks) have hand-written twins. The storage facades pick the twin by the storage's type; no other kernel branches
 * on a dtype.
 */
package org.equireg.core.kernels;
