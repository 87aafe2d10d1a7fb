package org.equireg.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.function.UnaryOperator;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * A differentiable function with named state, like {@code torch.nn.Module}.
 *
 * <p>Subclasses register parameters, buffers and submodules in their constructor, in order; the
 * names compose with dots into PyTorch's state-dict keys ({@code "features.0.weight"}). A module is
 * a {@link UnaryOperator} of tensors, so {@code model::forward}, lambdas and modules mix freely.
 * Note: this type shares its simple name with {@code java.lang.Module}; import it by name.
 */
public abstract class Module implements UnaryOperator<Tensor> {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The module's function. */
    public abstract Tensor forward(Tensor input);

    /** Same as {@link #forward(Tensor)}. */
    @Override
    public final Tensor apply(Tensor input) {
        return forward(input);
    }

    /** Registers a trainable tensor under {@code name}; marks it as requiring grad and returns it. */
    protected final Tensor registerParameter(String name, Tensor parameter) {
        checkNewName(name);
        parameters.put(name, parameter.requiresGrad(true));
        return parameter;
    }

    /** Registers non-trainable state (running statistics, say) that belongs in the state dict. */
    protected final Tensor registerBuffer(String name, Tensor buffer) {
        checkNewName(name);
        buffers.put(name, buffer);
        return buffer;
    }

    /** Replaces the value of a registered buffer (a running statistic after an update, say). */
    protected final void updateBuffer(String name, Tensor value) {
        if (!buffers.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no buffer named '" + name + "'");
        }
        buffers.put(name, value);
    }

    /** The current value of a registered buffer. */
    protected final Tensor buffer(String name) {
        Tensor value = buffers.get(name);
        if (value == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": no buffer named '" + name + "'");
        }
        return value;
    }

    /** Registers a submodule under {@code name} and returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkNewName(name);
        children.put(name, module);
        return module;
    }

    private void checkNewName(String name) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid name '" + name
                    + "' (non-empty, without dots)");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' is already registered");
        }
    }

    /** Direct submodules by name, in registration order. */
    public final Map<String, Module> namedChildren() {
        return java.util.Collections.unmodifiableMap(children);
    }

    /** All parameters of this module and its submodules, by dotted name, in registration order. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        collect("", all, false);
        return all;
    }

    /** All buffers of this module and its submodules, by dotted name. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        collectBuffers("", all);
        return all;
    }

    /** The parameters in {@link #namedParameters()} order. */
    public final List<Tensor> parameters() {
        return new ArrayList<>(namedParameters().values());
    }

    /** Parameters and buffers by PyTorch state-dict name (the tensors themselves, not copies). */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        collect("", all, true);
        return all;
    }

    private void collect(String prefix, Map<String, Tensor> into, boolean withBuffers) {
        parameters.forEach((name, tensor) -> into.put(prefix + name, tensor));
        if (withBuffers) {
            buffers.forEach((name, tensor) -> into.put(prefix + name, tensor));
        }
        children.forEach((name, child) -> child.collect(prefix + name + ".", into, withBuffers));
    }

    private void collectBuffers(String prefix, Map<String, Tensor> into) {
        buffers.forEach((name, tensor) -> into.put(prefix + name, tensor));
        children.forEach((name, child) -> child.collectBuffers(prefix + name + ".", into));
    }

    /**
     * Copies values from {@code state} into the parameters and buffers, strictly: a missing,
     * unexpected or wrongly shaped entry throws {@link IllegalArgumentException} naming every
     * offending key (with both shapes), and then nothing is changed.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        Map<String, Tensor> own = stateDict();
        List<String> problems = new ArrayList<>();
        for (String key : new TreeSet<>(own.keySet())) {
            Tensor given = state.get(key);
            if (given == null) {
                problems.add("missing " + key);
            } else if (!Arrays.equals(given.shape(), own.get(key).shape())) {
                problems.add(key + ": expected shape " + Shapes.str(own.get(key).shape()) + ", got " + Shapes.str(given.shape()));
            }
        }
        for (String key : new TreeSet<>(state.keySet())) {
            if (!own.containsKey(key)) {
                problems.add("unexpected " + key);
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("loadStateDict(" + getClass().getSimpleName() + "): " + String.join("; ", problems));
        }
        own.forEach((key, target) -> System.arraycopy(state.get(key).buffer(), 0, target.buffer(), 0, target.size()));
    }

    /** Sets training mode here and in every submodule (dropout active, batch norm updating). Returns this. */
    public Module train() {
        return setTraining(true);
    }

    /** Sets evaluation mode here and in every submodule. Returns this. */
    public Module eval() {
        return setTraining(false);
    }

    private Module setTraining(boolean mode) {
        training = mode;
        children.values().forEach(child -> child.setTraining(mode));
        return this;
    }

    /** True in training mode. */
    public final boolean isTraining() {
        return training;
    }

    /** Forgets the gradients of all parameters. */
    public final void zeroGrad() {
        namedParameters().values().forEach(Tensor::zeroGrad);
    }

    /** Number of parameter elements. */
    public final long parameterCount() {
        long count = 0;
        for (Tensor parameter : namedParameters().values()) {
            count += parameter.size();
        }
        return count;
    }

    /** A one-line description of this module's own configuration, like PyTorch's {@code extra_repr}. */
    protected String extraRepr() {
        return "";
    }

    /** A tree like PyTorch's, with parameter counts. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(getClass().getSimpleName()).append('(').append(extraRepr());
        if (!children.isEmpty()) {
            text.append('\n');
            children.forEach((name, child) -> text.append("  (").append(name).append("): ")
                    .append(child.toString().replace("\n", "\n  ")).append('\n'));
        }
        text.append(')');
        if (parameterCount() > 0 && children.isEmpty()) {
            text.append("  # ").append(parameterCount()).append(" parameters");
        }
        return text.toString();
    }
}
