package org.equireg.regularizer;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;
import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.DType;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.nn.BatchNorm;
import org.equireg.nn.Dropout;
import org.equireg.nn.Module;
import org.equireg.regularizer.TransformPair.Sides;
import org.equireg.regularizer.samplers.Sampler;
import org.equireg.regularizer.samplers.Samplers;

/**
 * A regularization term that pushes a model towards equivariance: the Java counterpart of the
 * reference package's {@code EquivarianceError(model, shape, transforms, dist, n, num_funcs, bounds)}.
 *
 * <p>For a pair {@code (f_out, f_in, epsilon, lambda)} and points v_1..v_n,
 * <pre>
 *   error   = (1/n) sum_i dist(f_out(model(v_i)), model(f_in(v_i)))
 *   penalty = lambda * max(0, error - epsilon)
 * </pre>
 * Each call draws {@code numFuncs} pairs (with replacement unless configured otherwise) and returns
 * the sum of their penalties as a scalar tensor that back-propagates into the model's parameters:
 * {@code loss = task.add(regularizer.compute())}.
 *
 * <p>Per call, {@code model(v)} is computed once and shared by every drawn pair, and the inputs
 * {@code f_in(v)} of all drawn pairs go through the model in one batched forward pass with v
 * (one pass per distinct input shape). This needs a model that treats samples independently,
 * which the train/eval policy below ensures for batch norm.
 *
 * <p>Train/eval policy: the regularizer's forward passes run with every module in evaluation
 * mode, so batch norm uses (and never updates) its running statistics and dropout is off; the
 * model's own modes are restored afterwards, even on an exception. {@link Builder#keepTrainingMode}
 * and {@link Builder#dropoutActive} let chosen modules (dropout) keep their training mode in
 * those passes.
 *
 * <p>Randomness: the points, the drawn pairs and the random transforms all come from one
 * generator (seed 0 unless configured), so the same seed gives the same numbers bit for bit.
 * Not thread-safe: one instance per training thread.
 */
public final class EquivarianceError {
    private final Module model;
    private final int[] inputShape;
    private final List<TransformPair> pairs;
    private final Distance distance;
    private final int n;
    private final int numFuncs;
    private final boolean withReplacement;
    private final Sampler sampler;
    private final RandomGenerator random;
    private final Predicate<Module> keepTraining;
    private final boolean batchForwardPasses;

    /**
     * The reference package's constructor: points uniform in [0, 1]^inputShape, pairs drawn with
     * replacement, seed 0. See {@link #builder} for every other setting.
     *
     * @param model the model to regularize
     * @param inputShape one input's shape, without the batch axis. Not modified.
     * @param transforms the pairs (f_out, f_in, epsilon, lambda), at least one. Not modified.
     * @param dist the distance between the two sides
     * @param n the number of Monte Carlo points per call, at least 1
     * @param numFuncs the number of pairs drawn per call, at least 1
     */
    public EquivarianceError(Module model, int[] inputShape, List<TransformPair> transforms, Distance dist, int n,
                             int numFuncs) {
        this(builder(model, inputShape, transforms).distance(dist).sampleSize(n).functionsPerCall(numFuncs));
    }

    private EquivarianceError(Builder builder) {
        this.model = Arguments.notNull(builder.model, "EquivarianceError", "model");
        this.inputShape = checkedShape(builder.inputShape);
        Arguments.notNull(builder.transforms, "EquivarianceError", "transforms");
        if (builder.transforms.isEmpty()) {
            throw new IllegalArgumentException("EquivarianceError: the transform list is empty; give at least one pair");
        }
        for (int i = 0; i < builder.transforms.size(); i++) {
            Arguments.notNull(builder.transforms.get(i), "EquivarianceError", "transforms[" + i + "]");
        }
        this.pairs = List.copyOf(builder.transforms);
        this.distance = Arguments.notNull(builder.distance, "EquivarianceError", "distance");
        if (builder.n < 1) {
            throw new IllegalArgumentException("EquivarianceError: n (points per call) must be >= 1, got " + builder.n);
        }
        if (builder.numFuncs < 1) {
            throw new IllegalArgumentException("EquivarianceError: numFuncs (pairs per call) must be >= 1, got "
                    + builder.numFuncs);
        }
        if (!builder.withReplacement && builder.numFuncs > pairs.size()) {
            throw new IllegalArgumentException("EquivarianceError: numFuncs = " + builder.numFuncs + " pairs without"
                    + " replacement, but there are only " + pairs.size());
        }
        this.n = builder.n;
        this.numFuncs = builder.numFuncs;
        this.withReplacement = builder.withReplacement;
        this.sampler = Arguments.notNull(builder.sampler, "EquivarianceError", "sampler");
        sampler.check(inputShape);
        this.random = builder.random;
        this.keepTraining = builder.keepTraining;
        this.batchForwardPasses = builder.batchForwardPasses;
    }

    private static int[] checkedShape(int[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException("EquivarianceError: inputShape is null");
        }
        for (int dimension : shape) {
            if (dimension < 1) {
                throw new IllegalArgumentException("EquivarianceError: inputShape " + Shapes.str(shape)
                        + " has a dimension below 1");
            }
        }
        return shape.clone();
    }

    /** A builder with the reference package's defaults: L2, n = 1, numFuncs = 1, box [0, 1], seed 0. */
    public static Builder builder(Module model, int[] inputShape, List<TransformPair> transforms) {
        return new Builder(model, inputShape, transforms);
    }

    // ------------------------------------------------------------------ the penalty

    /** The summed penalty of {@code numFuncs} drawn pairs at n fresh points from the sampler; a scalar. */
    public Tensor compute() {
        return computeAt(samplePoints(), null);
    }

    /**
     * The summed penalty of {@code numFuncs} drawn pairs at the given points (a training batch, say),
     * with n taken as their number; no setting changes.
     *
     * @param inputs {@code (batch, ...inputShape)}, batch >= 1. Not modified.
     */
    public Tensor compute(Tensor inputs) {
        return computeAt(checkedInputs("compute", inputs), null);
    }

    /**
     * As {@link #compute(Tensor)}, reusing {@code model(inputs)} that the caller already computed
     * (the task loss's forward pass over the training batch), so only the transformed inputs go
     * through the model: one forward and one backward pass fewer per call. The penalty then
     * back-propagates into the given outputs' graph as well.
     *
     * <p>Exact when the given outputs are what the regularizer's own pass would compute: the
     * outputs of this model at these inputs with the current parameters, and no module whose
     * result depends on its mode (batch norm, dropout) is training, since the regularizer's own
     * pass would run it in eval mode; such a model is refused. Modules selected by
     * {@link Builder#keepTrainingMode} count as run in training mode on both sides and are allowed.
     * Custom modules with other mode-dependent behaviour are the caller's responsibility.
     *
     * @param inputs          {@code (batch, ...inputShape)}, batch >= 1. Not modified.
     * @param outputsOfInputs {@code model(inputs)}, first axis batch. Not modified.
     * @throws IllegalArgumentException for a batch-size mismatch, or a training batch norm or dropout
     */
    public Tensor compute(Tensor inputs, Tensor outputsOfInputs) {
        Tensor v = checkedInputs("compute", inputs);
        if (outputsOfInputs == null) {
            throw new IllegalArgumentException("EquivarianceError.compute: outputsOfInputs is null");
        }
        if (outputsOfInputs.rank() < 1 || outputsOfInputs.dim(0) != v.dim(0)) {
            throw new IllegalArgumentException("EquivarianceError.compute: outputsOfInputs of shape "
                    + Shapes.str(outputsOfInputs.shape()) + " do not hold one output per input of the batch of " + v.dim(0));
        }
        requireModeIndependent(model, "model");
        return computeAt(v, outputsOfInputs);
    }

    /** Refuses a training batch norm or dropout that the regularizer's own pass would run in eval mode. */
    private void requireModeIndependent(Module module, String name) {
        boolean modeMatters = module instanceof BatchNorm || module instanceof Dropout;
        if (modeMatters && module.isTraining() && !keepTraining.test(module)) {
            throw new IllegalArgumentException("EquivarianceError.compute: outputsOfInputs cannot be reused: module '" + name
                    + "' (" + module.getClass().getSimpleName() + ") is training, so its outputs differ from the eval-mode"
                    + " pass the regularizer makes; call compute(inputs), or put the model in eval mode");
        }
        module.namedChildren().forEach((child, submodule) -> requireModeIndependent(submodule, name + "." + child));
    }

    /** The penalty at v; {@code givenOutputs} is {@code model(v)} when the caller has it, else null. */
    private Tensor computeAt(Tensor v, Tensor givenOutputs) {
        int[] picked = choosePairs();
        int[] chosen = Arrays.stream(picked).filter(index -> !pairs.get(index).isLie()).toArray();
        Tensor total = null;
        for (int index : Arrays.stream(picked).filter(index -> pairs.get(index).isLie()).toArray()) {
            Tensor penalty = liePenalty(index, v); // infinitesimal pairs have no sides and no f_in(v) pass
            total = total == null ? penalty : total.add(penalty);
        }
        if (chosen.length == 0) {
            return total;
        }
        List<Sides> sides = new ArrayList<>();
        List<Tensor> modelInputs = new ArrayList<>();
        if (givenOutputs == null) {
            modelInputs.add(v);
        }
        for (int index : chosen) {
            Sides drawn = pairs.get(index).draw(random);
            sides.add(drawn);
            modelInputs.add(transformInputs(index, drawn.fIn(), v));
        }
        List<Tensor> outputs = new ArrayList<>(forwardAll(modelInputs));
        if (givenOutputs != null) {
            outputs.add(0, givenOutputs);
        }
        for (int k = 0; k < chosen.length; k++) {
            Tensor penalty = penalty(chosen[k], sides.get(k).fOut(), outputs.get(0), outputs.get(k + 1));
            total = total == null ? penalty : total.add(penalty);
        }
        return total;
    }

    /**
     * An infinitesimal pair's term: {@code error = mean_i ||L f(v_i)||^2},
     * {@code penalty = lambda * relu(error - epsilon)}.
     */
    private Tensor liePenalty(int pairIndex, Tensor v) {
        TransformPair pair = pairs.get(pairIndex);
        Tensor error = lieSquaredNorms(pairIndex, v).mean();
        requireNumber(pairIndex, error);
        return error.sub(pair.epsilon()).relu().mul(pair.lambda());
    }

    /** {@code ||L f(v_i)||^2} per sample, under the train/eval policy. */
    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    Tensor lieSquaredNorms(int pairIndex, Tensor v) {
        try (TrainingModes ignored = TrainingModes.enter(model, keepTraining)) {
            Tensor rows = PerSample.rows(pairs.get(pairIndex).lieDerivative(model).apply(v));
            return rows.mul(rows).sum(1, false);
        }
    }

    /**
     * One pair's term, given {@code model(v)} and {@code model(f_in(v))}:
     * {@code error = mean_i dist(f_out(model(v_i)), model(f_in(v_i)))},
     * {@code penalty = lambda * relu(error - epsilon)}.
     */
    private Tensor penalty(int pairIndex, UnaryOperator<Tensor> fOut, Tensor modelOfV, Tensor modelOfFInV) {
        TransformPair pair = pairs.get(pairIndex);
        Tensor error = distances(pairIndex, fOut.apply(modelOfV), modelOfFInV).mean();
        requireNumber(pairIndex, error);
        return error.sub(pair.epsilon()).relu().mul(pair.lambda());
    }

    /** {@code dist(a_i, b_i)} per sample, or the distance's scalar; checks both shapes. */
    Tensor distances(int pairIndex, Tensor fOutOfModel, Tensor modelOfFIn) {
        if (!Arrays.equals(fOutOfModel.shape(), modelOfFIn.shape())) {
            throw new IllegalArgumentException("EquivarianceError: " + describe(pairIndex) + ": f_out(model(v)) has shape "
                    + Shapes.str(fOutOfModel.shape()) + " but model(f_in(v)) has shape " + Shapes.str(modelOfFIn.shape()));
        }
        Tensor result = distance.between(fOutOfModel, modelOfFIn);
        boolean perSample = result.rank() == 1 && result.dim(0) == fOutOfModel.dim(0);
        if (result.rank() != 0 && !perSample) {
            throw new IllegalArgumentException("EquivarianceError: the distance " + distance + " returned shape "
                    + Shapes.str(result.shape()) + " for " + describe(pairIndex) + "; it must return one value per sample ("
                    + fOutOfModel.dim(0) + ") or a scalar");
        }
        return result;
    }

    /** Throws when the error, or the penalty it gives, is NaN (lambda 0 times an infinite error is NaN). */
    private void requireNumber(int pairIndex, Tensor error) {
        if (Double.isNaN(error.item())) {
            throw new IllegalStateException("EquivarianceError: " + describe(pairIndex) + " gave a NaN error (distance "
                    + distance + "); check the model's outputs and the transforms for NaN or log(0)");
        }
        TransformPair pair = pairs.get(pairIndex);
        if (Double.isNaN(pair.lambda() * Math.max(0, error.item() - pair.epsilon()))) {
            throw new IllegalStateException("EquivarianceError: " + describe(pairIndex) + " gave a NaN penalty: lambda "
                    + pair.lambda() + " times relu(error " + error.item() + " - epsilon " + pair.epsilon() + "); the error"
                    + " must be finite (check the model's outputs and the transforms for overflow)");
        }
    }

    String describe(int pairIndex) {
        return "pair #" + pairIndex + " (" + pairs.get(pairIndex).name() + ")";
    }

    // ------------------------------------------------------------------ points, draws, forward passes

    Tensor samplePoints() {
        Tensor points = sampler.sample(n, inputShape, random);
        int[] expected = withBatch(n);
        if (!Arrays.equals(points.shape(), expected)) {
            throw new IllegalStateException("EquivarianceError: the sampler " + sampler + " returned shape "
                    + Shapes.str(points.shape()) + ", expected " + Shapes.str(expected));
        }
        return points.to(model.dtype()); // read at each call: the model may have been converted since
    }

    Tensor checkedInputs(String method, Tensor inputs) {
        if (inputs == null) {
            throw new IllegalArgumentException("EquivarianceError." + method + ": inputs is null");
        }
        int[] shape = inputs.shape();
        if (shape.length != inputShape.length + 1 || shape[0] < 1
                || !Arrays.equals(Arrays.copyOfRange(shape, 1, shape.length), inputShape)) {
            throw new IllegalArgumentException("EquivarianceError." + method + ": inputs of shape " + Shapes.str(shape)
                    + " are not a non-empty batch (batch, " + Shapes.str(inputShape).replaceAll("[\\[\\]]", "")
                    + ") of the input shape " + Shapes.str(inputShape));
        }
        return inputs.to(model.dtype());
    }

    private int[] withBatch(int batch) {
        int[] shape = new int[inputShape.length + 1];
        shape[0] = batch;
        System.arraycopy(inputShape, 0, shape, 1, inputShape.length);
        return shape;
    }

    /** Indices of the pairs for one call: uniform with replacement, or a uniform sample without. */
    private int[] choosePairs() {
        int[] chosen = new int[numFuncs];
        if (withReplacement) {
            for (int k = 0; k < numFuncs; k++) {
                chosen[k] = random.nextInt(pairs.size());
            }
            return chosen;
        }
        int[] deck = new int[pairs.size()];
        Arrays.setAll(deck, i -> i);
        for (int k = 0; k < numFuncs; k++) { // partial Fisher-Yates shuffle
            int pick = k + random.nextInt(deck.length - k);
            int held = deck[k];
            deck[k] = deck[pick];
            deck[pick] = held;
            chosen[k] = deck[k];
        }
        return chosen;
    }

    Tensor transformInputs(int pairIndex, UnaryOperator<Tensor> fIn, Tensor v) {
        Tensor transformed = fIn.apply(v);
        if (transformed.rank() < 1 || transformed.dim(0) != v.dim(0)) {
            throw new IllegalArgumentException("EquivarianceError: f_in of " + describe(pairIndex) + " turned inputs of shape "
                    + Shapes.str(v.shape()) + " into " + Shapes.str(transformed.shape()) + "; it must keep the batch axis");
        }
        return transformed;
    }

    /**
     * {@code model(x)} for every x, under the train/eval policy; inputs of one shape share one
     * forward pass when batching is on.
     */
    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    List<Tensor> forwardAll(List<Tensor> inputs) {
        try (TrainingModes ignored = TrainingModes.enter(model, keepTraining)) {
            if (!batchForwardPasses) {
                List<Tensor> outputs = new ArrayList<>();
                inputs.forEach(x -> outputs.add(checkedForward(x)));
                return outputs;
            }
            Map<List<Integer>, List<Integer>> groups = new LinkedHashMap<>();
            for (int i = 0; i < inputs.size(); i++) {
                groups.computeIfAbsent(shapeKey(inputs.get(i)), key -> new ArrayList<>()).add(i);
            }
            Tensor[] outputs = new Tensor[inputs.size()];
            for (List<Integer> group : groups.values()) {
                Tensor[] members = group.stream().map(inputs::get).toArray(Tensor[]::new);
                Tensor joined = members.length == 1 ? members[0] : Tensor.concat(0, members);
                Tensor result = checkedForward(joined);
                int start = 0;
                for (int i : group) {
                    int rows = inputs.get(i).dim(0);
                    outputs[i] = members.length == 1 ? result : result.slice(0, start, start + rows);
                    start += rows;
                }
            }
            return Arrays.asList(outputs);
        }
    }

    private static List<Integer> shapeKey(Tensor x) {
        return Arrays.stream(x.shape()).boxed().toList();
    }

    private Tensor checkedForward(Tensor x) {
        Tensor output;
        try {
            output = model.forward(x);
        } catch (IllegalArgumentException e) {
            Set<DType> types = EnumSet.noneOf(DType.class);
            model.stateDict().values().forEach(tensor -> types.add(tensor.dtype()));
            // A model of mixed types fails on any input; otherwise, most often inputShape does not fit the model.
            String hint = types.size() > 1 ? "the model's parameters and buffers mix " + types + "; convert it with"
                    + " model.to(DType) first" : "does inputShape fit the model?";
            throw new IllegalArgumentException("EquivarianceError: the model rejected the regularizer's points of shape "
                    + Shapes.str(x.shape()) + " (batch, then inputShape " + Shapes.str(inputShape) + ", " + x.dtype()
                    + "); " + hint + " " + e.getMessage(), e);
        }
        if (output.rank() < 1 || output.dim(0) != x.dim(0)) {
            throw new IllegalStateException("EquivarianceError: the model turned a batch of shape " + Shapes.str(x.shape())
                    + " into " + Shapes.str(output.shape()) + "; it must keep the batch axis");
        }
        return output;
    }

    // ------------------------------------------------------------------ diagnostics

    /**
     * Diagnostics of every pair (not a random draw) over {@code batches} independent batches of n
     * fresh points each; no graph is recorded. See {@link EquivarianceReport} for the columns.
     *
     * @param batches at least 1; standard errors of quasi-Monte Carlo and antithetic samplers need 2 or more
     */
    public EquivarianceReport report(int batches) {
        if (batches < 1) {
            throw new IllegalArgumentException("EquivarianceError.report: batches must be >= 1, got " + batches);
        }
        return Diagnostics.run(this, batches, batch -> samplePoints(), sampler.independentSamples());
    }

    /** Diagnostics of every pair at the given points, {@code (batch, ...inputShape)}. Not modified. */
    public EquivarianceReport report(Tensor inputs) {
        Tensor points = checkedInputs("report", inputs);
        return Diagnostics.run(this, 1, batch -> points, true);
    }

    List<TransformPair> pairs() {
        return pairs;
    }

    RandomGenerator random() {
        return random;
    }

    /** The number of Monte Carlo points per call. */
    public int n() {
        return n;
    }

    /** The number of pairs drawn per call. */
    public int numFuncs() {
        return numFuncs;
    }

    /** The distance between the two sides. */
    public Distance distance() {
        return distance;
    }

    /** Where the points come from. */
    public Sampler sampler() {
        return sampler;
    }

    /**
     * Settings beyond the reference constructor's. Defaults: {@link Distance#L2}, n = 1,
     * numFuncs = 1, with replacement, {@link Samplers#box()}, seed 0, every module in eval mode
     * during the regularizer's passes, batched forward passes.
     */
    public static final class Builder {
        private final Module model;
        private final int[] inputShape;
        private final List<TransformPair> transforms;
        private Distance distance = Distance.L2;
        private int n = 1;
        private int numFuncs = 1;
        private boolean withReplacement = true;
        private Sampler sampler = Samplers.box();
        private RandomGenerator random = new SplittableRandom(0);
        private Predicate<Module> keepTraining = module -> false;
        private boolean batchForwardPasses = true;

        private Builder(Module model, int[] inputShape, List<TransformPair> transforms) {
            this.model = model;
            this.inputShape = inputShape == null ? null : inputShape.clone();
            this.transforms = transforms == null ? null : new ArrayList<>(transforms);
        }

        /** The distance between the two sides (the reference's {@code dist}). */
        public Builder distance(Distance newDistance) {
            this.distance = newDistance;
            return this;
        }

        /** Points per call (the reference's {@code n}), at least 1. */
        public Builder sampleSize(int newN) {
            this.n = newN;
            return this;
        }

        /** Pairs drawn per call (the reference's {@code num_funcs}), at least 1. */
        public Builder functionsPerCall(int newNumFuncs) {
            this.numFuncs = newNumFuncs;
            return this;
        }

        /** Draw the pairs of one call with replacement (the reference's way; the default) or without. */
        public Builder withReplacement(boolean replace) {
            this.withReplacement = replace;
            return this;
        }

        /** Where the points come from. */
        public Builder sampler(Sampler newSampler) {
            this.sampler = newSampler;
            return this;
        }

        /** Uniform points in [low, high] in every element (the reference's {@code bounds=[low, high]}). */
        public Builder bounds(double low, double high) {
            if (!(low <= high) || Double.isInfinite(low) || Double.isInfinite(high)) {
                throw new IllegalArgumentException("EquivarianceError.Builder.bounds: needs finite low <= high, got low = "
                        + low + ", high = " + high);
            }
            return sampler(Samplers.box(low, high));
        }

        /** Uniform points with per-element bounds, each broadcast to the input shape. */
        public Builder bounds(Tensor low, Tensor high) {
            return sampler(Samplers.box(low, high));
        }

        /** A fresh {@link SplittableRandom} with this seed for points, draws and random transforms. */
        public Builder seed(long seed) {
            return random(new SplittableRandom(seed));
        }

        /** The generator for points, draws and random transforms (used, not copied). */
        public Builder random(RandomGenerator newRandom) {
            this.random = Arguments.notNull(newRandom, "EquivarianceError.Builder.random", "random");
            return this;
        }

        /**
         * Modules (and their submodules) that keep their training mode during the regularizer's
         * forward passes; every other module is put in eval mode there. Default: none. Use it for
         * dropout, never for batch norm (its running statistics would learn the sampler's points).
         */
        public Builder keepTrainingMode(Predicate<Module> which) {
            this.keepTraining = Arguments.notNull(which, "EquivarianceError.Builder.keepTrainingMode", "which");
            return this;
        }

        /**
         * Whether {@link Dropout} layers that are training stay active in the regularizer's forward
         * passes (default false: dropout off there, so the penalty measures the deterministic
         * network). Shorthand for {@code keepTrainingMode(module -> module instanceof Dropout)}.
         */
        public Builder dropoutActive(boolean active) {
            return keepTrainingMode(active ? Dropout.class::isInstance : module -> false);
        }

        /** Whether inputs of one shape share one forward pass (default true) or get one pass each. */
        public Builder batchForwardPasses(boolean batch) {
            this.batchForwardPasses = batch;
            return this;
        }

        /** The regularizer; every setting is validated here. */
        public EquivarianceError build() {
            return new EquivarianceError(this);
        }
    }
}
