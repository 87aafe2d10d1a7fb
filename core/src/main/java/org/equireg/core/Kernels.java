package org.equireg.core;

import org.equireg.core.kernels.Parallel;
import org.equireg.core.kernels.Simd;

/**
 * Which kernels this JVM runs, for applications that want to log it or assert it in their own tests:
 * <pre>{@code
 * assertTrue(Kernels.vectorized(), Kernels.describe());   // fails when --add-modules jdk.incubator.vector is missing
 * }</pre>
 *
 * <p>The choice is made once per JVM, on first use: the Vector API kernels run when the module
 * {@code jdk.incubator.vector} is resolved ({@code --add-modules jdk.incubator.vector}) and
 * {@code -Dequireg.simd} is not {@code false}; otherwise their scalar twins run, which give the same
 * bits, several times slower. Heavy kernels (matrix products, convolutions) use {@link #threads()}
 * threads ({@code -Dequireg.threads}, default: available processors); results do not depend on it.
 * The same facts are logged once, at DEBUG ({@code java.util.logging}: FINE), by the {@link System.Logger}
 * {@code org.equireg.core.kernels}; nothing is logged at the default levels.
 */
public final class Kernels {
    private Kernels() {
    }

    /** True when the Vector API kernels run, false when their scalar twins run. */
    public static boolean vectorized() {
        return Simd.vectorized();
    }

    /** Doubles per vector on the vector path (8 with 512-bit vectors, 4 with 256-bit ones); 1 on the scalar path. */
    public static int doublesPerVector() {
        return Simd.lanes();
    }

    /** Floats per vector on the vector path (16 with 512-bit vectors, 8 with 256-bit ones); 1 on the scalar path. */
    public static int floatsPerVector() {
        return Simd.vectorized() ? vectorBits() / Float.SIZE : 1;
    }

    /** Bits per vector on the vector path (512, 256, 128); 0 on the scalar path. */
    public static int vectorBits() {
        return Simd.vectorized() ? Simd.lanes() * Double.SIZE : 0;
    }

    /** Threads the heavy kernels use when called from this thread. */
    public static int threads() {
        return Parallel.threads();
    }

    /** Why the vector or the scalar path was chosen, e.g. {@code "-Dequireg.simd=false"}. */
    public static String reason() {
        return Simd.reason();
    }

    /**
     * One line for logs, e.g. {@code "Vector API, 512-bit vectors (8 doubles, 16 floats), 2 threads
     * (jdk.incubator.vector is resolved and -Dequireg.simd is not false)"} or
     * {@code "scalar, 2 threads (-Dequireg.simd=false)"}.
     */
    public static String describe() {
        String threads = threads() + (threads() == 1 ? " thread" : " threads");
        return vectorized()
                ? "Vector API, " + vectorBits() + "-bit vectors (" + doublesPerVector() + " doubles, "
                        + floatsPerVector() + " floats), " + threads + " (" + reason() + ")"
                : "scalar, " + threads + " (" + reason() + ")";
    }
}
