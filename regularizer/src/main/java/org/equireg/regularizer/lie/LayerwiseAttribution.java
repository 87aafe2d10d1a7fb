package org.equireg.regularizer.lie;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.DType;
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
 * Gaussian probes z over the output: {@code E[(z . J_{>k} L_k)^2] = ||J_{>k} L_k||^2}.
 *
 * <p>lie-deriv gets {@code z . J_{>k} L_k} as {@code (z^T J_{>k}) . L_k}, a backward pass per probe.
 * Here the terms {@code J_{>k} L_k} go forward instead, all layers' at once, and the model's own
 * {@code J tangent(x)} (the end-to-end value) with them: each layer is linearized once at its input
 * and applied to those directions and to the tangent of its own input (see {@code LinearizedLayer}).
 * Layer j costs a forward pass, a backward pass and one more pass per direction (one per layer with
 * an image input up to j, plus one), whatever the number of probes; the probes are then dot
 * products over the output. The estimates are the same numbers either way.
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
        Tensor activation = input;
        Tensor tangent = at(generator, input, input).tangent(input);
        Tensor whole = tangent; // J_{<=k} tangent(x): the model's own derivative, pushed along with the terms
        List<Integer> tapped = new ArrayList<>();
        List<Tensor> terms = new ArrayList<>(); // J_{>k} L_k, pushed as far as the current activation
        for (int k = 0; k < model.size(); k++) {
            boolean image = activation.rank() >= 3;
            List<Tensor> directions = new ArrayList<>(terms);
            directions.add(whole);
            if (image && k > 0) { // at the input the tangent is the whole model's direction itself
                directions.add(tangent);
            }
            LinearizedLayer layer = new LinearizedLayer(model.get(k), activation);
            Tensor[] pushed = layer.apply(directions);
            activation = layer.output();
            tangent = activation.rank() >= 3 ? at(generator, input, activation).tangent(activation) : null;
            terms = new ArrayList<>(Arrays.asList(pushed).subList(0, terms.size()));
            whole = pushed[terms.size()];
            if (image) {
                Tensor local = pushed[pushed.length - 1]; // J_k tangent(h_{k-1})
                terms.add(tangent == null ? local : local.sub(tangent));
                tapped.add(k);
            }
        }
        // as LieDerivative.equivariance or .invariance by the output's rank, the generator as it is
        Tensor lieDerivative = activation.rank() >= 3 ? whole.sub(generator.tangent(activation)) : whole;
        List<LayerContribution> rows = probe(model, tapped, terms, activation, probes, random);
        return new LayerwiseAttribution(LieError.of(generator.name(), lieDerivative), List.copyOf(rows), probes);
    }

    /** The generator on a feature map: image flows follow the map's resolution, the others act alike. */
    private static LieGenerator at(LieGenerator generator, Tensor image, Tensor map) {
        if (generator instanceof ImageFlow flow) {
            return flow.resized(image.dim(-2), image.dim(-1), map.dim(-2), map.dim(-1));
        }
        return generator;
    }

    /**
     * The probes' estimates from the exact terms: probe p's estimate for layer k is
     * {@code mean_i (z_{p,i} . J_{>k} L_k(x_i))^2}, one Gaussian z per probe and sample over the
     * output. That is the number lie-deriv's backward pass of z through the layers computes as
     * {@code (z^T J_{>k}) . L_k}; forward, the probes cost nothing but these dot products.
     */
    private static List<LayerContribution> probe(Sequential model, List<Integer> tapped, List<Tensor> terms,
                                                 Tensor output, int probes, RandomGenerator random) {
        int batch = output.dim(0);
        int[] probeShape = output.shape().clone();
        probeShape[0] = probes * batch;
        double[] z = Tensor.randn(random, output.dtype(), probeShape).to(DType.FLOAT64).toArray();
        int width = z.length / (probes * batch);
        List<LayerContribution> rows = new ArrayList<>();
        for (int t = 0; t < tapped.size(); t++) {
            double[] term = terms.get(t).to(DType.FLOAT64).toArray();
            double[] perProbe = new double[probes];
            for (int p = 0; p < probes; p++) {
                for (int i = 0; i < batch; i++) {
                    double signed = 0;
                    int from = (p * batch + i) * width;
                    for (int f = 0; f < width; f++) {
                        signed += z[from + f] * term[i * width + f];
                    }
                    perProbe[p] += signed * signed / batch;
                }
            }
            int k = tapped.get(t);
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
