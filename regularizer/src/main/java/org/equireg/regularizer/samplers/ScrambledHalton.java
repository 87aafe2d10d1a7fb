package org.equireg.regularizer.samplers;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Randomised quasi-Monte Carlo points: the Halton sequence with random linear digit scrambling.
 *
 * <p>Coordinate j of point i is the radical inverse of i in the j-th prime base b, with each
 * digit scrambled: if {@code i = sum_k a_k b^k}, then
 * {@code x = sum_{k < K} ((h_k a_k + g_k) mod b) b^-(k+1)}, where every call draws fresh
 * {@code h_k} uniform in {1..b-1} and {@code g_k} uniform in {0..b-1} independently per
 * coordinate and digit, and K digits reach below 2^-53. Multiplying by h_k permutes the digits (b
 * is prime), so the points keep Halton's stratification (any b^m consecutive indices fill the b^m
 * intervals of width b^-m once each); adding g_k makes every digit, hence every point, uniform, so
 * the estimate stays unbiased and independent calls give independent replicates.
 *
 * <p>References: J. H. Halton (1960), "On the efficiency of certain quasi-random sequences of
 * points in evaluating multi-dimensional integrals", Numer. Math. 2; J. Matoušek (1998), "On the
 * L2-discrepancy for anchored boxes", J. Complexity 14 (random linear scrambling); A. B. Owen
 * (2017), "A randomized Halton algorithm in R", arXiv:1706.02808 (why scrambling fixes Halton's
 * correlated high coordinates).
 */
final class ScrambledHalton implements Box.UnitCube {
    private static final double LARGEST_BELOW_ONE = Math.nextDown(1.0);

    @Override
    public double[] points(int n, int dimension, RandomGenerator random) {
        int[] bases = firstPrimes(dimension);
        double[] values = new double[n * dimension];
        for (int j = 0; j < dimension; j++) {
            int base = bases[j];
            int digits = digitsNeeded(base, n);
            int[] multiplier = new int[digits];
            int[] shift = new int[digits];
            for (int k = 0; k < digits; k++) {
                multiplier[k] = 1 + random.nextInt(base - 1);
                shift[k] = random.nextInt(base);
            }
            for (int i = 0; i < n; i++) {
                values[i * dimension + j] = scrambledRadicalInverse(i, base, multiplier, shift);
            }
        }
        return values;
    }

    /** {@code sum_k ((h_k a_k + g_k) mod b) b^-(k+1)} over all {@code h.length} digits, below 1. */
    static double scrambledRadicalInverse(int index, int base, int[] multiplier, int[] shift) {
        int digits = multiplier.length;
        int[] digit = new int[digits];
        int rest = index;
        for (int k = 0; k < digits && rest > 0; k++) {
            digit[k] = rest % base;
            rest /= base;
        }
        double value = 0;
        // Horner form, from the smallest place value b^-K up to b^-1
        for (int k = digits - 1; k >= 0; k--) {
            value = (Math.floorMod(multiplier[k] * digit[k] + shift[k], base) + value) / base;
        }
        return Math.min(value, LARGEST_BELOW_ONE);
    }

    /** Enough base-b digits to write every index below n and to resolve 2^-53. */
    static int digitsNeeded(int base, int n) {
        int forPrecision = (int) Math.ceil(53 / (Math.log(base) / Math.log(2)));
        int forIndices = 1;
        for (long reach = base; reach < n; reach *= base) {
            forIndices++;
        }
        return Math.max(forPrecision, forIndices);
    }

    /** 2, 3, 5, 7, ...: the first {@code count} primes, by trial division. */
    static int[] firstPrimes(int count) {
        int[] primes = new int[count];
        int found = 0;
        for (int candidate = 2; found < count; candidate++) {
            boolean prime = true;
            for (int p = 0; p < found && primes[p] * primes[p] <= candidate; p++) {
                if (candidate % primes[p] == 0) {
                    prime = false;
                    break;
                }
            }
            if (prime) {
                primes[found++] = candidate;
            }
        }
        return Arrays.copyOf(primes, count);
    }

    @Override
    public boolean independent() {
        return false;
    }

    @Override
    public String toString() {
        return "scrambled Halton box";
    }
}
