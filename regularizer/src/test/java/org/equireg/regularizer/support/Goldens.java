package org.equireg.regularizer.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;

/** The fixtures written by scripts/golden/regularizer_goldens.py. */
public final class Goldens {
    private static Map<String, Tensor> all;

    private Goldens() {
    }

    public static synchronized Map<String, Tensor> all() {
        if (all == null) {
            try {
                all = SafeTensors.read(Path.of(Goldens.class.getResource("/golden/regularizer.safetensors").toURI()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (URISyntaxException e) {
                throw new IllegalStateException(e);
            }
        }
        return all;
    }

    public static Tensor get(String name) {
        Tensor tensor = all().get(name);
        if (tensor == null) {
            throw new IllegalArgumentException("no golden tensor '" + name + "'; rerun scripts/golden/regularizer_goldens.py");
        }
        return tensor;
    }

    /** The entries {@code prefix + key}, keyed without the prefix, in file order. */
    public static Map<String, Tensor> withPrefix(String prefix) {
        Map<String, Tensor> selected = new LinkedHashMap<>();
        all().forEach((name, tensor) -> {
            if (name.startsWith(prefix)) {
                selected.put(name.substring(prefix.length()), tensor);
            }
        });
        return selected;
    }
}
