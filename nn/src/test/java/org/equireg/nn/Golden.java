package org.equireg.nn;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;

/**
 * Fixtures written by {@code scripts/golden/nn_goldens.py} (PyTorch, float64): flat maps of tensors
 * named by paths such as {@code "linear/grad/weight"}.
 */
final class Golden {
    private final String file;
    private final Map<String, Tensor> tensors;

    private Golden(String file, Map<String, Tensor> tensors) {
        this.file = file;
        this.tensors = tensors;
    }

    /** The fixture {@code golden/<name>.safetensors} from the test class path. */
    static Golden load(String name) {
        String resource = "golden/" + name + ".safetensors";
        URL url = Golden.class.getClassLoader().getResource(resource);
        if (url == null) {
            throw new IllegalStateException("missing fixture " + resource + "; run scripts/golden/nn_goldens.py");
        }
        try {
            return new Golden(resource, SafeTensors.read(Path.of(url.toURI())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The tensor called {@code name}; fails when absent. */
    Tensor get(String name) {
        Tensor tensor = tensors.get(name);
        if (tensor == null) {
            throw new IllegalStateException(file + " has no tensor '" + name + "'");
        }
        return tensor;
    }

    boolean has(String name) {
        return tensors.containsKey(name);
    }

    /** The distinct first path components: the case names. */
    TreeSet<String> cases() {
        TreeSet<String> cases = new TreeSet<>();
        tensors.keySet().forEach(key -> cases.add(key.substring(0, Math.max(key.indexOf('/'), 0))));
        cases.remove("");
        return cases;
    }

    /** The tensors under {@code prefix} (which ends with a slash), keyed by the rest of their name. */
    Map<String, Tensor> under(String prefix) {
        Map<String, Tensor> found = new LinkedHashMap<>();
        tensors.forEach((key, value) -> {
            if (key.startsWith(prefix)) {
                found.put(key.substring(prefix.length()), value);
            }
        });
        return found;
    }

    /** Same shape and every element within {@code absolute + relative |expected|}. */
    static void assertClose(Tensor expected, Tensor actual, double absolute, double relative, String what) {
        assertArrayEquals(expected.shape(), actual.shape(), () -> what + ": shape");
        double[] want = expected.buffer();
        double[] got = actual.buffer();
        for (int i = 0; i < want.length; i++) {
            double difference = Math.abs(want[i] - got[i]);
            int index = i;
            assertTrue(difference <= absolute + relative * Math.abs(want[index]) || want[i] == got[i],
                    () -> what + " element " + index + ": PyTorch " + want[index] + ", equireg " + got[index]
                            + " (difference " + difference + ")");
        }
    }

    /** {@link #assertClose} with the golden tolerances. */
    static void assertClose(Tensor expected, Tensor actual, String what) {
        assertClose(expected, actual, Tolerances.GOLDEN_ABSOLUTE, Tolerances.GOLDEN_RELATIVE, what);
    }
}
