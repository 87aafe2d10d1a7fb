package org.equireg.regularizer.samplers;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;

/**
 * The mixture {@code sum_c w_c P_c}: each of the n points picks component c with probability
 * {@code w_c / sum w}; the points of each component are drawn together and the groups concatenated
 * in component order (the order does not change the mean of the errors).
 */
final class Mixture implements Sampler {
    private final double[] cumulative;
    private final List<Sampler> components;

    Mixture(double[] weights, List<Sampler> components) {
        if (weights.length != components.size() || weights.length == 0) {
            throw new IllegalArgumentException("Samplers.mixture: needs one weight per component and at least one, got "
                    + weights.length + " weights for " + components.size() + " components");
        }
        double total = 0;
        for (double weight : weights) {
            if (!(weight >= 0) || !Double.isFinite(weight)) {
                throw new IllegalArgumentException("Samplers.mixture: weights must be finite and >= 0, got "
                        + Arrays.toString(weights));
            }
            total += weight;
        }
        if (!(total > 0)) {
            throw new IllegalArgumentException("Samplers.mixture: the weights " + Arrays.toString(weights) + " sum to 0");
        }
        this.cumulative = new double[weights.length];
        double running = 0;
        for (int c = 0; c < weights.length; c++) {
            running += weights[c];
            cumulative[c] = running / total;
        }
        this.components = List.copyOf(components);
    }

    @Override
    public void check(int[] shape) {
        components.forEach(component -> component.check(shape));
    }

    @Override
    public Tensor sample(int n, int[] shape, RandomGenerator random) {
        BatchShapes.checkSampleArguments(this, n, shape, random);
        int[] counts = new int[components.size()];
        for (int i = 0; i < n; i++) {
            double u = random.nextDouble();
            int c = 0;
            while (c < counts.length - 1 && u >= cumulative[c]) {
                c++;
            }
            counts[c]++;
        }
        List<Tensor> groups = new ArrayList<>();
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] > 0) {
                groups.add(components.get(c).sample(counts[c], shape, random));
            }
        }
        return groups.size() == 1 ? groups.get(0) : Tensor.concat(0, groups.toArray(new Tensor[0]));
    }

    @Override
    public boolean independentSamples() {
        return components.stream().allMatch(Sampler::independentSamples);
    }

    @Override
    public String toString() {
        return "mixture" + components;
    }
}
