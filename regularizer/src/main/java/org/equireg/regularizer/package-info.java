/**
 * The equivariance regularizer: {@link org.equireg.regularizer.EquivarianceError} estimates, for
 * pairs {@link org.equireg.regularizer.TransformPair (f_out, f_in, epsilon, lambda)}, the error
 * {@code mean_i dist(f_out(model(v_i)), model(f_in(v_i)))} by Monte Carlo and returns the penalty
 * {@code lambda * max(0, error - epsilon)} as a differentiable scalar;
 * {@link org.equireg.regularizer.Distance} holds the distances and
 * {@link org.equireg.regularizer.EquivarianceReport} the diagnostics. Transforms live in
 * {@code org.equireg.regularizer.transforms}, point samplers in {@code org.equireg.regularizer.samplers}.
 * PyTorch: the package Equivariance-Regularizer.
 */
package org.equireg.regularizer;
