package org.equireg.nn;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.equireg.core.Arguments;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * Gradient-based parameter updates, like {@code torch.optim.Optimizer}. This class owns the loop
 * over parameters, the per-parameter state and its saving; a subclass writes only its update rule,
 * {@link #update}, for one parameter.
 *
 * <p>{@link #step()} skips parameters without a gradient and changes the parameters' values in
 * place (so models see the update), outside any autodiff graph: call it after {@code backward()},
 * not between a forward pass and its backward: each step bumps the parameters'
 * {@link Tensor#version()}, so a backward through a graph built before the step throws
 * {@link IllegalStateException} instead of mixing old activations with new weights.
 */
public abstract class Optimizer {
    private static final double MAX_STEP = 0x1p53;
    private final String name;
    private final List<Tensor> parameters;
    private final List<String> stateNames;
    private final List<Map<String, Tensor>> states = new ArrayList<>();
    private final long[] steps;
    private double learningRate;

    /**
     * @param name the optimizer's name for messages
     * @param parameters the tensors to update (leaves that require grad, each once: a tensor listed
     *     twice would be updated twice per step, so it is refused); the list is copied
     * @param learningRate the initial learning rate, &gt;= 0
     * @param stateNames the per-parameter buffers the update rule keeps (PyTorch's names)
     */
    protected Optimizer(String name, List<Tensor> parameters, double learningRate, String... stateNames) {
        if (parameters == null || parameters.isEmpty()) {
            throw new IllegalArgumentException(name + ": got " + (parameters == null ? "a null" : "an empty") + " parameter list");
        }
        for (int i = 0; i < parameters.size(); i++) {
            Tensor parameter = parameters.get(i);
            if (parameter == null || !parameter.isLeaf() || !parameter.requiresGrad()) {
                throw new IllegalArgumentException(name + ": parameter " + i + " is not a leaf that requires grad");
            }
            for (int j = 0; j < i; j++) {
                if (parameters.get(j) == parameter) {
                    throw new IllegalArgumentException(name + ": parameter " + i + " is parameter " + j + " again (shape "
                            + Shapes.str(parameter.shape()) + "); each tensor may appear once, or it would be updated twice");
                }
            }
            states.add(new HashMap<>());
        }
        this.name = name;
        this.parameters = List.copyOf(parameters);
        this.stateNames = List.of(stateNames);
        this.steps = new long[parameters.size()];
        this.learningRate = checkedLearningRate(name, learningRate);
    }

    /**
     * The update rule for one parameter with a gradient, written once for both element types: read
     * with {@link Storage#get} and write with {@link Storage#set}, computing in double (float32
     * values are widened exactly and rounded once when stored).
     *
     * @param parameter the parameter's values. Modified.
     * @param gradient its gradient. Not modified.
     * @param state its buffers and step count ({@link ParameterState#step()} already counts this step)
     */
    protected abstract void update(Storage parameter, Storage gradient, ParameterState state);

    /**
     * Updates every parameter that has a gradient. When an update rule throws, the parameter it was
     * updating keeps its step count (the step did not happen) and the exception propagates; the
     * parameters before it in the list have taken their step.
     */
    public final void step() {
        for (int i = 0; i < parameters.size(); i++) {
            Tensor gradient = parameters.get(i).grad();
            if (gradient != null) {
                steps[i]++;
                Tensor parameter = parameters.get(i);
                try {
                    update(parameter.storage(), gradient.storage(), new ParameterState(i));
                } catch (RuntimeException | Error failure) {
                    steps[i]--;
                    throw failure;
                }
                parameter.bumpVersion();
            }
        }
    }

    /** Forgets the gradients of all parameters (PyTorch: {@code zero_grad(set_to_none=True)}). */
    public final void zeroGrad() {
        parameters.forEach(Tensor::zeroGrad);
    }

    /** The parameters, in order (unmodifiable). */
    public final List<Tensor> parameters() {
        return parameters;
    }

    /** The current learning rate. */
    public final double learningRate() {
        return learningRate;
    }

    /** Sets the learning rate (schedules call this). */
    public final void setLearningRate(double learningRate) {
        this.learningRate = checkedLearningRate(name + ".setLearningRate", learningRate);
    }

    private static double checkedLearningRate(String method, double learningRate) {
        if (!(learningRate >= 0) || Double.isInfinite(learningRate)) {
            throw new IllegalArgumentException(method + ": needs a finite learning rate >= 0, got " + learningRate);
        }
        return learningRate;
    }

    /** The buffers and step count of one parameter, handed to {@link #update}. */
    public final class ParameterState {
        private final int index;

        private ParameterState(int index) {
            this.index = index;
        }

        /** How many updates this parameter has had, this one included (1 on the first). */
        public long step() {
            return steps[index];
        }

        /** True when the buffer exists (it is created on first {@link #buffer} call). */
        public boolean has(String buffer) {
            return states.get(index).containsKey(buffer);
        }

        /**
         * The named buffer, the parameter's length and type, created as zeros on first use. Modified
         * by the update rule.
         */
        public Storage buffer(String buffer) {
            return state(buffer).storage();
        }

        private Tensor state(String buffer) {
            if (!stateNames.contains(buffer)) {
                throw new IllegalStateException(name + ": buffer '" + buffer + "' was not declared in " + stateNames);
            }
            Tensor parameter = parameters.get(index);
            Tensor values = states.get(index).computeIfAbsent(buffer,
                    key -> Tensor.zeros(parameter.dtype(), parameter.shape()));
            if (values.dtype() != parameter.dtype()) { // the parameter was converted after this state was made
                values = values.to(parameter.dtype());
                states.get(index).put(buffer, values);
            }
            return values;
        }
    }

    // ------------------------------------------------------------------ saving and loading

    /**
     * The state as named tensors (copies): {@code "state.<i>.<buffer>"} in the parameter's shape,
     * {@code "state.<i>.step"} as a scalar for each parameter updated so far, and
     * {@code "param_groups.0.lr"}, following PyTorch's {@code state_dict()} layout. Other settings
     * (momentum, betas, ...) belong to the constructor and are not saved.
     */
    public final Map<String, Tensor> stateDict() {
        Map<String, Tensor> state = new LinkedHashMap<>();
        for (int i = 0; i < parameters.size(); i++) {
            if (steps[i] > 0) {
                state.put("state." + i + ".step", Tensor.scalar(steps[i], DType.FLOAT64));
            }
            for (String buffer : stateNames) {
                Tensor values = states.get(i).get(buffer);
                if (values != null) {
                    state.put("state." + i + "." + buffer, values.copy());
                }
            }
        }
        state.put("param_groups.0.lr", Tensor.scalar(learningRate, DType.FLOAT64));
        return state;
    }

    /**
     * Replaces the whole state by {@code state} (as written by {@link #stateDict()} of an optimizer
     * of the same kind over parameters of the same shapes). Strict: an unknown key, a wrong shape, a
     * non-finite buffer value (or one the update rule cannot take, see {@link #invalidBuffer}), a
     * step count that is not a whole number in [0, 2^53], a step without every buffer or buffers
     * without a step, or a missing or bad learning rate throws {@link IllegalArgumentException}
     * naming every offending key, and then nothing is changed: everything is checked before anything
     * is applied. {@code state} is not modified.
     */
    public final void loadStateDict(Map<String, Tensor> state) {
        apply(checked(state));
    }

    /** A checked state, ready to replace the current one. */
    record LoadedState(long[] steps, List<Map<String, Tensor>> buffers, double learningRate) {
    }

    /** Checks {@code state} as {@link #loadStateDict} does and converts it, changing nothing here. */
    LoadedState checked(Map<String, Tensor> state) {
        Arguments.notNull(state, name + ".loadStateDict", "state");
        List<String> problems = new ArrayList<>();
        Tensor rate = state.get("param_groups.0.lr");
        if (rate == null || rate.size() != 1) {
            problems.add("missing scalar key 'param_groups.0.lr'");
        } else if (!(rate.item() >= 0) || Double.isInfinite(rate.item())) {
            problems.add("key 'param_groups.0.lr' should be a finite learning rate >= 0, got " + rate.item());
        }
        long[] newSteps = new long[parameters.size()];
        List<Map<String, Tensor>> newStates = new ArrayList<>();
        parameters.forEach(parameter -> newStates.add(new HashMap<>()));
        state.forEach((key, value) -> {
            String problem = checkEntry(key, value);
            if (problem != null) {
                problems.add(problem);
            } else if (key.startsWith("state.")) {
                String[] parts = key.split("\\.");
                int index = Integer.parseInt(parts[1]);
                if (parts[2].equals("step")) {
                    newSteps[index] = (long) value.item();
                } else {
                    // checked in the parameter's type: 1e300 is finite in float64 but not once rounded to float32
                    Tensor converted = value.detach().to(parameters.get(index).dtype()).copy();
                    String invalid = invalidBuffer(parts[2], converted);
                    if (invalid != null) {
                        problems.add("key '" + key + "' cannot be used: " + invalid);
                    }
                    newStates.get(index).put(parts[2], converted);
                }
            }
        });
        for (int i = 0; i < parameters.size(); i++) {
            boolean stepped = newSteps[i] > 0;
            if (stepped && !stateNames.isEmpty() && !newStates.get(i).keySet().containsAll(stateNames)) {
                problems.add("parameter " + i + " has step " + newSteps[i] + " but buffers " + newStates.get(i).keySet()
                        + ", expected " + stateNames);
            } else if (!stepped && !newStates.get(i).isEmpty()) {
                problems.add("parameter " + i + " has buffers " + newStates.get(i).keySet() + " but no step >= 1");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException(name + ".loadStateDict: " + problems.size() + " problem(s): "
                    + String.join("; ", problems));
        }
        return new LoadedState(newSteps, newStates, rate.item());
    }

    /** Replaces the state by one {@link #checked} returned; cannot fail. */
    void apply(LoadedState loaded) {
        System.arraycopy(loaded.steps(), 0, steps, 0, steps.length);
        for (int i = 0; i < states.size(); i++) {
            states.get(i).clear();
            states.get(i).putAll(loaded.buffers().get(i));
        }
        this.learningRate = loaded.learningRate();
    }

    /**
     * Why the loaded values of {@code buffer} cannot be used by the update rule, or null when they
     * can. This default refuses non-finite values (they would turn the parameters into NaN on the
     * next step); an optimizer with further constraints (Adam's {@code exp_avg_sq} is a mean of
     * squares, never negative) overrides it and calls this one.
     *
     * @param buffer the buffer's name, one of those declared in the constructor
     * @param values the loaded values. Not modified.
     */
    protected String invalidBuffer(String buffer, Tensor values) {
        double[] all = values.toArray();
        for (int i = 0; i < all.length; i++) {
            if (!Double.isFinite(all[i])) {
                return "element " + i + " is " + all[i];
            }
        }
        return null;
    }

    /** Why {@code key} cannot be loaded, or null when it can. */
    private String checkEntry(String key, Tensor value) {
        if (key.equals("param_groups.0.lr")) {
            return null;
        }
        String[] parts = key.split("\\.");
        if (parts.length != 3 || !parts[0].equals("state") || !parts[1].matches("\\d{1,9}")
                || Integer.parseInt(parts[1]) >= parameters.size()) {
            return "unexpected key '" + key + "'";
        }
        if (value == null) {
            return "key '" + key + "' is null";
        }
        int[] expected = parameters.get(Integer.parseInt(parts[1])).shape();
        if (parts[2].equals("step")) {
            // 2^53: every whole number up to it is exact in the float64 the step is saved as
            boolean valid = value.size() == 1 && value.item() >= 0 && value.item() <= MAX_STEP
                    && value.item() == Math.rint(value.item());
            return valid ? null : "key '" + key + "' should be a whole number in [0, 2^53], got " + value;
        }
        if (!stateNames.contains(parts[2])) {
            return "unexpected key '" + key + "' (" + name + " keeps " + stateNames + ")";
        }
        if (!Arrays.equals(value.shape(), expected)) {
            return "key '" + key + "' has shape " + Shapes.str(value.shape()) + ", expected " + Shapes.str(expected);
        }
        return null;
    }
}
