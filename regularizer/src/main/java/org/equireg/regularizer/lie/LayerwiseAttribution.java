package org.equireg.regularizer.lie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Autograd;
import org.equireg.core.DType;
import org.equireg.core.GradMode;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.nn.Sequential;

/**
 * Where a {@link Sequential} model's Lie derivative comes from, layer by layer, as in lie-deriv's
 * layerwise method.
 *
 * <p>With activations {@code h_0 = x}, {@code h_k = layer_k(h_{k-1})}, layer k's own Lie derivative
 * at its input is {@code L_k = J_k tangent(h_{k-1}) - tangent(h_k)}, the second term only when
 * {@code h_k} is an image (a layer on vectors has none: nothing acts on its input). The chain rule
 * telescopes: {@code L f(x) = sum_k J_{>k} L_k}, where {@code J_{>k}} is the Jacobian of the layers
 * after k at {@code h_k}. Layer k's contribution is {@code ||J_{>k} L_k||^2}, estimated with
 * Gaussian probes z over the output: {@code E[(z . J_{>k} L_k)^2] = ||J_{>k} L_k||^2}, and
 * {@code z^T J_{>k}} for every k comes from one backward pass. The probes of one call share a single
 * forward and backward pass over the batch repeated once per probe.
 *
 * <p>The contributions add up to {@code mean ||L f||^2} only when the layers' terms are orthogonal
 * (for instance when one layer alone breaks the symmetry); the signed terms always add up to L f.
 * The tangent of a feature map follows its resolution (a translation by one input pixel is half a
 * pixel after a stride-2 pooling). Layers run in their current modes; measure in eval mode.
 *
 * @param endToEnd the model's own Lie derivative (the invariance or equivariance form by the
 *        output's rank) on the batch
 * @param layers one row per layer whose input is an image
 * @param probes the number of probes
 */
public record LayerwiseAttribution(LieError endToEnd, List<LayerContribution> layers, int probes) {

    /**
     * The attribution of {@code model}'s Lie derivative along {@code generator} at {@code x}.
     *
     * @param model the layers, applied in order. Not modified.
     * @param generator acts on the input and on every image-shaped activation
     * @param x the inputs {@code (batch, ...)}, batch at least 1. Not modified.
     * @param probes Gaussian probes per call, at least 1 (2 or more for a standard error)
     * @param random the source of the probes
     */
    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    public static LayerwiseAttribution of(Sequential model, LieGenerator generator, Tensor x, int probes,
                                          RandomGenerator random) {
        Arguments.notNull(model, "LayerwiseAttribution.of", "model");
        Arguments.notNull(generator, "LayerwiseAttribution.of", "generator");
        Arguments.notNull(x, "LayerwiseAttribution.of", "x");
        Arguments.notNull(random, "LayerwiseAttribution.of", "random");
        if (probes < 1) {
            throw new IllegalArgumentException("LayerwiseAttribution.of: probes must be >= 1, got " + probes);
        }
        if (x.rank() < 3 || x.dim(0) < 1) {
            throw new IllegalArgumentException("LayerwiseAttribution.of: needs a non-empty batch of images"
                    + " (batch, ..., height, width), got shape " + Shapes.str(x.shape()));
        }
        Tensor input = x.detach();
        int depth = model.size();
        Tensor[] activations = new Tensor[depth + 1];
        activations[0] = input;
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (int k = 0; k < depth; k++) {
                activations[k + 1] = model.get(k).forward(activations[k]);
            }
        }
        Tensor[] local = new Tensor[depth];
        for (int k = 0; k < depth; k++) {
            local[k] = localLieDerivative(model.get(k), generator, input, activations[k], activations[k + 1]);
        }
        Tensor output = activations[depth];
        LieDerivative endToEnd = output.rank() >= 3 ? LieDerivative.equivariance(model, generator)
                : LieDerivative.invariance(model, generator);
        List<LayerContribution> rows = probe(model, input, local, output, probes, random);
        return new LayerwiseAttribution(endToEnd.measure(input), List.copyOf(rows), probes);
    }

    /** {@code J_k tangent(h_{k-1}) - tangent(h_k)}, detached; null for a layer whose input is not an image. */
    private static Tensor localLieDerivative(Module layer, LieGenerator generator, Tensor image, Tensor layerInput,
                                             Tensor layerOutput) {
        if (layerInput.rank() < 3) {
            return null;
        }
        Tensor derivative = Autograd.jvp(layer::forward, layerInput, at(generator, image, layerInput).tangent(layerInput));
        if (layerOutput.rank() >= 3) {
            derivative = derivative.sub(at(generator, image, layerOutput).tangent(layerOutput));
        }
        return derivative.detach();
    }

    /** The generator on a feature map: image flows follow the map's resolution, the others act alike. */
    private static LieGenerator at(LieGenerator generator, Tensor image, Tensor map) {
        if (generator instanceof ImageFlow flow) {
            return flow.resized(image.dim(-2), image.dim(-1), map.dim(-2), map.dim(-1));
        }
        return generator;
    }

    /**
     * One forward and backward pass over the batch repeated {@code probes} times, with a zero tap
     * added after every layer that has a local Lie derivative: the tap's gradient under the seed z
     * is {@code z^T J_{>k}}, and {@code (z^T J_{>k} . L_k)^2} is one probe's estimate.
     */
    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    private static List<LayerContribution> probe(Sequential model, Tensor input, Tensor[] local, Tensor output,
                                                 int probes, RandomGenerator random) {
        int batch = input.dim(0);
        Tensor[] copies = new Tensor[probes];
        Arrays.fill(copies, input);
        Tensor activation = probes == 1 ? input : Tensor.concat(0, copies);
        List<Tensor> taps = new ArrayList<>();
        List<Integer> tapped = new ArrayList<>();
        Tensor objective;
        try (GradMode.Scope ignored = GradMode.enableGrad()) {
            for (int k = 0; k < model.size(); k++) {
                activation = model.get(k).forward(activation);
                if (local[k] != null) {
                    Tensor tap = Tensor.zeros(activation.dtype(), activation.shape()).requiresGrad(true);
                    activation = activation.add(tap);
                    taps.add(tap);
                    tapped.add(k);
                }
            }
            Tensor z = Tensor.randn(random, activation.dtype(), activation.shape());
            objective = activation.mul(z).sum();
        }
        List<Tensor> pulledBack = Autograd.grad(List.of(objective), taps, null, false);
        List<LayerContribution> rows = new ArrayList<>();
        for (int t = 0; t < taps.size(); t++) {
            int k = tapped.get(t);
            Tensor repeated = local[k];
            if (probes > 1) {
                Tensor[] localCopies = new Tensor[probes];
                Arrays.fill(localCopies, local[k]);
                repeated = Tensor.concat(0, localCopies);
            }
            // (probes * batch) signed estimates z . J_{>k} L_k, squared, then averaged per probe
            double[] signed = pulledBack.get(t).mul(repeated).reshape(probes * batch, -1).sum(1, false)
                    .to(DType.FLOAT64).toArray();
            double[] perProbe = new double[probes];
            for (int p = 0; p < probes; p++) {
                for (int i = 0; i < batch; i++) {
                    double value = signed[p * batch + i];
                    perProbe[p] += value * value / batch;
                }
            }
            rows.add(new LayerContribution(k, describe(model.get(k)), LieError.mean(perProbe),
                    LieError.standardError(perProbe)));
        }
        return rows;
    }

    private static String describe(Module layer) {
        String line = layer.toString().lines().findFirst().orElse(layer.getClass().getSimpleName());
        int count = line.indexOf("  # "); // the parameter count Module.toString appends
        return count < 0 ? line : line.substring(0, count);
    }

    /** The contributions as an aligned table with a bar per layer, then the end-to-end value. */
    @Override
    public String toString() {
        double largest = 0;
        int nameWidth = "layer".length();
        for (LayerContribution row : layers) {
            largest = Math.max(largest, row.meanSquaredNorm());
            nameWidth = Math.max(nameWidth, row.layer().length() + 5);
        }
        StringBuilder table = new StringBuilder(String.format(Locale.ROOT, "Lie derivative by layer (%s, %d probes,"
                + " mean ||J L_k||^2)%n", endToEnd.generator(), probes));
        table.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %11s  %9s%n", "layer", "contribution", "std.err"));
        for (LayerContribution row : layers) {
            int bar = largest > 0 ? (int) Math.round(30 * row.meanSquaredNorm() / largest) : 0;
            table.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %11.4e  %9.1e  %s%n",
                    "(" + row.index() + ") " + row.layer(), row.meanSquaredNorm(), row.standardError(), "#".repeat(bar)));
        }
        table.append(String.format(Locale.ROOT, "%-" + nameWidth + "s  %11.4e  %9.1e%n", "end to end", endToEnd.meanSquaredNorm(),
                endToEnd.meanSquaredNormStandardError()));
        return table.toString();
    }
}
