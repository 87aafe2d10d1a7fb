package org.equireg.core.kernels;

import java.lang.System.Logger.Level;
import java.util.function.IntSupplier;

/**
 * The one switch between the Vector API kernels and their scalar twins, decided once per JVM.
 *
 * <p>The vector path is taken when the module {@code jdk.incubator.vector} is resolved at run time
 * (the JVM was started with {@code --add-modules jdk.incubator.vector}), the system property
 * {@code equireg.simd} is not {@code false}, and the preferred vector shape holds at least two
 * doubles. Otherwise every kernel runs its scalar twin. The choice and its reason are logged once,
 * at DEBUG ({@code java.util.logging}: FINE), through {@link System.Logger} under the name
 * {@code org.equireg.core.kernels}: a library does not write to a user's console unless asked, and
 * {@code org.equireg.core.Kernels#describe()} gives the same facts to anyone who wants them.
 *
 * <p>No class of {@code jdk.incubator.vector} is touched unless the module is resolved: the vector
 * kernels live in their own classes ({@code Vector*}), which the JVM loads only when a facade first
 * calls them, and a facade calls them only when {@link #vectorized()} is true.
 */
public final class Simd {
    /** The system property that, set to {@code false}, forces the scalar path. */
    public static final String PROPERTY = "equireg.simd";

    static final String MODULE = "jdk.incubator.vector";

    /** Which kernels run, and why; a value computed once. */
    record Choice(boolean vectorized, int lanes, String reason) {
        String logLine() {
            // float32 vectors of the same width hold twice the lanes: one shape, two element types.
            return vectorized
                    ? "equireg kernels: Vector API, " + lanes * Double.SIZE + "-bit vectors (" + lanes + " doubles, "
                            + 2 * lanes + " floats) (" + reason + ")"
                    : "equireg kernels: scalar (" + reason + ")";
        }
    }

    // Read by every facade; a static final boolean lets the JIT fold the branch away.
    static final boolean VECTORIZED;
    private static final Choice CHOICE;

    static {
        CHOICE = choose();
        VECTORIZED = CHOICE.vectorized();
        System.getLogger("org.equireg.core.kernels").log(Level.DEBUG, CHOICE.logLine());
    }

    private Simd() {
    }

    /** True when the Vector API kernels run; false when the scalar twins run. */
    public static boolean vectorized() {
        return VECTORIZED;
    }

    /** Doubles per vector on the vector path; 1 on the scalar path. */
    public static int lanes() {
        return CHOICE.lanes();
    }

    /** Why this path was chosen, e.g. {@code "-Dequireg.simd=false"}. */
    public static String reason() {
        return CHOICE.reason();
    }

    private static Choice choose() {
        boolean resolved = ModuleLayer.boot().findModule(MODULE).isPresent();
        // The lambda is the first touch of jdk.incubator.vector; decide calls it only when the module is resolved.
        return decide(System.getProperty(PROPERTY), resolved, () -> VectorShape.LANES);
    }

    /**
     * The decision itself, a function of its inputs so that tests can try every case.
     *
     * @param property the value of {@code equireg.simd}, or null when unset
     * @param moduleResolved whether {@code jdk.incubator.vector} is in the boot layer
     * @param lanes doubles per preferred vector; called only when the first two inputs allow the vector path
     */
    static Choice decide(String property, boolean moduleResolved, IntSupplier lanes) {
        if ("false".equalsIgnoreCase(property)) {
            return new Choice(false, 1, "-D" + PROPERTY + "=false");
        }
        if (!moduleResolved) {
            return new Choice(false, 1, MODULE + " is not resolved; start the JVM with --add-modules " + MODULE);
        }
        int vectorLanes;
        try {
            vectorLanes = lanes.getAsInt();
        } catch (LinkageError e) {
            return new Choice(false, 1, MODULE + " is resolved but failed to load: " + e);
        }
        if (vectorLanes < 2) {
            return new Choice(false, 1, "the preferred vector shape holds only " + vectorLanes + " double");
        }
        return new Choice(true, vectorLanes, MODULE + " is resolved and -D" + PROPERTY + " is not false");
    }
}
