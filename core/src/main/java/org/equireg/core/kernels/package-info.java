/**
 * Stateless numeric kernels over {@code double[]} with offsets and lengths; they know nothing of the graph.
 *
 * <p>Facades ({@link org.equireg.core.kernels.Elementwise}, {@link org.equireg.core.kernels.Reductions},
 * {@link org.equireg.core.kernels.Gemm}, {@link org.equireg.core.kernels.Convolution},
 * {@link org.equireg.core.kernels.Pool2d}) pick a variant and say why. Every Vector API kernel
 * ({@code Vector*}) has a scalar twin ({@code Scalar*}) behind the one switch
 * {@link org.equireg.core.kernels.Simd}; vector classes are loaded only on the vector path, so the
 * library runs without {@code jdk.incubator.vector}. Heavy kernels run on the library's pool,
 * {@link org.equireg.core.kernels.Parallel}, and give the same bits for any thread count.
 *
 * <p>Matrix products and convolutions fix the order of every sum: each output is one fused
 * multiply-add chain in increasing summation index ({@link org.equireg.core.kernels.Gemm}), so
 * blocking, packing, threads and the vector/scalar choice never change a result.
 */
package org.equireg.core.kernels;
