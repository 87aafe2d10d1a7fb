package org.equireg.regularizer.lie;

import static org.equireg.regularizer.support.Assertions.assertRelativelyClose;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;
import org.equireg.nn.Sequential;
import org.equireg.regularizer.support.Tolerances;
import org.equireg.regularizer.transforms.Padding;
import org.junit.jupiter.api.Test;

/**
 * Against scripts/golden/lie_goldens.py: PyTorch's {@code torch.autograd.functional.jvp} through an
 * explicit interpolation-matrix warp (checked there against {@code grid_sample} at finite angles),
 * the central derivative taken as the mean of the two one-sided ones.
 */
class LieGoldenTest {
    private static final Map<String, Tensor> GOLDEN = read();

    private static Map<String, Tensor> read() {
        try {
            return SafeTensors.read(Path.of(LieGoldenTest.class.getResource("/golden/lie.safetensors").toURI()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Map<String, Tensor> withPrefix(String prefix) {
        Map<String, Tensor> selected = new LinkedHashMap<>();
        GOLDEN.forEach((name, tensor) -> {
            if (name.startsWith(prefix) && name.substring(prefix.length()).matches("\\d+\\.(weight|bias)")) {
                selected.put(name.substring(prefix.length()), tensor);
            }
        });
        return selected;
    }

    private static final Map<String, LieGenerator> GENERATORS = Map.of(
            "rotation", LieGenerator.rotation(Padding.ZEROS),
            "translation_x_border", LieGenerator.translation(1, 0, Padding.BORDER),
            "scale", LieGenerator.scale(Padding.ZEROS));

    @Test
    void tangentsMatchPyTorch() {
        Tensor x = GOLDEN.get("x");
        GENERATORS.forEach((name, generator) ->
                assertRelativelyClose(GOLDEN.get("tangent." + name), generator.tangent(x), Tolerances.GOLDEN_RELATIVE, name));
    }

    @Test
    void classifierLieDerivativesMatchPyTorch() {
        Tensor x = GOLDEN.get("x");
        Sequential model = Models.classifier(7, 6, 0);
        model.loadStateDict(withPrefix("classifier."));
        GENERATORS.forEach((name, generator) -> assertRelativelyClose(GOLDEN.get("classifier." + name),
                LieDerivative.invariance(model, generator).apply(x).detach(), Tolerances.GOLDEN_RELATIVE, name));
    }

    @Test
    void imageModelEquivarianceMatchesPyTorch() {
        Sequential model = Models.imageModel(0);
        model.loadStateDict(withPrefix("image."));
        assertRelativelyClose(GOLDEN.get("image.rotation"),
                LieDerivative.equivariance(model, LieGenerator.rotation(Padding.ZEROS)).apply(GOLDEN.get("x")).detach(),
                Tolerances.GOLDEN_RELATIVE, "image rotation");
    }
}
