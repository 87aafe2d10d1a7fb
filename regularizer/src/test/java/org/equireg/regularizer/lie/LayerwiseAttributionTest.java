package org.equireg.regularizer.lie;

import static org.equireg.regularizer.support.Assertions.assertRelativelyClose;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
