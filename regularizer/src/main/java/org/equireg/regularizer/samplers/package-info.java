/**
 * Where the Monte Carlo points v_1..v_n of the equivariance error come from.
 *
 * <p>A {@link org.equireg.regularizer.samplers.Sampler} returns {@code (n, ...inputShape)} points
 * drawn with an explicit generator, so a seed fixes them. Plain Monte Carlo samplers draw
 * independent points (box, sphere, Gaussian, data, mixtures); the variance-reduced ones do not:
 * {@link org.equireg.regularizer.samplers.Samplers#halton scrambled Halton} points are a randomised
 * quasi-Monte Carlo set (each point uniform, the set evenly spread) and
 * {@link org.equireg.regularizer.samplers.Samplers#antitheticBox antithetic} points come in
 * mirrored pairs. Both still give unbiased estimates; their standard errors must be taken over
 * independent repetitions, which {@link org.equireg.regularizer.samplers.Sampler#independentSamples()}
 * tells the report to do. {@link org.equireg.regularizer.samplers.Samplers} holds the factories.
 */
package org.equireg.regularizer.samplers;
