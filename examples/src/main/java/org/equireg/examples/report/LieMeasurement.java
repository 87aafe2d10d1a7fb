package org.equireg.examples.report;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.nn.Sequential;
import org.equireg.nn.Softmax;
import org.equireg.regularizer.lie.LayerwiseAttribution;
import org.equireg.regularizer.lie.LieDerivative;
import org.equireg.regularizer.lie.LieError;
import org.equireg.regularizer.lie.LieGenerator;
import org.equireg.regularizer.transforms.Padding;

/**
 * A trained classifier's Lie derivatives on test images, one per generator, of its softmax
 * probabilities (as lie-deriv measures classifiers), and optionally the per-layer attribution for
 * rotation.
 *
 * @param errors one per generator of {@link #generators()}, in that order
 * @param layers the rotation attribution by layer, or null when not asked for
 */
public record LieMeasurement(List<LieError> errors, LayerwiseAttribution layers) {
    /** Test images measured per model. */
    public static final int IMAGES = 64;
    /** Probes of the per-layer attribution. */
    public static final int PROBES = 16;

    /** The generators of the reports, lie-deriv's end-to-end list (zero padding, as the digits are on black). */
    public static List<LieGenerator> generators() {
        return List.of(LieGenerator.rotation(Padding.ZEROS), LieGenerator.translation(1, 0, Padding.ZEROS),
                LieGenerator.translation(0, 1, Padding.ZEROS), LieGenerator.scale(Padding.ZEROS),
                LieGenerator.shear(Padding.ZEROS), LieGenerator.stretch(Padding.ZEROS), LieGenerator.brightness());
    }

    /**
     * Measures {@code model} (logits out) on the first {@value #IMAGES} of {@code images}; with
     * {@code withLayers} also the rotation attribution of a {@link Sequential} model with
     * {@value #PROBES} probes (seeded). The model is put in eval mode and left there.
     */
    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    public static LieMeasurement of(Module model, Tensor images, boolean withLayers) {
        model.eval();
        Tensor x = images.slice(0, 0, Math.min(IMAGES, images.dim(0))).detach();
        Sequential probabilities = new Sequential(model, new Softmax(1));
        List<LieError> errors = new ArrayList<>();
        for (LieGenerator generator : generators()) {
            errors.add(LieDerivative.invariance(probabilities, generator).measure(x));
        }
        LayerwiseAttribution layers = null;
        if (withLayers && model instanceof Sequential layered) {
            Sequential flat = new Sequential();
            for (int k = 0; k < layered.size(); k++) {
                flat.append(layered.get(k));
            }
            flat.append(new Softmax(1));
            layers = LayerwiseAttribution.of(flat, LieGenerator.rotation(Padding.ZEROS), x, PROBES, new SplittableRandom(0));
        }
        return new LieMeasurement(List.copyOf(errors), layers);
    }
}
