package org.equireg.core.golden;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.Map;
import org.equireg.core.DType;
import org.equireg.core.SafeTensors;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/** Loads a golden fixture, replays its case in equireg, and compares with PyTorch. */
final class Golden {
    /** Per op: float64 rounding differences only, no algorithmic slack. */
    static final double OP_TOLERANCE = 1e-10;
    /** Composite models, where rounding differences pass through many ops. */
    static final double MODEL_TOLERANCE = 1e-9;
    /**
     * float32 against PyTorch float32, ops and models alike: both round in float32 but sum in
     * different orders (and equireg sums reductions in double), so the difference is a few float32
     * roundings of the largest term, 2^-24 each: 1e-5 relative is the bar and about 170 of them.
     */
    static final double FLOAT32_TOLERANCE = 1e-5;

    private Golden() {
    }

    /** The fixture directory of one family on the test class path. */
    static Path directory(String family) {
        return resource("/golden/" + family);
    }

    /**
     * Builds the case's expression from the fixture's inputs, compares the output with
     * {@code output}, back-propagates {@code upstream} and compares every input's gradient with
     * {@code grad<k>}; fails naming the case, the tensor and the worst element.
     *
     * @return the largest relative error seen over the output and all gradients
     */
    static double check(String family, GoldenCase golden, double tolerance) throws IOException {
        return check("/golden/", DType.FLOAT64, family, golden, tolerance);
    }

    /**
     * {@link #check} against the float32 fixture: PyTorch's float32 result for the inputs rounded to
     * float32 (read as float32 tensors), computed by equireg in float32, which must keep float32 in
     * the output and every gradient.
     */
    static double checkFloat32(String family, GoldenCase golden, double tolerance) throws IOException {
        return check("/golden-float32/", DType.FLOAT32, family, golden, tolerance);
    }

    private static double check(String root, DType dtype, String family, GoldenCase golden, double tolerance)
            throws IOException {
        String label = family + "/" + golden.name();
        Map<String, Tensor> tensors = SafeTensors.read(resource(root + label + ".safetensors"));
        Tensor[] inputs = new Tensor[countInputs(tensors)];
        for (int k = 0; k < inputs.length; k++) {
            inputs[k] = expect(tensors, label, "input" + k).requiresGrad(true);
        }
        Tensor output = golden.expression().apply(new Fixture(label, inputs, tensors));
        assertEquals(dtype, output.dtype(), () -> label + ": output type");
        double worst = compare(label, "output", output, expect(tensors, label, "output"), tolerance);
        output.backward(expect(tensors, label, "upstream"));
        for (int k = 0; k < inputs.length; k++) {
            assertNotNull(inputs[k].grad(), label + ": no gradient reached input" + k);
            assertEquals(dtype, inputs[k].grad().dtype(), label + ": type of the gradient of input" + k);
            worst = Math.max(worst, compare(label, "grad" + k, inputs[k].grad(), expect(tensors, label, "grad" + k),
                    tolerance));
        }
        return worst;
    }

    static double compare(String label, String key, Tensor actual, Tensor expected, double tolerance) {
        assertArrayEquals(expected.shape(), actual.shape(), () -> label + ": " + key + " has shape "
                + Shapes.str(actual.shape()) + ", PyTorch " + Shapes.str(expected.shape()));
        RelativeError error = RelativeError.of(actual.toArray(), expected.toArray());
        assertTrue(error.value() <= tolerance, () -> label + ": " + key + " " + error.describe(expected.shape())
                + " exceeds " + tolerance);
        return error.value();
    }

    private static int countInputs(Map<String, Tensor> tensors) {
        int count = 0;
        while (tensors.containsKey("input" + count)) {
            count++;
        }
        return count;
    }

    private static Tensor expect(Map<String, Tensor> tensors, String label, String key) {
        Tensor tensor = tensors.get(key);
        assertNotNull(tensor, () -> label + ": the fixture has no '" + key + "', only " + tensors.keySet());
        return tensor;
    }

    static Path resource(String name) {
        URL url = Golden.class.getResource(name);
        assertNotNull(url, () -> "missing test resource " + name + "; regenerate with scripts/golden/core_goldens.py");
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException("bad resource URL " + url, e);
        }
    }
}
