package org.equireg.core;

/**
 * Whether ops record the autodiff graph on the current thread.
 *
 * <pre>{@code
 * try (var scope = GradMode.noGrad()) {
 *     Tensor y = model.forward(x);   // no graph, no saved tensors
 * }
 * }</pre>
 *
 * PyTorch: {@code torch.no_grad()} / {@code torch.enable_grad()}. The mode is thread-local, so one
 * thread evaluating under {@code noGrad} does not affect another thread that trains.
 */
public final class GradMode {
    private static final ThreadLocal<boolean[]> ENABLED = ThreadLocal.withInitial(() -> new boolean[] {true});

    private GradMode() {
    }

    /** True when ops on this thread record the graph (the default). */
    public static boolean isEnabled() {
        return ENABLED.get()[0];
    }

    /** Disables graph recording on this thread until the returned scope is closed. */
    public static Scope noGrad() {
        return set(false);
    }

    /** Enables graph recording on this thread (inside a {@link #noGrad()} block, say) until closed. */
    public static Scope enableGrad() {
        return set(true);
    }

    private static Scope set(boolean enabled) {
        boolean[] flag = ENABLED.get();
        Scope scope = new Scope(flag, flag[0]);
        flag[0] = enabled;
        return scope;
    }

    /** Restores the previous grad mode of its thread when closed; scopes nest. */
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
}
