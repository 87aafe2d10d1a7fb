package org.equireg.core;

import java.util.Arrays;
import java.util.random.RandomGenerator;
import org.equireg.core.kernels.Maps;
import org.equireg.core.Storage;
import org.equireg.core.ops.Abs;
import org.equireg.core.ops.Add;
import org.equireg.core.ops.AvgPool2d;
import org.equireg.core.ops.BroadcastTo;
import org.equireg.core.ops.Cast;
import org.equireg.core.ops.Clamp;
import org.equireg.core.ops.Compare;
import org.equireg.core.ops.Concat;
import org.equireg.core.ops.Conv2d;
import org.equireg.core.ops.CumSum;
import org.equireg.core.ops.Div;
import org.equireg.core.ops.Exp;
import org.equireg.core.ops.Flip;
import org.equireg.core.ops.Gather;
import org.equireg.core.ops.IndexSelect;
import org.equireg.core.ops.Linear;
import org.equireg.core.ops.Log;
import org.equireg.core.ops.Log1p;
import org.equireg.core.ops.MatMul;
import org.equireg.core.ops.Max;
import org.equireg.core.ops.MaxPool2d;
import org.equireg.core.ops.Maximum;
import org.equireg.core.ops.Mul;
import org.equireg.core.ops.Neg;
import org.equireg.core.ops.Norm;
import org.equireg.core.ops.Pad;
import org.equireg.core.ops.Permute;
import org.equireg.core.ops.Pow;
import org.equireg.core.ops.Relu;
import org.equireg.core.ops.Reshape;
import org.equireg.core.ops.Roll;
import org.equireg.core.ops.Rot90;
import org.equireg.core.ops.Sigmoid;
import org.equireg.core.ops.Slice;
import org.equireg.core.ops.Sqrt;
import org.equireg.core.ops.Sub;
import org.equireg.core.ops.Sum;
import org.equireg.core.ops.SumTo;
import org.equireg.core.ops.Tanh;
import org.equireg.core.ops.Where;

/**
 * An n-dimensional array of float64 or float32 values ({@link DType}) in row-major order, and a
 * node of the autodiff graph.
 *
 * <p>Every op returns a new tensor; when grad mode is on and an input {@link #requiresGrad()},
 * the result remembers how it was made, and {@link #backward()} fills {@link #grad()} of the leaves.
 * Binary ops broadcast like NumPy; negative axes count from the end, and axis ops take axis 0 or -1
 * on a 0-d tensor, as PyTorch does. The primitives, each with one derivative rule written as a
 * differentiable formula, are listed in the enum {@code org.equireg.core.ops.Op}; the rest of the
 * methods here are compositions of them, each written as its formula. Every gradient can be
 * differentiated again: see {@link Autograd#grad} and {@link #backward(Tensor, boolean, boolean)}.
 *
 * <p>Factories without a {@link DType} argument make tensors of the {@linkplain #defaultDtype()
 * default type}, float64 unless changed; {@link #of(double[], int...)} is always float64 and
 * {@link #of(float[], int...)} always float32. Ops compute in the type {@link DType#resultType}
 * gives; a leaf's gradient has the leaf's type.
 *
 * <p>Not thread-safe for writing; many threads may read one tensor (inference under
 * {@link GradMode#noGrad()}) at once.
 */
public final class Tensor {
    private static final int PRINT_LIMIT = 64;
    private static volatile DType defaultDtype = DType.FLOAT64;

    /** The values; not final only for {@link #toInPlace}. */
    private Storage storage;
    private final int[] shape;
    private final Node node;
    private boolean leafRequiresGrad;
    private Tensor grad;
    /** Whether {@link #grad} is an array of this leaf's own, which accumulation may write in place. */
    private boolean gradOwned;
    /** Counts writes in place to the storage; shared by every tensor on the same array (views, detach). */
    private final int[] version;
    private String label;

    private Tensor(double[] data, int[] shape, Node node) {
        this(new Storage.F64(data), shape, node, new int[1]);
    }

    private Tensor(float[] floats, int[] shape, Node node) {
        this(new Storage.F32(floats), shape, node, new int[1]);
    }

    private Tensor(Storage storage, int[] shape, Node node, int[] version) {
        this.storage = storage;
        this.shape = shape;
        this.node = node;
        this.version = version;
        if (node != null) {
            node.outputVersion = version[0];
        }
    }

    // ------------------------------------------------------------------ element type

    /** The type of the factories that take no {@link DType}, and of new layers: float64 unless changed. */
    public static DType defaultDtype() {
        return defaultDtype;
    }

    /**
     * Sets the type of the factories that take no {@link DType} (and of layers created afterwards),
     * for every thread. PyTorch: {@code torch.set_default_dtype}.
     */
    public static void setDefaultDtype(DType dtype) {
        defaultDtype = Arguments.notNull(dtype, "setDefaultDtype", "dtype");
    }

    /** The element type of the storage. */
    public DType dtype() {
        return storage.dtype();
    }

    /**
     * This tensor in another element type: itself when it already has that type, else a new tensor,
     * rounded to nearest when narrowing, differentiable (the gradient is converted back).
     * PyTorch: {@code Tensor.to(dtype)}.
     */
    public Tensor to(DType dtype) {
        Arguments.notNull(dtype, "to", "dtype");
        return dtype == dtype() ? this : Cast.apply(this, dtype);
    }

    /**
     * Converts a leaf's storage, and its gradient if any, to {@code dtype} in place; returns this.
     * For {@code Module.to(DType)}, which keeps each parameter the same object (PyTorch:
     * {@code param.data = param.data.to(dtype)}). Graphs that saved this tensor are not updated:
     * convert before building the graph and the optimizer.
     *
     * @throws IllegalStateException when this tensor is the result of an op
     */
    public Tensor toInPlace(DType dtype) {
        Arguments.notNull(dtype, "toInPlace", "dtype");
        if (node != null) {
            throw new IllegalStateException("toInPlace: only leaf tensors can change type in place; this one was made by '"
                    + node.name() + "'");
        }
        if (dtype != dtype()) {
            storage = dtype == DType.FLOAT32 ? new Storage.F32(toFloatArray()) : new Storage.F64(toArray());
            if (grad != null) {
                grad = grad.to(dtype);
                gradOwned = true;
            }
            bumpVersion(); // a graph that saved this leaf would read the new storage
        }
        return this;
    }

    // ------------------------------------------------------------------ factories

    /** A tensor holding a copy of {@code data} with the given shape (a scalar when no dimensions). */
    public static Tensor of(double[] data, int... shape) {
        if (data == null) {
            throw new IllegalArgumentException("Tensor.of: data is null");
        }
        return create("Tensor.of", data.clone(), shape);
    }

    /**
     * A tensor that takes ownership of {@code data} without copying: later writes to the array
     * show through. For kernels, custom ops and loaders that built the array themselves.
     */
    public static Tensor wrap(double[] data, int... shape) {
        if (data == null) {
            throw new IllegalArgumentException("Tensor.wrap: data is null");
        }
        return create("Tensor.wrap", data, shape);
    }

    private static Tensor create(String op, double[] data, int[] shape) {
        checkFills(op, data.length, shape);
        return new Tensor(data, shape.clone(), null);
    }

    /** A leaf that owns {@code values} without copying (a scalar when no dimensions). */
    public static Tensor wrap(Storage values, int... shape) {
        Arguments.notNull(values, "Tensor.wrap", "values");
        checkFills("Tensor.wrap", values.length(), shape);
        return new Tensor(values, shape.clone(), null, new int[1]);
    }

    /** A float32 tensor holding a copy of {@code data} with the given shape (a scalar when no dimensions). */
    public static Tensor of(float[] data, int... shape) {
        if (data == null) {
            throw new IllegalArgumentException("Tensor.of: data is null");
        }
        return create("Tensor.of", data.clone(), shape);
    }

    /** {@link #wrap(double[], int...)} for float32: takes ownership of {@code data} without copying. */
    public static Tensor wrap(float[] data, int... shape) {
        if (data == null) {
            throw new IllegalArgumentException("Tensor.wrap: data is null");
        }
        return create("Tensor.wrap", data, shape);
    }

    private static Tensor create(String op, float[] data, int[] shape) {
        checkFills(op, data.length, shape);
        return new Tensor(data, shape.clone(), null);
    }

    private static void checkFills(String op, int length, int[] shape) {
        int size = sizeOf(op, shape);
        if (length != size) {
            throw new IllegalArgumentException(op + ": " + length + " values do not fill shape "
                    + Shapes.str(shape) + " of size " + size);
        }
    }

    /** {@link Shapes#size} with the calling factory's name in the error. */
    private static int sizeOf(String op, int[] shape) {
        if (shape == null) {
            throw new IllegalArgumentException(op + ": shape is null");
        }
        try {
            return Shapes.size(shape);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(op + ": " + e.getMessage(), e);
        }
    }

    /** A 0-dimensional tensor of the default type. */
    public static Tensor scalar(double value) {
        return scalar(value, defaultDtype);
    }

    /** A 0-dimensional tensor of the given type ({@code value} rounded to it). */
    public static Tensor scalar(double value, DType dtype) {
        return full(value, Arguments.notNull(dtype, "scalar", "dtype"));
    }

    /** All zeros, of the default type. */
    public static Tensor zeros(int... shape) {
        return zeros(defaultDtype, shape);
    }

    /** All zeros, of the given type. */
    public static Tensor zeros(DType dtype, int... shape) {
        int size = sizeOf("zeros", shape);
        return Arguments.notNull(dtype, "zeros", "dtype") == DType.FLOAT64
                ? new Tensor(new double[size], shape.clone(), null)
                : new Tensor(new float[size], shape.clone(), null);
    }

    /** All ones, of the default type. */
    public static Tensor ones(int... shape) {
        return filled("ones", 1.0, defaultDtype, shape);
    }

    /** All ones, of the given type. */
    public static Tensor ones(DType dtype, int... shape) {
        return filled("ones", 1.0, dtype, shape);
    }

    /** Every element equal to {@code value}, of the default type. */
    public static Tensor full(double value, int... shape) {
        return filled("full", value, defaultDtype, shape);
    }

    /** Every element equal to {@code value} rounded to the given type. */
    public static Tensor full(double value, DType dtype, int... shape) {
        return filled("full", value, dtype, shape);
    }

    private static Tensor filled(String op, double value, DType dtype, int[] shape) {
        int size = sizeOf(op, shape);
        if (Arguments.notNull(dtype, op, "dtype") == DType.FLOAT32) {
            float[] values = new float[size];
            Arrays.fill(values, (float) value);
            return new Tensor(values, shape.clone(), null);
        }
        double[] values = new double[size];
        Arrays.fill(values, value);
        return new Tensor(values, shape.clone(), null);
    }

    /** {@code [0, 1, ..., n - 1]}, of the default type. PyTorch: {@code torch.arange(n)}. */
    public static Tensor arange(int n) {
        if (n < 0) {
            throw new IllegalArgumentException("arange: n = " + n + " is negative");
        }
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            values[i] = i;
        }
        return wrap(values, n).to(defaultDtype);
    }

    /** Independent draws from U[0, 1), of the default type. */
    public static Tensor rand(RandomGenerator random, int... shape) {
        return rand(random, defaultDtype, shape);
    }

    /**
     * Independent draws from U[0, 1) of the given type: {@code nextDouble()} for float64,
     * {@code nextFloat()} for float32 (rounding a double could give 1).
     */
    public static Tensor rand(RandomGenerator random, DType dtype, int... shape) {
        Arguments.notNull(random, "rand", "random");
        int size = sizeOf("rand", shape);
        if (Arguments.notNull(dtype, "rand", "dtype") == DType.FLOAT32) {
            float[] values = new float[size];
            for (int i = 0; i < values.length; i++) {
                values[i] = random.nextFloat();
            }
            return new Tensor(values, shape.clone(), null);
        }
        double[] values = new double[size];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextDouble();
        }
        return new Tensor(values, shape.clone(), null);
    }

    /** Independent draws from the standard normal distribution, of the default type. */
    public static Tensor randn(RandomGenerator random, int... shape) {
        return randn(random, defaultDtype, shape);
    }

    /** Independent draws from the standard normal distribution ({@code nextGaussian()} rounded to the type). */
    public static Tensor randn(RandomGenerator random, DType dtype, int... shape) {
        Arguments.notNull(random, "randn", "random");
        int size = sizeOf("randn", shape);
        if (Arguments.notNull(dtype, "randn", "dtype") == DType.FLOAT32) {
            float[] values = new float[size];
            for (int i = 0; i < values.length; i++) {
                values[i] = (float) random.nextGaussian();
            }
            return new Tensor(values, shape.clone(), null);
        }
        double[] values = new double[size];
        for (int i = 0; i < values.length; i++) {
            values[i] = random.nextGaussian();
        }
        return new Tensor(values, shape.clone(), null);
    }

    /**
     * Records the result of a primitive: a tensor that owns {@code values}, and, when grad mode is on
     * and some input requires grad, a graph node whose {@code derivative} maps the output gradient to
     * the input gradients. Every primitive in {@code org.equireg.core.ops} is built on this; so is a
     * custom op (name it with an enum implementing {@link Primitive}, and write its derivative as a
     * formula over differentiable tensor ops, so that it can be differentiated again).
     *
     * @param op the primitive's identity, named in errors and anomaly reports
     * @throws IllegalArgumentException when {@code values} does not hold one value per element of {@code shape}
     */
    public static Tensor fromOp(Primitive op, Storage values, int[] shape, Derivative derivative, Tensor... inputs) {
        Arguments.notNull(op, "fromOp", "op");
        Arguments.notNull(values, "fromOp", "values");
        String name = op.opName();
        if (values.length() != sizeOf(name, shape)) {
            throw new IllegalArgumentException(name + ": data length " + values.length() + " does not match shape "
                    + Shapes.str(shape));
        }
        boolean anomaly = Anomaly.isEnabled();
        if (anomaly) {
            Anomaly.checkForward(name, values);
        }
        if (!GradMode.isEnabled() || !anyRequiresGrad(inputs)) {
            return new Tensor(values, shape.clone(), null, versionOfView(values, inputs));
        }
        Throwable createdAt = anomaly ? new Throwable("op '" + name + "' was created here") : null;
        Node node = new Node(op, inputs.clone(), Arguments.notNull(derivative, "fromOp", "derivative"), createdAt);
        return new Tensor(values, shape.clone(), node, versionOfView(values, inputs)); // the caller may reuse its arrays
    }

    /** {@link #fromOp(Primitive, Storage, int[], Derivative, Tensor...)} for float64 values. */
    public static Tensor fromOp(Primitive op, double[] data, int[] shape, Derivative derivative, Tensor... inputs) {
        return fromOp(op, new Storage.F64(Arguments.notNull(data, "fromOp", "data")), shape, derivative, inputs);
    }

    /** {@link #fromOp(Primitive, Storage, int[], Derivative, Tensor...)} for float32 values. */
    public static Tensor fromOp(Primitive op, float[] data, int[] shape, Derivative derivative, Tensor... inputs) {
        return fromOp(op, new Storage.F32(Arguments.notNull(data, "fromOp", "data")), shape, derivative, inputs);
    }

    /** A view (an output on an input's array, as reshape makes) shares that input's version; else a new one. */
    private static int[] versionOfView(Storage values, Tensor[] inputs) {
        for (Tensor input : inputs) {
            if (input.storage.sameArray(values)) {
                return input.version;
            }
        }
        return new int[1];
    }

    private static boolean anyRequiresGrad(Tensor[] inputs) {
        for (Tensor input : inputs) {
            if (input.requiresGrad()) {
                return true;
            }
        }
        return false;
    }

    // ------------------------------------------------------------------ accessors

    /** The dimensions (a copy). */
    public int[] shape() {
        return shape.clone();
    }

    /** Number of dimensions. */
    public int rank() {
        return shape.length;
    }

    /** Size of one dimension; negative axes count from the end. */
    public int dim(int axis) {
        return shape[Shapes.normalizeAxis("dim", axis, shape.length)];
    }

    /** Number of elements. */
    public int size() {
        return storage.length();
    }

    /** A copy of the values in row-major order, as doubles (exact for float32). */
    public double[] toArray() {
        if (storage instanceof Storage.F64 f64) {
            return f64.values().clone();
        }
        float[] floats = ((Storage.F32) storage).values();
        double[] values = new double[floats.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = floats[i];
        }
        return values;
    }

    /** A copy of the values in row-major order, as floats (float64 values rounded to nearest). */
    public float[] toFloatArray() {
        if (storage instanceof Storage.F32 f32) {
            return f32.values().clone();
        }
        double[] data = ((Storage.F64) storage).values();
        float[] values = new float[data.length];
        for (int i = 0; i < values.length; i++) {
            values[i] = (float) data[i];
        }
        return values;
    }

    /**
     * The values themselves, not a copy, for the kernel facades; the same warning as {@link #buffer()}
     * applies to writing through them.
     */
    public Storage storage() {
        return storage;
    }

    /**
     * The backing array of a float64 tensor itself, not a copy. For kernels and custom ops: whoever
     * writes to it must then call {@link #bumpVersion()}, so that a graph that saved this tensor
     * fails in backward instead of computing a gradient from the new values.
     *
     * @throws IllegalStateException for a float32 tensor (use {@link #floatBuffer()})
     */
    public double[] buffer() {
        if (!(storage instanceof Storage.F64 f64)) {
            throw new IllegalStateException("buffer: the tensor of shape " + Shapes.str(shape)
                    + " is float32; use floatBuffer(), or to(DType.FLOAT64) first");
        }
        return f64.values();
    }

    /**
     * The backing array of a float32 tensor itself, not a copy; the same warning as {@link #buffer()}.
     *
     * @throws IllegalStateException for a float64 tensor (use {@link #buffer()})
     */
    public float[] floatBuffer() {
        if (!(storage instanceof Storage.F32 f32)) {
            throw new IllegalStateException("floatBuffer: the tensor of shape " + Shapes.str(shape)
                    + " is float64; use buffer(), or to(DType.FLOAT32) first");
        }
        return f32.values();
    }

    /**
     * How many times the values were written in place (by an optimizer step, {@code loadStateDict},
     * an {@code Init.*InPlace} call, gradient clipping or accumulation, ...), shared with every view
     * of the same values ({@link #detach()}, {@link #reshape}). Each op records the versions of the
     * tensors its backward reads, and backward throws {@link IllegalStateException} when one changed.
     * PyTorch: {@code tensor._version}.
     */
    public int version() {
        return version[0];
    }

    /**
     * Records one write in place to the values (after writing through {@link #buffer()}); every
     * writer in the library calls it. Cheap and silent: only a later backward through a graph that
     * saved these values before the write fails.
     */
    public void bumpVersion() {
        version[0]++;
    }

    /** The name given by {@link #label(String)} (modules name their parameters and buffers), or {@code null}. */
    public String label() {
        return label;
    }

    /**
     * Names this tensor in error messages, as modules do with their state-dict keys ({@code "0.weight"}).
     * Returns this.
     */
    public Tensor label(String label) {
        this.label = Arguments.notNull(label, "label", "label");
        return this;
    }

    /** The only value of a one-element tensor. */
    public double item() {
        if (size() != 1) {
            throw new IllegalStateException("item: tensor of shape " + Shapes.str(shape) + " has " + size()
                    + " elements, not 1");
        }
        return valueAt(0);
    }

    /** The element at a full index; negative indices count from the end. */
    public double get(int... index) {
        if (index.length != shape.length) {
            throw new IllegalArgumentException("get: index " + Arrays.toString(index) + " has " + index.length
                    + " entries for a tensor of shape " + Shapes.str(shape));
        }
        int flat = 0;
        for (int axis = 0; axis < shape.length; axis++) {
            int i = index[axis] < 0 ? index[axis] + shape[axis] : index[axis];
            if (i < 0 || i >= shape[axis]) {
                throw new IllegalArgumentException("get: index " + Arrays.toString(index) + " is out of bounds for shape "
                        + Shapes.str(shape));
            }
            flat = flat * shape[axis] + i;
        }
        return valueAt(flat);
    }

    private double valueAt(int flat) {
        return storage instanceof Storage.F64 f64 ? f64.values()[flat] : ((Storage.F32) storage).values()[flat];
    }

    // ------------------------------------------------------------------ autodiff state

    /** Marks a leaf as a parameter whose gradient {@link #backward()} accumulates. Returns this. */
    public Tensor requiresGrad(boolean requiresGrad) {
        if (node != null) {
            throw new IllegalStateException("requiresGrad: only leaf tensors can change it; this one was made by '"
                    + node.op + "' (use detach() for a leaf copy)");
        }
        this.leafRequiresGrad = requiresGrad;
        return this;
    }

    /** True for a leaf marked with {@code requiresGrad(true)} and for every result computed from one. */
    public boolean requiresGrad() {
        return node != null || leafRequiresGrad;
    }

    /** True when this tensor was not produced by a recorded op. */
    public boolean isLeaf() {
        return node == null;
    }

    /** The name of the op that made this tensor, or {@code null} for a leaf. */
    public String op() {
        return node == null ? null : node.name();
    }

    /** The accumulated gradient of a leaf, or {@code null} before any backward (or after {@link #zeroGrad()}). */
    public Tensor grad() {
        return grad;
    }

    /** Forgets the accumulated gradient (PyTorch: {@code grad = None}). */
    public void zeroGrad() {
        grad = null;
    }

    /** The same values, cut from the graph: a new leaf that does not require grad (shares the buffer). */
    public Tensor detach() {
        return new Tensor(storage, shape, null, version);
    }

    /** A new leaf with a copy of the values. */
    public Tensor copy() {
        return new Tensor(Maps.copy(storage), shape, null, new int[1]);
    }

    /** Back-propagates from a one-element tensor with seed 1; releases the graph. */
    public void backward() {
        if (size() != 1) {
            throw new IllegalStateException("backward: output of shape " + Shapes.str(shape)
                    + " is not a scalar; pass a seed of the same shape to backward(seed)");
        }
        backward(Tensor.ones(dtype(), shape), false);
    }

    /** Back-propagates {@code seed} (the gradient of some scalar with respect to this tensor); releases the graph. */
    public void backward(Tensor seed) {
        backward(seed, false);
    }

    /** Back-propagates {@code seed}; keeps the graph for another backward when {@code retainGraph}. */
    public void backward(Tensor seed, boolean retainGraph) {
        backward(seed, retainGraph, false);
    }

    /**
     * Back-propagates {@code seed} into the leaves' gradients. With {@code createGraph} the gradients
     * carry a graph of their own (they can be differentiated again: gradient penalties, Hessian-vector
     * products) and the graph is kept, whatever {@code retainGraph} says. PyTorch:
     * {@code tensor.backward(gradient, retain_graph, create_graph)}; {@link Autograd#grad} returns
     * gradients without touching the leaves.
     */
    public void backward(Tensor seed, boolean retainGraph, boolean createGraph) {
        Arguments.notNull(seed, "backward", "seed");
        Autograd.backward(this, seed, retainGraph, createGraph);
    }

    Node node() {
        return node;
    }

    /**
     * Adds {@code increment}, already of this leaf's type and shape, to the gradient: in place into a
     * gradient of its own when no graph is being created, out of place (so the sum is differentiable)
     * when one is.
     */
    void accumulateGrad(Tensor increment, boolean createGraph) {
        if (createGraph) {
            grad = grad == null ? increment : grad.add(increment);
        } else if (grad == null) {
            grad = new Tensor(Maps.copy(increment.storage), shape, null, new int[1]);
            gradOwned = true;
        } else if (!gradOwned || grad.node != null) {
            try (GradMode.Scope ignored = GradMode.noGrad()) {
                grad = grad.add(increment).detach();
            }
            gradOwned = true;
        } else {
            Maps.addInPlace(grad.storage, increment.storage);
            grad.bumpVersion();
        }
    }

    /**
     * Makes {@code increment}'s array this leaf's gradient without copying it: for a leaf whose
     * gradient is unset, when the backward pass proves no one else can reach the array.
     */
    void adoptGrad(Tensor increment) {
        grad = new Tensor(increment.storage, shape, null, new int[1]);
        gradOwned = true;
    }

    // ------------------------------------------------------------------ elementwise arithmetic

    /** {@code this + other}, broadcast. */
    public Tensor add(Tensor other) {
        return Add.apply(this, Arguments.notNull(other, "add", "other"));
    }

    /** {@code this + value}. */
    public Tensor add(double value) {
        return Add.apply(this, scalar(value, dtype()));
    }

    /** {@code this - other}, broadcast. */
    public Tensor sub(Tensor other) {
        return Sub.apply(this, Arguments.notNull(other, "sub", "other"));
    }

    /** {@code this - value}. */
    public Tensor sub(double value) {
        return Sub.apply(this, scalar(value, dtype()));
    }

    /** {@code this * other}, elementwise, broadcast. */
    public Tensor mul(Tensor other) {
        return Mul.apply(this, Arguments.notNull(other, "mul", "other"));
    }

    /** {@code this * value}. */
    public Tensor mul(double value) {
        return Mul.apply(this, scalar(value, dtype()));
    }

    /** {@code this / other}, elementwise, broadcast. */
    public Tensor div(Tensor other) {
        return Div.apply(this, Arguments.notNull(other, "div", "other"));
    }

    /** {@code this / value}. */
    public Tensor div(double value) {
        return Div.apply(this, scalar(value, dtype()));
    }

    /** {@code -this}. */
    public Tensor neg() {
        return Neg.apply(this);
    }

    /** {@code this ^ exponent} elementwise. */
    public Tensor pow(double exponent) {
        return Pow.apply(this, exponent);
    }

    /** e^x. */
    public Tensor exp() {
        return Exp.apply(this);
    }

    /** Natural logarithm. */
    public Tensor log() {
        return Log.apply(this);
    }

    /** log(1 + x), accurate for small x. */
    public Tensor log1p() {
        return Log1p.apply(this);
    }

    /** Square root. */
    public Tensor sqrt() {
        return Sqrt.apply(this);
    }

    /** |x|; the derivative at 0 is 0. */
    public Tensor abs() {
        return Abs.apply(this);
    }

    /** Hyperbolic tangent. */
    public Tensor tanh() {
        return Tanh.apply(this);
    }

    /** max(x, 0); the derivative at 0 is 0. */
    public Tensor relu() {
        return Relu.apply(this);
    }

    /** 1 / (1 + e^-x). */
    public Tensor sigmoid() {
        return Sigmoid.apply(this);
    }

    /**
     * {@code x} where x &gt; 0, else {@code slope * x}; the derivative at 0 is {@code slope}.
     * PyTorch: {@code torch.nn.functional.leaky_relu}.
     */
    public Tensor leakyRelu(double slope) {
        return where(gt(0.0), this, mul(slope));
    }

    /**
     * log(1 + e^x), and x itself above 20 as PyTorch does ({@code torch.nn.functional.softplus},
     * beta 1, threshold 20). The clamp keeps the unused branch's gradient finite.
     */
    public Tensor softplus() {
        return where(gt(20.0), this, clamp(Double.NEGATIVE_INFINITY, 20.0).exp().log1p());
    }

    /** Elementwise clamp into {@code [min, max]}; the gradient passes where min &lt;= x &lt;= max. */
    public Tensor clamp(double min, double max) {
        return Clamp.apply(this, min, max);
    }

    /** Elementwise maximum, broadcast; ties split the gradient in half. */
    public Tensor maximum(Tensor other) {
        return Maximum.apply(this, Arguments.notNull(other, "maximum", "other"));
    }

    /** Elementwise minimum, broadcast: {@code -maximum(-a, -b)}; ties split the gradient in half. */
    public Tensor minimum(Tensor other) {
        Shapes.broadcast("minimum", shape, Arguments.notNull(other, "minimum", "other").shape); // so that an error names minimum, not maximum
        return Maximum.apply(neg(), other.neg()).neg();
    }

    /**
     * {@code condition ? whenTrue : whenFalse} elementwise, all three broadcast; {@code condition}
     * is a mask (non-zero means true) and gets no gradient. PyTorch: {@code torch.where}.
     */
    public static Tensor where(Tensor condition, Tensor whenTrue, Tensor whenFalse) {
        return Where.apply(condition, whenTrue, whenFalse);
    }

    // ------------------------------------------------------------------ comparisons (masks, no gradient)

    /** 1 where {@code this > value}, else 0. */
    public Tensor gt(double value) {
        return Compare.apply("gt", this, scalar(value, dtype()), Maps.Comparison.GREATER);
    }

    /** 1 where {@code this > other} (broadcast), else 0. */
    public Tensor gt(Tensor other) {
        return Compare.apply("gt", this, Arguments.notNull(other, "gt", "other"), Maps.Comparison.GREATER);
    }

    /** 1 where {@code this < value}, else 0. */
    public Tensor lt(double value) {
        return Compare.apply("lt", this, scalar(value, dtype()), Maps.Comparison.LESS);
    }

    /** 1 where {@code this < other} (broadcast), else 0. */
    public Tensor lt(Tensor other) {
        return Compare.apply("lt", this, Arguments.notNull(other, "lt", "other"), Maps.Comparison.LESS);
    }

    /** 1 where {@code this == other} (broadcast), else 0. */
    public Tensor eq(Tensor other) {
        return Compare.apply("eq", this, Arguments.notNull(other, "eq", "other"), Maps.Comparison.EQUAL);
    }

    // ------------------------------------------------------------------ reductions

    /** Sum of all elements, a scalar. */
    public Tensor sum() {
        return Sum.all(this);
    }

    /** Sum along one axis, keeping it as size 1 when {@code keepDim}. */
    public Tensor sum(int axis, boolean keepDim) {
        if (scalarAxis("sum", axis)) {
            return reshape(1).sum(0, false);
        }
        return Sum.axis(this, axis, keepDim);
    }

    /** Mean of all elements, a scalar (NaN for an empty tensor, as in PyTorch). */
    public Tensor mean() {
        return sum().div(size());
    }

    /** Mean along one axis. */
    public Tensor mean(int axis, boolean keepDim) {
        if (scalarAxis("mean", axis)) {
            return reshape(1).mean(0, false);
        }
        int a = Shapes.normalizeAxis("mean", axis, rank());
        return sum(a, keepDim).div(shape[a]);
    }

    /** Largest element, a scalar; ties share the gradient evenly (PyTorch: {@code amax}). */
    public Tensor max() {
        return Max.all(this);
    }

    /** Largest element along one axis; ties share the gradient evenly (PyTorch: {@code amax}). */
    public Tensor max(int axis, boolean keepDim) {
        if (scalarAxis("max", axis)) {
            return reshape(1).max(0, false);
        }
        return Max.axis(this, axis, keepDim);
    }

    /** Smallest element, a scalar: {@code -max(-x)}. */
    public Tensor min() {
        if (size() == 0) {
            throw new IllegalArgumentException("min: cannot reduce the empty tensor of shape " + Shapes.str(shape));
        }
        return neg().max().neg();
    }

    /** Smallest element along one axis: {@code -max(-x)}. */
    public Tensor min(int axis, boolean keepDim) {
        if (scalarAxis("min", axis)) {
            return reshape(1).min(0, false);
        }
        int a = Shapes.normalizeAxis("min", axis, rank());
        if (shape[a] == 0) {
            throw new IllegalArgumentException("min: cannot reduce the empty axis " + axis + " of shape " + Shapes.str(shape));
        }
        return neg().max(a, keepDim).neg();
    }

    /**
     * log(sum(exp(x))) along an axis, stable: {@code m + log(sum(exp(x - m)))} with m the detached
     * maximum (the gradient does not depend on m), or 0 where that maximum is infinite, so a row of
     * -infinity gives -infinity and a row holding +infinity gives +infinity (as PyTorch).
     */
    public Tensor logSumExp(int axis, boolean keepDim) {
        if (scalarAxis("logSumExp", axis)) {
            return reshape(1).logSumExp(0, false);
        }
        int a = Shapes.normalizeAxis("logSumExp", axis, rank());
        Tensor max = shift(a);
        max = where(max.abs().eq(scalar(Double.POSITIVE_INFINITY, dtype())), scalar(0, dtype()), max);
        Tensor result = sub(max).exp().sum(a, true).log().add(max);
        return keepDim ? result : result.squeeze(a);
    }

    /** p-norm of all elements, p in [1, infinity]; its gradient at 0 is 0. */
    public Tensor norm(double p) {
        return Norm.all(this, p);
    }

    /** p-norm along one axis, p in [1, infinity]. */
    public Tensor norm(double p, int axis, boolean keepDim) {
        if (scalarAxis("norm", axis)) {
            return reshape(1).norm(p, 0, false);
        }
        return Norm.axis(this, p, axis, keepDim);
    }

    /**
     * Cumulative sum along an axis, {@code y[k] = x[0] + ... + x[k]}, same shape; added in index order,
     * so the result is the same on every path. PyTorch: {@code torch.cumsum}.
     */
    public Tensor cumsum(int axis) {
        return CumSum.apply(this, axis);
    }

    /** Index of the largest element along an axis (first on ties), as a tensor of whole numbers; no gradient. */
    public Tensor argmax(int axis) {
        if (scalarAxis("argmax", axis)) {
            return reshape(1).argmax(0);
        }
        return Max.argmax(this, axis);
    }

    /** {@code exp(x - max) / sum(exp(x - max))} along an axis. PyTorch: {@code torch.softmax}. */
    public Tensor softmax(int axis) {
        if (scalarAxis("softmax", axis)) {
            return reshape(1).softmax(0).reshape();
        }
        int a = Shapes.normalizeAxis("softmax", axis, rank()); // so that an error names softmax, not max
        Tensor shifted = sub(shift(a)).exp();
        return shifted.div(shifted.sum(axis, true));
    }

    /**
     * {@code (x - max) - log(sum(exp(x - max)))} along an axis, with the max detached. Subtracting
     * the max first keeps large logits exact (x - logSumExp(x) would lose the low bits of the sum).
     * PyTorch: {@code torch.log_softmax}.
     */
    public Tensor logSoftmax(int axis) {
        if (scalarAxis("logSoftmax", axis)) {
            return reshape(1).logSoftmax(0).reshape();
        }
        int a = Shapes.normalizeAxis("logSoftmax", axis, rank());
        Tensor shifted = sub(shift(a));
        return shifted.sub(shifted.exp().sum(a, true).log());
    }

    /**
     * The detached max along axis {@code a}, kept, which softmax, logSoftmax and logSumExp subtract
     * first; on an empty axis, which has no max and nothing to shift, 0, so that those return an
     * empty tensor, an empty tensor and -infinity (the log of an empty sum), as PyTorch does.
     */
    private Tensor shift(int a) {
        return shape[a] == 0 ? scalar(0, dtype()) : max(a, true).detach();
    }

    /**
     * True for a 0-d tensor when {@code axis} is 0 or -1, which PyTorch accepts as naming its one
     * position ({@code x.sum(0)} on a scalar): the op then runs on this tensor as shape [1] and its
     * result is 0-d, keepDim or not. False for a tensor with axes.
     *
     * @throws IllegalArgumentException for any other axis of a 0-d tensor
     */
    private boolean scalarAxis(String op, int axis) {
        if (rank() != 0) {
            return false;
        }
        if (axis != 0 && axis != -1) {
            throw new IllegalArgumentException(op + ": axis " + axis + " is out of range for a 0-d tensor (PyTorch"
                    + " accepts 0 or -1 there)");
        }
        return true;
    }

    // ------------------------------------------------------------------ linear algebra

    /**
     * Matrix product with PyTorch's rules: 1-D x 1-D is a dot product, a 1-D operand is promoted to
     * a matrix and the added dimension removed afterwards, and leading (batch) dimensions broadcast.
     */
    public Tensor matmul(Tensor other) {
        if (rank() == 0 || Arguments.notNull(other, "matmul", "other").rank() == 0) {
            throw new IllegalArgumentException("matmul: both operands need at least one dimension, got "
                    + Shapes.str(shape) + " and " + Shapes.str(other.shape));
        }
        int rightInner = other.rank() == 1 ? other.shape[0] : other.shape[other.rank() - 2];
        if (shape[rank() - 1] != rightInner) { // checked before the promotion, to quote the caller's shapes
            throw new IllegalArgumentException("matmul: inner dimensions differ: " + Shapes.str(shape) + " @ "
                    + Shapes.str(other.shape));
        }
        Tensor left = rank() == 1 ? unsqueeze(0) : this;
        Tensor right = other.rank() == 1 ? other.unsqueeze(1) : other;
        Tensor product = MatMul.apply(left, right);
        if (rank() == 1) {
            product = product.squeeze(-2);
        }
        if (other.rank() == 1) {
            product = product.squeeze(-1);
        }
        return product;
    }

    /**
     * The affine map of a dense layer, {@code x W^T + b} over the last axis: this (..., in), weight
     * (out, in), bias (out) or null, result (..., out); a 1-D input (in) gives (out). One fused
     * product: W is never transposed in memory. PyTorch: {@code torch.nn.functional.linear}.
     */
    public Tensor linear(Tensor weight, Tensor bias) {
        return Linear.apply(this, weight, bias);
    }

    /**
     * 2-D convolution (cross-correlation) of {@code (batch, inChannels, height, width)} input with
     * {@code (outChannels, inChannels / groups, kH, kW)} weight and optional {@code (outChannels)} bias.
     * PyTorch: {@code torch.nn.functional.conv2d}.
     */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding, int dilation, int groups) {
        return Conv2d.apply(this, weight, bias, stride, padding, dilation, groups);
    }

    /** {@link #conv2d(Tensor, Tensor, int, int, int, int)} with dilation 1 and one group. */
    public Tensor conv2d(Tensor weight, Tensor bias, int stride, int padding) {
        return conv2d(weight, bias, stride, padding, 1, 1);
    }

    /** Max pooling over {@code (batch, channels, height, width)}; ties send the gradient to the first maximum. */
    public Tensor maxPool2d(int kernel, int stride, int padding) {
        return MaxPool2d.apply(this, kernel, stride, padding);
    }

    /** Average pooling over {@code (batch, channels, height, width)}; padding counts as zeros in the average. */
    public Tensor avgPool2d(int kernel, int stride, int padding) {
        return AvgPool2d.apply(this, kernel, stride, padding);
    }

    // ------------------------------------------------------------------ shape and movement

    /** Same values in a new shape of the same size; one dimension may be -1 and is inferred. */
    public Tensor reshape(int... newShape) {
        return Reshape.apply(this, newShape);
    }

    /** All dimensions merged into one. */
    public Tensor flatten() {
        return reshape(size());
    }

    /** Dimensions {@code startAxis..endAxis} (inclusive) merged into one. PyTorch: {@code torch.flatten}. */
    public Tensor flatten(int startAxis, int endAxis) {
        int start = Shapes.normalizeAxis("flatten", startAxis, Math.max(rank(), 1));
        int end = Shapes.normalizeAxis("flatten", endAxis, Math.max(rank(), 1));
        if (rank() == 0) {
            return reshape(1);
        }
        if (start > end) {
            throw new IllegalArgumentException("flatten: startAxis " + startAxis + " comes after endAxis " + endAxis);
        }
        int[] merged = new int[rank() - (end - start)];
        int m = 0;
        for (int axis = 0; axis < start; axis++) {
            merged[m++] = shape[axis];
        }
        merged[m++] = Shapes.mergedDimension("flatten", shape, start, end + 1);
        for (int axis = end + 1; axis < rank(); axis++) {
            merged[m++] = shape[axis];
        }
        return reshape(merged);
    }

    /** Reorders dimensions: output axis i is input axis {@code order[i]}. PyTorch: {@code permute}. */
    public Tensor permute(int... order) {
        return Permute.apply(this, order);
    }

    /** Swaps two axes. */
    public Tensor transpose(int axis0, int axis1) {
        if (scalarAxis("transpose", axis0) & scalarAxis("transpose", axis1)) { // not &&: both are checked
            return reshape();
        }
        int a = Shapes.normalizeAxis("transpose", axis0, rank());
        int b = Shapes.normalizeAxis("transpose", axis1, rank());
        int[] order = new int[rank()];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        order[a] = b;
        order[b] = a;
        return permute(order);
    }

    /** The matrix transpose of a 2-D tensor. */
    public Tensor transpose() {
        if (rank() != 2) {
            throw new IllegalArgumentException("transpose: needs a 2-D tensor, got shape " + Shapes.str(shape)
                    + "; use transpose(axis0, axis1)");
        }
        return transpose(0, 1);
    }

    /** Removes a dimension of size 1. */
    public Tensor squeeze(int axis) {
        if (scalarAxis("squeeze", axis)) {
            return reshape();
        }
        int a = Shapes.normalizeAxis("squeeze", axis, rank());
        if (shape[a] != 1) {
            throw new IllegalArgumentException("squeeze: axis " + axis + " has size " + shape[a] + ", not 1, in shape "
                    + Shapes.str(shape));
        }
        return reshape(Shapes.reduce(shape, a, false));
    }

    /** Inserts a dimension of size 1 so that it becomes axis {@code axis} of the result. */
    public Tensor unsqueeze(int axis) {
        int a = Shapes.normalizeAxis("unsqueeze", axis, rank() + 1);
        int[] expanded = new int[rank() + 1];
        for (int i = 0, j = 0; i < expanded.length; i++) {
            expanded[i] = i == a ? 1 : shape[j++];
        }
        return reshape(expanded);
    }

    /** Repeats along broadcast dimensions to the given shape. PyTorch: {@code expand}. */
    public Tensor broadcastTo(int... target) {
        return BroadcastTo.apply(this, target);
    }

    /**
     * Sums over the dimensions along which {@code shape} broadcasts to this tensor's shape: the adjoint
     * of {@link #broadcastTo}. PyTorch: {@code sum_to_size}.
     */
    public Tensor sumTo(int... shape) {
        return SumTo.apply(this, Arguments.notNull(shape, "sumTo", "shape"));
    }

    /** Joins tensors along an existing axis; all other dimensions must agree. */
    public static Tensor concat(int axis, Tensor... tensors) {
        return Concat.apply(axis, tensors);
    }

    /** Joins equally shaped tensors along a new axis: {@code concat} of {@code unsqueeze(axis)}. */
    public static Tensor stack(int axis, Tensor... tensors) {
        if (tensors.length == 0) {
            throw new IllegalArgumentException("stack: needs at least one tensor");
        }
        Shapes.normalizeAxis("stack", axis, tensors[0].rank() + 1);
        Tensor[] expanded = new Tensor[tensors.length];
        for (int i = 0; i < tensors.length; i++) {
            if (!Arrays.equals(tensors[i].shape, tensors[0].shape)) {
                throw new IllegalArgumentException("stack: tensor " + i + " has shape " + Shapes.str(tensors[i].shape)
                        + " but tensor 0 has " + Shapes.str(tensors[0].shape));
            }
            expanded[i] = tensors[i].unsqueeze(axis);
        }
        return concat(axis, expanded);
    }

    /** Elements {@code start, start + step, ...} before {@code end} along an axis (Python {@code x[start:end:step]}). */
    public Tensor slice(int axis, int start, int end, int step) {
        return Slice.apply(this, axis, start, end, step);
    }

    /** {@link #slice(int, int, int, int)} with step 1. */
    public Tensor slice(int axis, int start, int end) {
        return slice(axis, start, end, 1);
    }

    /** The entries at {@code indices} along an axis, in that order (repeats allowed). PyTorch: {@code index_select}. */
    public Tensor indexSelect(int axis, int... indices) {
        if (scalarAxis("indexSelect", axis) && indices != null) {
            if (indices.length != 1) {
                throw new IllegalArgumentException("indexSelect: a 0-d tensor takes exactly one index, got "
                        + Arrays.toString(indices));
            }
            return reshape(1).indexSelect(0, indices).reshape();
        }
        return IndexSelect.apply(this, axis, indices);
    }

    /**
     * {@code out[i][j][k] = this[i][index[i][j][k]][k]} for axis 1 (and likewise for any axis);
     * {@code index} holds whole numbers and has this tensor's rank. PyTorch: {@code torch.gather}.
     */
    public Tensor gather(int axis, Tensor index) {
        if (scalarAxis("gather", axis) && index != null && index.rank() == 0) {
            return reshape(1).gather(0, index.reshape(1)).reshape();
        }
        return Gather.apply(this, axis, index);
    }

    /**
     * Constant padding. {@code padding} lists (before, after) pairs starting from the last axis, as in
     * {@code torch.nn.functional.pad}: {@code {left, right, top, bottom}} pads the last two axes.
     * Negative amounts crop.
     */
    public Tensor pad(int[] padding, double value) {
        return Pad.apply(this, padding, value);
    }

    /** Cyclic shift by {@code shift} positions along an axis. PyTorch: {@code torch.roll}. */
    public Tensor roll(int shift, int axis) {
        return Roll.apply(this, shift, axis);
    }

    /** Reverses the order of elements along the given axes. PyTorch: {@code torch.flip}. */
    public Tensor flip(int... axes) {
        if (rank() == 0 && axes != null && axes.length > 0) {
            int[] onlyAxis = new int[axes.length];
            for (int axis : axes) {
                scalarAxis("flip", axis);
            }
            return reshape(1).flip(onlyAxis).reshape(); // repeated axes fail there, as in PyTorch
        }
        return Flip.apply(this, axes);
    }

    /**
     * Rotation by {@code k} quarter turns in the plane of two axes, from {@code axis0} towards
     * {@code axis1}, as {@code torch.rot90}: k = 1 is {@code flip(axis1)} then transpose.
     */
    public Tensor rot90(int k, int axis0, int axis1) {
        int a = Shapes.normalizeAxis("rot90", axis0, rank());
        int b = Shapes.normalizeAxis("rot90", axis1, rank());
        if (a == b) {
            throw new IllegalArgumentException("rot90: the two axes must differ, got " + axis0 + " and " + axis1);
        }
        int turns = Math.floorMod(k, 4);
        return turns == 0 ? mul(1.0) // a new tensor, as torch.rot90 returns; times one is exact
                : Rot90.apply(this, turns, a, b);
    }

    // ------------------------------------------------------------------ printing

    /** Shape and values, like {@code tensor([[1.0, 2.0], [3.0, 4.0]], shape=[2, 2])}; abbreviated when large. */
    @Override
    public String toString() {
        StringBuilder text = new StringBuilder("tensor(");
        if (shape.length == 0) {
            appendValue(text, 0);
        } else {
            appendNested(text, 0, 0);
        }
        text.append(", shape=").append(Shapes.str(shape));
        if (dtype() == DType.FLOAT32) {
            text.append(", dtype=float32");
        }
        if (node != null) {
            text.append(", op=").append(node.name());
        } else if (leafRequiresGrad) {
            text.append(", requiresGrad=true");
        }
        return text.append(')').toString();
    }

    private void appendNested(StringBuilder text, int axis, int offset) {
        int length = shape[axis];
        int stride = Shapes.inner(shape, axis);
        boolean abbreviate = size() > PRINT_LIMIT && length > 6;
        text.append('[');
        for (int i = 0; i < length; i++) {
            if (abbreviate && i == 3) {
                text.append("..., ");
                i = length - 3;
            }
            if (axis == shape.length - 1) {
                appendValue(text, offset + i);
            } else {
                appendNested(text, axis + 1, offset + i * stride);
            }
            if (i < length - 1) {
                text.append(", ");
            }
        }
        text.append(']');
    }

    private void appendValue(StringBuilder text, int index) {
        if (storage instanceof Storage.F64 f64) {
            text.append(f64.values()[index]);
        } else {
            text.append(((Storage.F32) storage).values()[index]);
        }
    }
}
