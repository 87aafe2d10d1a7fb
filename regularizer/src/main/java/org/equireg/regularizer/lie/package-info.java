/**
 * The Lie derivative of a model along a one-parameter family of transforms: equivariance measured
 * and trained infinitesimally.
 *
 * <p>A {@link org.equireg.regularizer.lie.LieGenerator} gives the tangent {@code d/dt T_t(x)} at
 * {@code t = 0} of a family of warps (rotation, scale, translation, affine, brightness, signal
 * shifts); {@link org.equireg.regularizer.lie.LieDerivative} turns a model and a generator into
 * {@code L f(x) = d/dt T_t^-1 f(T_t x)} at {@code t = 0}, a Jacobian-vector product.
 *
 * <p>Reference: Gruver, Finzi, Goldblum, Wilson, "The Lie Derivative for Measuring Learned
 * Equivariance", ICLR 2023 (code: ngruver/lie-deriv).
 */
package org.equireg.regularizer.lie;
