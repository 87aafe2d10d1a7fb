package org.equireg.regularizer;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.equireg.nn.Module;
import org.equireg.regularizer.samplers.Sampler;
import org.equireg.regularizer.samplers.Samplers;
import org.equireg.regularizer.support.Mlp;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Transforms;
import org.junit.jupiter.api.Test;

/**
 * Variance reduction, measured: the standard deviation of the error estimate over 200 seeds at
 * n = 64, for a fixed model (an MLP 4 - 16 - 4 under roll by one), plain Monte Carlo against
 * scrambled Halton and antithetic points. All three estimate the same error (unbiased); QMC's
 * spread must be lower. The numbers are printed for the README.
 */
class QmcVarianceTest {
    private static final int SEEDS = 200;
    private static final int N = 64;
    private final Module model = Mlp.random(4, 16, 4, new SplittableRandom(2024));
    private final List<TransformPair> pairs = List.of(
            TransformPair.of(Transforms.roll(1, 1), Transforms.roll(1, 1), 0, 1));

    /** {mean, standard deviation} of the estimate over the seeds. */
    private double[] spread(Sampler sampler) {
        double sum = 0;
        double squares = 0;
        for (int seed = 0; seed < SEEDS; seed++) {
            double estimate = EquivarianceError.builder(model, new int[] {4}, pairs).sampleSize(N).sampler(sampler)
                    .seed(seed).build().compute().item();
            sum += estimate;
            squares += estimate * estimate;
        }
        double mean = sum / SEEDS;
        return new double[] {mean, Math.sqrt((squares - SEEDS * mean * mean) / (SEEDS - 1))};
    }

    @Test
    void scrambledHaltonHasALowerSpreadThanPlainMonteCarlo() {
        double[] plain = spread(Samplers.box());
        double[] halton = spread(Samplers.halton());
        double[] antithetic = spread(Samplers.antitheticBox(0, 1));
        System.out.printf(Locale.ROOT, "QMC variance reduction (std of the error over %d seeds, n = %d):%n", SEEDS, N);
        System.out.printf(Locale.ROOT, "  plain Monte Carlo  mean %.6f  std %.3e%n", plain[0], plain[1]);
        System.out.printf(Locale.ROOT, "  scrambled Halton   mean %.6f  std %.3e  (std ratio %.2f, variance ratio %.1f)%n",
                halton[0], halton[1], plain[1] / halton[1], Math.pow(plain[1] / halton[1], 2));
        System.out.printf(Locale.ROOT, "  antithetic         mean %.6f  std %.3e  (std ratio %.2f)%n",
                antithetic[0], antithetic[1], plain[1] / antithetic[1]);

        assertTrue(halton[1] < plain[1], "Halton std " + halton[1] + " vs plain " + plain[1]);
        double standardErrorOfDifference = Math.sqrt((plain[1] * plain[1] + halton[1] * halton[1]) / SEEDS);
        assertTrue(Math.abs(plain[0] - halton[0]) <= Tolerances.STANDARD_ERRORS * standardErrorOfDifference,
                "both estimate the same error: " + plain[0] + " vs " + halton[0]);
        double antitheticDifference = Math.sqrt((plain[1] * plain[1] + antithetic[1] * antithetic[1]) / SEEDS);
        assertTrue(Math.abs(plain[0] - antithetic[0]) <= Tolerances.STANDARD_ERRORS * antitheticDifference,
                "antithetic estimates the same error: " + plain[0] + " vs " + antithetic[0]);
    }
}
