package org.equireg.nn;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import org.equireg.core.Arguments;
import org.equireg.core.SafeTensors;
import org.equireg.core.Tensor;

/**
 * A model's state dict and, optionally, an optimizer's state in one safetensors file, written
 * atomically (the file is replaced only when complete). Keys: {@code "model.<state-dict name>"}
 * and {@code "optimizer.<optimizer state name>"}; the metadata names the format and the
 * optimizer's class.
 *
 * <pre>{@code
 * Checkpoint.save(path, model, optimizer);
 * Checkpoint.load(path, model, optimizer);    // strict; the same classes and shapes
 * }</pre>
 */
public final class Checkpoint {
    private static final String MODEL = "model.";
    private static final String OPTIMIZER = "optimizer.";
    private static final String FORMAT = "equireg-checkpoint-1";

    private Checkpoint() {
    }

    /** Saves the model (and the optimizer's state when {@code optimizer} is not null). */
    public static void save(Path path, Module model, Optimizer optimizer) throws IOException {
        Arguments.notNull(path, "Checkpoint.save", "path");
        Arguments.notNull(model, "Checkpoint.save", "model");
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        model.stateDict().forEach((name, tensor) -> tensors.put(MODEL + name, tensor));
        Map<String, String> metadata = new LinkedHashMap<>();
        metadata.put("format", FORMAT);
        if (optimizer != null) {
            optimizer.stateDict().forEach((name, tensor) -> tensors.put(OPTIMIZER + name, tensor));
            metadata.put("optimizer", optimizer.getClass().getSimpleName());
        }
        SafeTensors.write(path, tensors, metadata);
    }

    /**
     * Loads a checkpoint written by {@link #save} into {@code model} and, when not null,
     * {@code optimizer}, strictly (see {@link Module#loadStateDict(Map)} and
     * {@link Optimizer#loadStateDict(Map)}). Optimizer entries are ignored when {@code optimizer} is
     * null. On any error nothing is changed.
     *
     * @throws IOException when the file cannot be read or is not a checkpoint
     * @throws IllegalArgumentException when its content does not fit the model or the optimizer
     */
    public static void load(Path path, Module model, Optimizer optimizer) throws IOException {
        SafeTensors.Contents contents = SafeTensors.readContents(path);
        if (!FORMAT.equals(contents.metadata().get("format"))) {
            throw new IOException(path + ": not an equireg checkpoint (metadata format = "
                    + contents.metadata().get("format") + ", expected " + FORMAT + ")");
        }
        Map<String, Tensor> modelState = new LinkedHashMap<>();
        Map<String, Tensor> optimizerState = new LinkedHashMap<>();
        contents.tensors().forEach((name, tensor) -> {
            if (name.startsWith(MODEL)) {
                modelState.put(name.substring(MODEL.length()), tensor);
            } else if (name.startsWith(OPTIMIZER)) {
                optimizerState.put(name.substring(OPTIMIZER.length()), tensor);
            } else {
                throw new IllegalArgumentException("Checkpoint.load: " + path + " has an unexpected key '" + name + "'");
            }
        });
        if (optimizer != null) {
            String saved = contents.metadata().get("optimizer");
            if (saved == null) {
                throw new IllegalArgumentException("Checkpoint.load: " + path + " holds a model only, no optimizer state for "
                        + optimizer.getClass().getSimpleName() + "; pass optimizer = null to load the model alone");
            }
            if (!optimizer.getClass().getSimpleName().equals(saved)) {
                throw new IllegalArgumentException("Checkpoint.load: " + path + " holds the state of optimizer " + saved
                        + ", not " + optimizer.getClass().getSimpleName());
            }
        }
        // Everything is checked before anything changes: the optimizer's state first (checking it
        // changes nothing), then the model's load, which checks all before writing and cannot fail
        // half-way; the optimizer's checked state is applied last and cannot fail.
        Optimizer.LoadedState loaded = optimizer == null ? null : optimizer.checked(optimizerState);
        model.loadStateDict(modelState);
        if (optimizer != null) {
            optimizer.apply(loaded);
        }
    }
}
