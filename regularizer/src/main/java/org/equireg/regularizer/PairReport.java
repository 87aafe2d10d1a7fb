package org.equireg.regularizer;

/**
 * Diagnostics of one pair over the points of a report.
 *
 * @param pair the pair's index and name
 * @param samples the number of points evaluated
 * @param meanError the estimated error {@code mean_i dist(f_out(model(v_i)), model(f_in(v_i)))}
 * @param standardError its Monte Carlo standard error: the sample standard deviation of the
 *        per-point distances over sqrt(samples) for independent points; for quasi-Monte Carlo and
 *        antithetic points (and distances that return a scalar), that of the per-batch errors over
 *        sqrt(batches); NaN when it cannot be estimated (a single batch of dependent points)
 * @param lower95 {@code meanError - 1.96 standardError}, the normal 95% interval's lower end
 * @param upper95 {@code meanError + 1.96 standardError}
 * @param relativeError {@code meanError} divided by the mean over points of
 *        {@code (|f_out(model(v))| + |model(f_in(v))|) / 2}, L2 norms of the flattened outputs
 * @param hingeActiveRate the fraction of batches whose error exceeds epsilon, i.e. of calls in
 *        which this pair's penalty is positive and has a gradient
 * @param epsilon the pair's tolerance
 * @param lambda the pair's weight
 * @param penalty {@code lambda * max(0, meanError - epsilon)}
 */
public record PairReport(String pair, int samples, double meanError, double standardError, double lower95,
                         double upper95, double relativeError, double hingeActiveRate, double epsilon, double lambda,
                         double penalty) {
}
