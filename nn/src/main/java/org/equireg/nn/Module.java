package org.equireg.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.equireg.core.Arguments;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * A differentiable function with named state, like {@code torch.nn.Module}.
 *
 * <p>Subclasses register parameters, buffers and submodules in their constructor, in order; the
 * names compose with dots into PyTorch's state-dict keys ({@code "features.0.weight"}). Parameters
 * are leaves that require grad; buffers are state that is saved but not trained (running
 * statistics). A module is a {@link UnaryOperator} of tensors, so {@code model::forward}, lambdas
 * and modules mix freely.
 *
 * <p>Note: this type shares its simple name with {@code java.lang.Module}, which every file imports
 * implicitly. Under {@code import org.equireg.nn.*;} javac reports "reference to Module is ambiguous";
 * the fix is one more import, {@code import org.equireg.nn.Module;}, which wins over both wildcards.
 */
public abstract class Module implements UnaryOperator<Tensor> {
    private final Map<String, Tensor> parameters = new LinkedHashMap<>();
    private final Map<String, Tensor> buffers = new LinkedHashMap<>();
    private final Map<String, Module> children = new LinkedHashMap<>();
    private boolean training = true;

    /** The module's function. The input is not modified. */
    public abstract Tensor forward(Tensor input);

    /** Same as {@link #forward(Tensor)}. */
    @Override
    public final Tensor apply(Tensor input) {
        if (input == null) {
            throw new IllegalArgumentException(getClass().getName() + ".apply: input is null");
        }
        return forward(input);
    }

    // ------------------------------------------------------------------ registration

    /** Registers a trainable leaf under {@code name}, marks it as requiring grad and returns it. */
    protected final Tensor registerParameter(String name, Tensor parameter) {
        checkNewName(name, parameter);
        if (!parameter.isLeaf()) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": parameter '" + name
                    + "' must be a leaf tensor, got the result of '" + parameter.op() + "'");
        }
        parameters.put(name, parameter.requiresGrad(true).label(name));
        return parameter;
    }

    /**
     * Registers state that belongs in the state dict but is not trained (running statistics, say)
     * and returns it. The module updates a buffer in place, so {@link #stateDict()} stays live.
     */
    protected final Tensor registerBuffer(String name, Tensor buffer) {
        checkNewName(name, buffer);
        buffers.put(name, buffer.label(name));
        return buffer;
    }

    /** Registers a submodule under {@code name} and returns it. */
    protected final <M extends Module> M registerModule(String name, M module) {
        checkNewName(name, module);
        children.put(name, module);
        module.stateDict().forEach((key, tensor) -> tensor.label(name + "." + key)); // so errors quote full state-dict keys
        return module;
    }

    private void checkNewName(String name, Object value) {
        if (name == null || name.isEmpty() || name.contains(".")) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": invalid name '" + name
                    + "' (needs a non-empty name without dots)");
        }
        if (value == null) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": '" + name + "' is null");
        }
        if (parameters.containsKey(name) || buffers.containsKey(name) || children.containsKey(name)) {
            throw new IllegalArgumentException(getClass().getSimpleName() + ": name '" + name + "' is already registered");
        }
    }

    // ------------------------------------------------------------------ traversal

    /** Direct submodules by name, in registration order (unmodifiable). */
    public final Map<String, Module> namedChildren() {
        return Collections.unmodifiableMap(children);
    }

    /** This module (under {@code ""}) and every submodule by dotted name, depth first, in registration order. */
    public final Map<String, Module> namedModules() {
        Map<String, Module> all = new LinkedHashMap<>();
        visit("", (prefix, module) -> all.put(prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1), module));
        return all;
    }

    /** All parameters of this module and its submodules, by dotted name, in registration order. */
    public final Map<String, Tensor> namedParameters() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        visit("", (prefix, module) -> module.parameters.forEach((name, tensor) -> all.put(prefix + name, tensor)));
        return all;
    }

    /** All buffers of this module and its submodules, by dotted name, in registration order. */
    public final Map<String, Tensor> namedBuffers() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        visit("", (prefix, module) -> module.buffers.forEach((name, tensor) -> all.put(prefix + name, tensor)));
        return all;
    }

    /**
     * The distinct parameters in {@link #namedParameters()} order: a tensor registered under two
     * names (tied weights) appears once, so an optimizer updates it once.
     */
    public final List<Tensor> parameters() {
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        List<Tensor> distinct = new ArrayList<>();
        for (Tensor parameter : namedParameters().values()) {
            if (seen.add(parameter)) {
                distinct.add(parameter);
            }
        }
        return distinct;
    }

    /**
     * Parameters, then buffers, of each module in turn, by PyTorch state-dict name. The values are
     * the live tensors, not copies: training changes them.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> all = new LinkedHashMap<>();
        visit("", (prefix, module) -> {
            module.parameters.forEach((name, tensor) -> all.put(prefix + name, tensor));
            module.buffers.forEach((name, tensor) -> all.put(prefix + name, tensor));
        });
        return all;
    }

    private interface Visitor {
        void visit(String prefix, Module module);
    }

    /** Pre-order walk; {@code prefix} is "" for this module and ends with a dot below it. */
    private void visit(String prefix, Visitor visitor) {
        visitor.visit(prefix, this);
        children.forEach((name, child) -> child.visit(prefix + name + ".", visitor));
    }

    // ------------------------------------------------------------------ loading state

    /** Keys that a non-strict {@link #loadStateDict(Map, boolean)} skipped, as {@code torch}'s {@code _IncompatibleKeys}. */
    public record LoadResult(List<String> missingKeys, List<String> unexpectedKeys) {
        /** Copies the lists. */
        public LoadResult {
            missingKeys = List.copyOf(missingKeys);
            unexpectedKeys = List.copyOf(unexpectedKeys);
        }
    }

    /**
     * Copies values from {@code state} into the parameters and buffers, strictly: a missing,
     * unexpected or wrongly shaped entry throws {@link IllegalArgumentException} naming every
     * offending key with its shapes, and then nothing is changed. {@code state} is not modified;
     * the module keeps its own tensors and their types (only their values change, and their
     * {@link Tensor#version()} is bumped, so a backward through a graph built before the load throws:
     * a float32 entry loaded into a float64 module is widened exactly, a float64 entry into a float32
     * module is rounded to nearest, as PyTorch's {@code copy_}).
     * PyTorch: {@code load_state_dict(state, strict=True)}.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        loadStateDict(state, true);
    }

    /**
     * Like {@link #loadStateDict(Map)}; when not {@code strict}, missing and unexpected keys are
     * skipped and reported, but a wrongly shaped entry still throws (as in PyTorch).
     */
    public final LoadResult loadStateDict(Map<String, Tensor> state, boolean strict) {
        Arguments.notNull(state, "loadStateDict(" + getClass().getSimpleName() + ")", "state");
        Map<String, Tensor> own = stateDict();
        List<String> missing = new ArrayList<>();
        List<String> unexpected = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        own.forEach((key, target) -> {
            Tensor given = state.get(key);
            if (given == null) {
                missing.add(key);
                problems.add("missing key '" + key + "' (expected shape " + Shapes.str(target.shape()) + ")");
            } else if (!Arrays.equals(given.shape(), target.shape())) {
                problems.add("key '" + key + "' has shape " + Shapes.str(given.shape()) + ", expected "
                        + Shapes.str(target.shape()));
            }
        });
        state.forEach((key, given) -> {
            if (!own.containsKey(key)) {
                unexpected.add(key);
                problems.add("unexpected key '" + key + "' (shape " + (given == null ? "null" : Shapes.str(given.shape())) + ")");
            }
        });
        if (!strict) {
            problems.removeIf(problem -> problem.startsWith("missing") || problem.startsWith("unexpected"));
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("loadStateDict(" + getClass().getSimpleName() + "): "
                    + problems.size() + " problem(s): " + String.join("; ", problems));
        }
        own.forEach((key, target) -> {
            Tensor given = state.get(key);
            if (given != null) {
                copyInto(given, target);
            }
        });
        return new LoadResult(missing, unexpected);
    }

    /** Copies the values of {@code given} into {@code target}, converted to the target's type (rounded when narrowing). */
    private static void copyInto(Tensor given, Tensor target) {
        Storage source = given.storage();
        Storage values = target.storage();
        for (int i = 0; i < values.length(); i++) {
            values.set(i, source.get(i)); // float32: rounded to nearest
        }
        target.bumpVersion();
    }

    /**
     * Converts every parameter and buffer of this module and its children to {@code dtype} in place
     * (each stays the same tensor object, its gradient converted too); returns this. Build the
     * optimizer afterwards. PyTorch: {@code module.to(dtype)}, {@code module.float()}, {@code module.double()}.
     */
    public Module to(DType dtype) {
        Arguments.notNull(dtype, "Module.to", "dtype");
        stateDict().values().forEach(tensor -> tensor.toInPlace(dtype));
        return this;
    }

    /**
     * The type of this module's parameters (the first one's; {@link #to(DType)} keeps them alike),
     * or the default type for a module without parameters.
     */
    public DType dtype() {
        for (Tensor parameter : namedParameters().values()) {
            return parameter.dtype();
        }
        return Tensor.defaultDtype();
    }

    // ------------------------------------------------------------------ modes and gradients

    /** Training mode here and in every submodule (dropout active, batch norm updating). Returns this. */
    public final Module train() {
        return train(true);
    }

    /** Evaluation mode here and in every submodule. Returns this. PyTorch: {@code eval()}. */
    public final Module eval() {
        return train(false);
    }

    /** Sets training mode ({@code true}) or evaluation mode here and in every submodule. Returns this. */
    public final Module train(boolean mode) {
        visit("", (prefix, module) -> module.training = mode);
        return this;
    }

    /** True in training mode (the mode of a new module). */
    public final boolean isTraining() {
        return training;
    }

    /** Forgets the gradients of all parameters (PyTorch: {@code zero_grad(set_to_none=True)}). */
    public final void zeroGrad() {
        namedParameters().values().forEach(Tensor::zeroGrad);
    }

    /** Number of parameter elements, submodules included. */
    public final long parameterCount() {
        long count = 0;
        for (Tensor parameter : parameters()) {
            count += parameter.size();
        }
        return count;
    }

    // ------------------------------------------------------------------ printing

    /** This module's own configuration on one line, like PyTorch's {@code extra_repr}. */
    protected String extraRepr() {
        return "";
    }

    /**
     * A tree like PyTorch's {@code print(model)}, each line ending with the parameter count of
     * that subtree when it has parameters:
     * <pre>
     * Sequential(
     *   (0): Linear(in_features=2, out_features=8, bias=true)  # 24 parameters
     *   (1): ReLU()
     * )  # 24 parameters
     * </pre>
     */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder(getClass().getSimpleName()).append('(').append(extraRepr());
        if (!children.isEmpty()) {
            text.append('\n');
            children.forEach((name, child) -> text.append("  (").append(name).append("): ")
                    .append(child.toString().replace("\n", "\n  ")).append('\n'));
        }
        text.append(')');
        long count = parameterCount();
        if (count > 0) {
            text.append("  # ").append(count).append(count == 1 ? " parameter" : " parameters");
        }
        return text.toString();
    }
}
