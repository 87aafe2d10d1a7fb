package org.equireg.core.ops;

import java.util.Arrays;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.equireg.core.GradCheck;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;

/**
 * One row of a gradient-check table: which {@link Tensor} method it covers, the function and the
 * point; checked with {@link Tolerances#TIGHT}.
 *
 * @param method the covered method's signature as {@link #signature} writes it, e.g. {@code "sum(int,boolean)"}
 * @param what the variant in a few words, e.g. {@code "axis -1, keepDim"}
 * @param function maps the inputs (leaves that require grad) to the output
 * @param inputs the point to check at
 * @param directions 0 for the element-by-element check, else the number of random directions of the fast check
 */
public record GradCase(String method, String what, Function<Tensor[], Tensor> function, Tensor[] inputs,
                       int directions, GradCheck checker) {

    /** An element-by-element check. */
    public static GradCase of(String method, String what, Function<Tensor[], Tensor> function, Tensor... inputs) {
        return new GradCase(method, what, function, inputs, 0, Tolerances.TIGHT);
    }

    /**
     * An element-by-element check with the dyadic step {@link Tolerances#DYADIC}, for functions that
     * round through float32: at inputs that are multiples of 2^-8 of magnitude below 2^8 the
     * perturbed points x +- 2^-16 are floats too, so the rounding does not pollute the differences.
     */
    public static GradCase dyadic(String method, String what, Function<Tensor[], Tensor> function, Tensor... inputs) {
        return new GradCase(method, what, function, inputs, 0, Tolerances.DYADIC);
    }

    /** A random-projection check, for inputs too large to check element by element. */
    public static GradCase fast(String method, String what, Function<Tensor[], Tensor> function, Tensor... inputs) {
        return new GradCase(method, what, function, inputs, Tolerances.FAST_DIRECTIONS, Tolerances.TIGHT);
    }

    /** Runs the check; throws {@link org.equireg.core.GradCheckError} on a mismatch. */
    public void run() {
        if (directions == 0) {
            checker.check(function, inputs);
        } else {
            checker.checkFast(function, directions, inputs);
        }
    }

    /** {@code name(Type,Type)} with simple type names, the key that ties a case to a method. */
    public static String signature(java.lang.reflect.Method method) {
        return method.getName() + Arrays.stream(method.getParameterTypes()).map(Class::getSimpleName)
                .collect(Collectors.joining(",", "(", ")"));
    }

    @Override
    public String toString() {
        String shapes = Arrays.stream(inputs).map(input -> Shapes.str(input.shape())).collect(Collectors.joining(" "));
        return method + " " + what + " " + shapes + (directions == 0 ? "" : " (fast)");
    }
}
