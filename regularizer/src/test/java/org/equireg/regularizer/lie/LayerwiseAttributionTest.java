package org.equireg.regularizer.lie;

import static org.equireg.regularizer.support.Assertions.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.SplittableRandom;
import org.equireg.core.Autograd;
import org.equireg.core.Tensor;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Padding;
import org.junit.jupiter.api.Test;

/** The probe estimates against the exact per-layer terms, and the decomposition against the end-to-end value. */
class LayerwiseAttributionTest {
    private static final int PROBES = 200;

    @Test
    void signedTermsAddUpToTheEndToEndLieDerivative() {
        Sequential model = Models.classifier(6, 5, 1);
        Tensor x = Tensor.rand(new Random(2), 3, 1, 6, 5);
        LieGenerator rotation = LieGenerator.rotation(Padding.ZEROS);
        Tensor sum = null;
        for (Tensor term : exactTerms(model, rotation, x)) {
            if (term != null) {
                sum = sum == null ? term : sum.add(term);
            }
        }
        Tensor endToEnd = LieDerivative.invariance(model, rotation).apply(x).detach();
        assertRelativelyClose(endToEnd, sum, 1e-12, "sum_k J_>k L_k = L f");
    }

    @Test
    void probeEstimatesLieWithinTheirStandardErrors() {
        Sequential model = Models.classifier(6, 5, 3);
        Tensor x = Tensor.rand(new Random(4), 3, 1, 6, 5);
        LieGenerator rotation = LieGenerator.rotation(Padding.ZEROS);
        LayerwiseAttribution attribution = LayerwiseAttribution.of(model, rotation, x, PROBES, new SplittableRandom(5));
        List<Tensor> exact = exactTerms(model, rotation, x);
        int row = 0;
        for (int k = 0; k < model.size(); k++) {
            if (exact.get(k) == null) {
                continue;
            }
            LayerContribution contribution = attribution.layers().get(row++);
            assertEquals(k, contribution.index());
            double truth = exact.get(k).mul(exact.get(k)).sum().item() / x.dim(0);
            assertTrue(Math.abs(contribution.meanSquaredNorm() - truth) <= Tolerances.STANDARD_ERRORS * contribution.standardError(),
                    "layer " + k + ": estimate " + contribution + ", exact " + truth);
        }
        assertEquals(row, attribution.layers().size());
        assertTrue(attribution.toString().contains("end to end"), attribution.toString());
    }

    @Test
    void oneBreakingLayerCarriesTheWholeError() {
        // cyclic shifts: only the tanh before the global pooling breaks invariance
        Sequential model = Models.pooled(2, true, 6);
        Tensor x = Tensor.randn(new Random(7), 5, 2, 6, 6).mul(4); // large enough for tanh to bend
        LayerwiseAttribution attribution = LayerwiseAttribution.of(model, LieGenerator.cyclicSignalShift(), x, PROBES,
                new SplittableRandom(8));
        double total = 0;
        double variance = 0;
        for (LayerContribution layer : attribution.layers()) {
            total += layer.meanSquaredNorm();
            variance += layer.standardError() * layer.standardError();
            if (layer.index() != 1) {
                assertTrue(layer.meanSquaredNorm() < Tolerances.EXACT, "layer " + layer + " is exactly equivariant");
            }
        }
        double endToEnd = attribution.endToEnd().meanSquaredNorm();
        assertTrue(endToEnd > Tolerances.CLEARLY_POSITIVE, attribution.toString());
        assertTrue(Math.abs(total - endToEnd) <= Tolerances.STANDARD_ERRORS * Math.sqrt(variance),
                "contributions " + total + " vs end to end " + endToEnd + "\n" + attribution);
    }

    @Test
    void agreesWithOneBackwardPassPerProbe() {
        // lie-deriv's definition, probe by probe: z^T J_>k from a backward pass through zero taps,
        // dotted with L_k; the forward computation must give the same numbers from the same draws,
        // and the end-to-end value LieDerivative's
        LieGenerator rotation = LieGenerator.rotation(Padding.ZEROS);
        assertAgreesProbeByProbe(Models.classifier(6, 5, 1), rotation, Tensor.rand(new Random(9), 3, 1, 6, 5));
        assertAgreesProbeByProbe(Models.imageModel(2), rotation, Tensor.rand(new Random(10), 2, 1, 5, 6));
        assertAgreesProbeByProbe(Models.pooled(2, true, 6), LieGenerator.cyclicSignalShift(),
                Tensor.randn(new Random(11), 4, 2, 5, 5));
    }

    private static void assertAgreesProbeByProbe(Sequential model, LieGenerator generator, Tensor x) {
        int probes = 5;
        int batch = x.dim(0);
        LayerwiseAttribution attribution = LayerwiseAttribution.of(model, generator, x, probes, new SplittableRandom(12));
        List<Tensor> local = localTerms(model, generator, x);
        int[] outputShape = model.forward(x).shape().clone();
        outputShape[0] = probes * batch;
        Tensor z = Tensor.randn(new SplittableRandom(12), outputShape); // the draws the attribution makes
        double[][] perProbe = new double[model.size()][probes];
        for (int p = 0; p < probes; p++) {
            List<Tensor> taps = new ArrayList<>();
            List<Integer> tapped = new ArrayList<>();
            Tensor h = x;
            for (int k = 0; k < model.size(); k++) {
                h = model.get(k).forward(h);
                if (local.get(k) != null) {
                    Tensor tap = Tensor.zeros(h.shape()).requiresGrad(true);
                    h = h.add(tap);
                    taps.add(tap);
                    tapped.add(k);
                }
            }
            Tensor probe = z.slice(0, p * batch, (p + 1) * batch);
            List<Tensor> pulledBack = Autograd.grad(List.of(h.mul(probe).sum()), taps, null, false);
            for (int t = 0; t < taps.size(); t++) {
                int k = tapped.get(t);
                double[] signed = pulledBack.get(t).mul(local.get(k)).reshape(batch, -1).sum(1, false).toArray();
                for (double value : signed) {
                    perProbe[k][p] += value * value / batch;
                }
            }
        }
        int row = 0;
        for (int k = 0; k < model.size(); k++) {
            if (local.get(k) == null) {
                continue;
            }
            LayerContribution contribution = attribution.layers().get(row++);
            assertEquals(k, contribution.index());
            assertEquals(LieError.mean(perProbe[k]), contribution.meanSquaredNorm(),
                    1e-12 * LieError.mean(perProbe[k]) + 1e-300, "layer " + k + " of\n" + model);
            assertEquals(LieError.standardError(perProbe[k]), contribution.standardError(),
                    1e-10 * LieError.standardError(perProbe[k]) + 1e-300, "layer " + k + " of\n" + model);
        }
        assertEquals(row, attribution.layers().size());
        LieDerivative endToEnd = model.forward(x).rank() >= 3 ? LieDerivative.equivariance(model, generator)
                : LieDerivative.invariance(model, generator);
        LieError expected = endToEnd.measure(x);
        assertEquals(expected.meanSquaredNorm(), attribution.endToEnd().meanSquaredNorm(), 1e-12 * expected.meanSquaredNorm());
        assertEquals(expected.meanAbsolute(), attribution.endToEnd().meanAbsolute(), 1e-12 * expected.meanAbsolute());
        assertEquals(expected.generator(), attribution.endToEnd().generator());
        assertEquals(expected.samples(), attribution.endToEnd().samples());
    }

    /** Each layer's own Lie derivative {@code L_k} at its input by a Jacobian-vector product (null for a layer on vectors). */
    private static List<Tensor> localTerms(Sequential model, LieGenerator generator, Tensor x) {
        Tensor[] terms = new Tensor[model.size()];
        Tensor in = x;
        for (int k = 0; k < model.size(); k++) {
            Tensor out = model.get(k).forward(in).detach();
            if (in.rank() >= 3) {
                terms[k] = Autograd.jvp(model.get(k)::forward, in, resized(generator, x, in).tangent(in));
                if (out.rank() >= 3) {
                    terms[k] = terms[k].sub(resized(generator, x, out).tangent(out));
                }
                terms[k] = terms[k].detach();
            }
            in = out;
        }
        return java.util.Arrays.asList(terms);
    }

    /** {@code J_>k L_k} per layer by exact Jacobian-vector products (null for a layer on vectors). */
    private static List<Tensor> exactTerms(Sequential model, LieGenerator generator, Tensor x) {
        Tensor[] activations = new Tensor[model.size() + 1];
        activations[0] = x;
        for (int k = 0; k < model.size(); k++) {
            activations[k + 1] = model.get(k).forward(activations[k]).detach();
        }
        Tensor[] terms = new Tensor[model.size()];
        for (int k = 0; k < model.size(); k++) {
            Tensor in = activations[k];
            if (in.rank() < 3) {
                continue;
            }
            int layer = k;
            Tensor local = Autograd.jvp(model.get(layer)::forward, in, resized(generator, x, in).tangent(in));
            if (activations[k + 1].rank() >= 3) {
                local = local.sub(resized(generator, x, activations[k + 1]).tangent(activations[k + 1]));
            }
            terms[k] = Autograd.jvp(h -> {
                Tensor out = h;
                for (int j = layer + 1; j < model.size(); j++) {
                    out = model.get(j).forward(out);
                }
                return out;
            }, activations[k + 1], local.detach()).detach();
        }
        return java.util.Arrays.asList(terms);
    }

    private static LieGenerator resized(LieGenerator generator, Tensor image, Tensor map) {
        return generator instanceof ImageFlow flow ? flow.resized(image.dim(-2), image.dim(-1), map.dim(-2), map.dim(-1))
                : generator;
    }
}
