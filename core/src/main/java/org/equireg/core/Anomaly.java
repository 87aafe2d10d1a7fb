package org.equireg.core;

/**
 * Anomaly detection, like {@code torch.autograd.detect_anomaly}: while on (per thread), every op
 * records where it was created, and the first op whose forward output or input gradient holds NaN
 * or infinity throws {@link ArithmeticException} naming the op and that place.
 *
 * <p>Off by default; when off it costs one thread-local read per recorded op.
 */
public final class Anomaly {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[1]);
    /** Set while the engine runs derivative rules: their ops' outputs are gradients, checked per node instead. */
    private static final ThreadLocal<boolean[]> IN_BACKWARD = ThreadLocal.withInitial(() -> new boolean[1]);

    private Anomaly() {
    }

    /** True when anomaly detection is on for this thread. */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Turns anomaly detection on for this thread until the returned scope is closed. */
    public static Scope detect() {
        boolean[] flag = ENABLED.get();
        Scope scope = new Scope(flag, flag[0]);
        flag[0] = true;
        return scope;
    }

    /**
     * Marks this thread as running derivative rules until the scope is closed: the forward check is
     * then skipped, so that a non-finite gradient is reported once, as the backward of the op whose
     * rule produced it, with that op's creation site.
     */
    static Scope backwardPass() {
        boolean[] flag = IN_BACKWARD.get();
        Scope scope = new Scope(flag, flag[0]);
        flag[0] = true;
        return scope;
    }

    /** Restores the previous anomaly mode of its thread when closed. */
    public static final class Scope implements AutoCloseable {
        private final boolean[] flag;
        private final boolean previous;

        private Scope(boolean[] flag, boolean previous) {
            this.flag = flag;
            this.previous = previous;
        }

        @Override
        public void close() {
            flag[0] = previous;
        }
    }

    static void checkForward(String op, Storage storage) {
        if (IN_BACKWARD.get()[0]) {
            return;
        }
        if (storage instanceof Storage.F32 f32) {
            checkForward(op, f32.values());
            return;
        }
        double[] values = ((Storage.F64) storage).values();
        int bad = firstNonFinite(values);
        if (bad >= 0) {
            throw new ArithmeticException("anomaly: op '" + op + "' produced " + values[bad]
                    + " at flat index " + bad + " in its forward output");
        }
    }

    private static void checkForward(String op, float[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Float.isFinite(values[i])) {
                throw new ArithmeticException("anomaly: op '" + op + "' produced " + values[i]
                        + " at flat index " + i + " in its forward output");
            }
        }
    }

    static void checkGradient(Node node, int inputIndex, Tensor grad) {
        if (node.createdAt == null) {
            return;
        }
        double[] values = grad.dtype() == DType.FLOAT64 ? grad.buffer() : grad.toArray(); // a copy only in anomaly mode
        int bad = firstNonFinite(values);
        if (bad >= 0) {
            ArithmeticException error = new ArithmeticException("anomaly: backward of op '" + node.name() + "' produced "
                    + values[bad] + " at flat index " + bad + " of the gradient of input " + inputIndex
                    + "; the op was created at the place in this exception's cause");
            error.initCause(node.createdAt);
            throw error;
        }
    }

    private static int firstNonFinite(double[] values) {
        for (int i = 0; i < values.length; i++) {
            if (!Double.isFinite(values[i])) {
                return i;
            }
        }
        return -1;
    }
}
