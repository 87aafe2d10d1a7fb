package org.equireg.regularizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.regularizer.TransformPair.Sides;

/** Computes an {@link EquivarianceReport}: every pair evaluated on every batch, statistics per pair. */
final class Diagnostics {
    private static final double Z_95 = 1.959963984540054; // the 97.5% quantile of the standard normal

    private Diagnostics() {
    }

    /** What one pair accumulates over the batches. */
    private static final class Tally {
        final List<Double> perSample = new ArrayList<>();
        final List<Double> batchErrors = new ArrayList<>();
        double normSum;
        int samples;
        boolean perSampleKnown = true;
    }

    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    static EquivarianceReport run(EquivarianceError regularizer, int batches, IntFunction<Tensor> points,
                                  boolean independentSamples) {
        List<TransformPair> pairs = regularizer.pairs();
        List<Tally> tallies = new ArrayList<>();
        pairs.forEach(pair -> tallies.add(new Tally()));
        int samplesPerBatch = 0;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (int b = 0; b < batches; b++) {
                Tensor v = points.apply(b);
                samplesPerBatch = v.dim(0);
                evaluateBatch(regularizer, v, tallies);
            }
        }
        List<PairReport> rows = new ArrayList<>();
        for (int j = 0; j < pairs.size(); j++) {
            rows.add(summarize(regularizer.describe(j), pairs.get(j), tallies.get(j), independentSamples));
        }
        return new EquivarianceReport(List.copyOf(rows), batches, samplesPerBatch, regularizer.distance().toString());
    }

    private static void evaluateBatch(EquivarianceError regularizer, Tensor v, List<Tally> tallies) {
        List<TransformPair> pairs = regularizer.pairs();
        List<Sides> sides = new ArrayList<>(); // null for an infinitesimal pair
        List<Tensor> modelInputs = new ArrayList<>(List.of(v));
        for (int j = 0; j < pairs.size(); j++) {
            if (pairs.get(j).isLie()) {
                sides.add(null);
                continue;
            }
            Sides drawn = pairs.get(j).draw(regularizer.random());
            sides.add(drawn);
            modelInputs.add(regularizer.transformInputs(j, drawn.fIn(), v));
        }
        List<Tensor> outputs = regularizer.forwardAll(modelInputs);
        int nextOutput = 1;
        for (int j = 0; j < pairs.size(); j++) {
            Tally tally = tallies.get(j);
            if (sides.get(j) == null) {
                tallyLie(regularizer, j, v, outputs.get(0), tally);
                continue;
            }
            Tensor a = sides.get(j).fOut().apply(outputs.get(0));
            Tensor b = outputs.get(nextOutput++);
            Tensor d = regularizer.distances(j, a, b);
            double batchError = d.mean().item();
            tally.batchErrors.add(batchError);
            if (d.rank() == 1) {
                for (double value : d.toArray()) {
                    tally.perSample.add(value);
                }
            } else {
                tally.perSampleKnown = false;
            }
            double[] normsA = PerSample.rows(a).norm(2, 1, false).toArray(); // reports stay double
            double[] normsB = PerSample.rows(b).norm(2, 1, false).toArray();
            for (int i = 0; i < normsA.length; i++) {
                tally.normSum += (normsA[i] + normsB[i]) / 2;
            }
            tally.samples += v.dim(0);
        }
    }

    /** An infinitesimal pair: the per-sample {@code ||L f(v_i)||^2}, and {@code ||f(v_i)||^2} for the relative error. */
    private static void tallyLie(EquivarianceError regularizer, int j, Tensor v, Tensor modelOfV, Tally tally) {
        double[] squaredNorms = regularizer.lieSquaredNorms(j, v).detach().toArray();
        double sum = 0;
        for (double value : squaredNorms) {
            tally.perSample.add(value);
            sum += value;
        }
        tally.batchErrors.add(sum / squaredNorms.length);
        Tensor rows = PerSample.rows(modelOfV);
        for (double value : rows.mul(rows).sum(1, false).toArray()) {
            tally.normSum += value;
        }
        tally.samples += v.dim(0);
    }

    private static PairReport summarize(String name, TransformPair pair, Tally tally, boolean independentSamples) {
        double meanError = mean(tally.batchErrors);
        double standardError;
        if (independentSamples && tally.perSampleKnown) {
            standardError = Math.sqrt(sampleVariance(tally.perSample) / tally.perSample.size());
        } else {
            standardError = Math.sqrt(sampleVariance(tally.batchErrors) / tally.batchErrors.size());
        }
        long active = tally.batchErrors.stream().filter(error -> error > pair.epsilon()).count();
        double meanNorm = tally.normSum / tally.samples;
        return new PairReport(name, tally.samples, meanError, standardError, meanError - Z_95 * standardError,
                meanError + Z_95 * standardError, meanError / meanNorm, (double) active / tally.batchErrors.size(),
                pair.epsilon(), pair.lambda(), penalty(pair, meanError));
    }

    /** A pair switched off (lambda 0) adds nothing, even where its error is infinite (0 * inf is NaN). */
    private static double penalty(TransformPair pair, double meanError) {
        return pair.lambda() == 0 ? 0 : pair.lambda() * Math.max(0, meanError - pair.epsilon());
    }

    private static double mean(List<Double> values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.size();
    }

    /** The unbiased variance {@code sum (x - mean)^2 / (count - 1)}; NaN for fewer than two values. */
    private static double sampleVariance(List<Double> values) {
        if (values.size() < 2) {
            return Double.NaN;
        }
        double mean = mean(values);
        double squares = 0;
        for (double value : values) {
            squares += (value - mean) * (value - mean);
        }
        return squares / (values.size() - 1);
    }
}
