package org.equireg.regularizer.transforms;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.equireg.core.Arguments;

/**
 * Factories of the built-in transforms, random transforms and finite groups. Every transform is
 * batched (acts on {@code (batch, ...)}) and differentiable with respect to its input; see the
 * package documentation for the axis conventions. Angles are in radians.
 *
 * <table>
 * <caption>The families and their algebra</caption>
 * <tr><th>factory</th><th>acts on</th><th>structure</th></tr>
 * <tr><td>{@link #roll}</td><td>any axes</td><td>group Z_n, exact inverse</td></tr>
 * <tr><td>{@link #translate}</td><td>any axes</td><td>monoid (zero fill), no inverse</td></tr>
 * <tr><td>{@link #flip}</td><td>any axes</td><td>group (Z_2)^k, self-inverse</td></tr>
 * <tr><td>{@link #rot90}, {@link #d4}</td><td>last two axes</td><td>C4, D4, exact inverse</td></tr>
 * <tr><td>{@link #rotate}, {@link #scale}, {@link #affine}</td><td>last two axes</td><td>bilinear, semigroup</td></tr>
 * <tr><td>{@link #permuteAxes}, {@link #permuteAlong}, {@link #permuteChannels}</td><td>axes, sets</td><td>symmetric group</td></tr>
 * <tr><td>{@link #linear}, {@link #rotation2d}, {@link #rotation3d}, {@link #signFlips}</td><td>last axis (vectors)</td><td>matrix group</td></tr>
 * <tr><td>{@link #downsample}, {@link #blur}, {@link #gaussianBlur}</td><td>last two axes</td><td>semigroup</td></tr>
 * </table>
 */
public final class Transforms {
    private Transforms() {
    }

    /** The identity element. */
    public static Transform identity() {
        return Identity.INSTANCE;
    }

    /** {@code steps} applied in order (the first first). The identity when there are none. */
    public static Transform compose(Transform... steps) {
        Arguments.notNull(steps, "Transforms.compose", "steps");
        for (int i = 0; i < steps.length; i++) {
            Arguments.notNull(steps[i], "Transforms.compose", "steps[" + i + "]");
        }
        return Composition.of(Arrays.asList(steps));
    }

    /** Cyclic shift by {@code shift} along {@code axis}. PyTorch: {@code torch.roll(x, shift, axis)}. */
    public static Transform roll(int shift, int axis) {
        return new CyclicShift(new int[] {shift}, new int[] {axis});
    }

    /** Cyclic shift by {@code shifts[i]} along {@code axes[i]}. */
    public static Transform roll(int[] shifts, int[] axes) {
        return new CyclicShift(Arguments.notNull(shifts, "Transforms.roll", "shifts"),
                Arguments.notNull(axes, "Transforms.roll", "axes"));
    }

    /** Shift by {@code shift} along {@code axis}, zero fill. */
    public static Transform translate(int shift, int axis) {
        return new Translation(new int[] {shift}, new int[] {axis});
    }

    /** Shift by {@code shifts[i]} along {@code axes[i]}, zero fill. */
    public static Transform translate(int[] shifts, int[] axes) {
        return new Translation(Arguments.notNull(shifts, "Transforms.translate", "shifts"),
                Arguments.notNull(axes, "Transforms.translate", "axes"));
    }

    /** Reversal along the given axes. PyTorch: {@code torch.flip}. */
    public static Transform flip(int... axes) {
        return new Flip(Arguments.notNull(axes, "Transforms.flip", "axes"));
    }

    /** {@code k} counterclockwise quarter turns of the last two axes. PyTorch: {@code torch.rot90(x, k, (-2, -1))}. */
    public static Transform rot90(int k) {
        return new Dihedral(k, false);
    }

    /** The D4 element {@code r^k m}: mirror the width axis when {@code mirrored}, then {@code k} quarter turns. */
    public static Transform d4(int k, boolean mirrored) {
        return new Dihedral(k, mirrored);
    }

    /** Rotation of images by {@code radians} counterclockwise about the centre, bilinear. */
    public static Transform rotate(double radians, Padding padding) {
        requireFinite("Transforms.rotate", "radians", radians);
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        return new AffineWarp(new double[][] {{cos, -sin}, {sin, cos}}, 0, 0, padding,
                String.format(Locale.ROOT, "rotate(%.6g rad)", radians));
    }

    /** Rotation by an angle drawn uniformly from {@code [minRadians, maxRadians]} at each draw. */
    public static RandomTransform randomRotation(double minRadians, double maxRadians, Padding padding) {
        if (!(minRadians <= maxRadians) || Double.isInfinite(minRadians) || Double.isInfinite(maxRadians)) {
            throw new IllegalArgumentException("Transforms.randomRotation: needs finite minRadians <= maxRadians, got "
                    + minRadians + " and " + maxRadians);
        }
        return random -> {
            Arguments.notNull(random, "Transforms.randomRotation", "random");
            return rotate(minRadians + (maxRadians - minRadians) * random.nextDouble(), padding);
        };
    }

    /** Scaling of images by {@code factor} about the centre, bilinear ({@code factor > 1} zooms in). */
    public static Transform scale(double factor, Padding padding) {
        requireFinite("Transforms.scale", "factor", factor);
        return new AffineWarp(new double[][] {{factor, 0}, {0, factor}}, 0, 0, padding,
                String.format(Locale.ROOT, "scale(%.6g)", factor));
    }

    /**
     * The affine map {@code p -> matrix p + translation} of images, in pixels about the centre, x
     * right and y up; bilinear. {@code matrix} is 2 x 2 and invertible, {@code translation} {x, y}.
     */
    public static Transform affine(double[][] matrix, double[] translation, Padding padding) {
        Arguments.notNull(matrix, "Transforms.affine", "matrix");
        if (Arguments.notNull(translation, "Transforms.affine", "translation").length != 2) {
            throw new IllegalArgumentException("Transforms.affine: translation needs 2 entries {x, y}, got "
                    + translation.length);
        }
        return new AffineWarp(matrix, translation[0], translation[1], padding, "affine(" + Arrays.deepToString(matrix)
                + " + " + Arrays.toString(translation) + ")");
    }

    private static void requireFinite(String method, String name, double value) {
        if (!Double.isFinite(value)) {
            throw new IllegalArgumentException(method + ": " + name + " must be finite, got " + value);
        }
    }

    /** Reorders each sample's axes: output sample axis i is input sample axis {@code order[i]}. */
    public static Transform permuteAxes(int... order) {
        return new AxisPermutation(order);
    }

    /** Reorders the entries along {@code axis} (the elements of a set): {@code out[i] = x[permutation[i]]}. */
    public static Transform permuteAlong(int axis, int... permutation) {
        return new IndexPermutation("permuteAlong", axis, permutation);
    }

    /** Reorders channels, axis 1 of {@code (batch, channels, ...)}. */
    public static Transform permuteChannels(int... permutation) {
        return new IndexPermutation("permuteChannels", 1, permutation);
    }

    /** The linear map {@code v -> matrix v} on the last axis; {@code matrix} is square. */
    public static Transform linear(double[][] matrix) {
        return new LinearAction("linear", matrix, false);
    }

    /** The SO(2) rotation {@code [[cos, -sin], [sin, cos]]} of 2-D vectors (x, y). */
    public static Transform rotation2d(double radians) {
        if (!Double.isFinite(radians)) {
            throw new IllegalArgumentException("Transforms.rotation2d: needs a finite angle, got radians = " + radians);
        }
        double cos = Math.cos(radians);
        double sin = Math.sin(radians);
        return new LinearAction(String.format(Locale.ROOT, "rotation2d(%.6g rad)", radians),
                new double[][] {{cos, -sin}, {sin, cos}}, true);
    }

    /** The SO(3) rotation by {@code radians} about {@code axis} (normalised; Rodrigues' formula). */
    public static Transform rotation3d(double[] axis, double radians) {
        if (axis.length != 3) {
            throw new IllegalArgumentException("Transforms.rotation3d: the axis needs 3 entries, got " + axis.length);
        }
        double length = Math.sqrt(axis[0] * axis[0] + axis[1] * axis[1] + axis[2] * axis[2]);
        if (!(length > 0) || !Double.isFinite(length)) {
            throw new IllegalArgumentException("Transforms.rotation3d: the axis " + Arrays.toString(axis)
                    + " has no direction");
        }
        double x = axis[0] / length;
        double y = axis[1] / length;
        double z = axis[2] / length;
        double c = Math.cos(radians);
        double s = Math.sin(radians);
        double t = 1 - c;
        double[][] matrix = {
            {c + x * x * t, x * y * t - z * s, x * z * t + y * s},
            {y * x * t + z * s, c + y * y * t, y * z * t - x * s},
            {z * x * t - y * s, z * y * t + x * s, c + z * z * t}};
        return new LinearAction(String.format(Locale.ROOT, "rotation3d(%s, %.6g rad)", Arrays.toString(axis), radians),
                matrix, true);
    }

    /** The diagonal map {@code v_i -> signs[i] v_i} on the last axis; every sign is +1 or -1. */
    public static Transform signFlips(double... signs) {
        double[][] matrix = new double[signs.length][signs.length];
        for (int i = 0; i < signs.length; i++) {
            if (Math.abs(signs[i]) != 1) {
                throw new IllegalArgumentException("Transforms.signFlips: every sign must be +1 or -1, got "
                        + Arrays.toString(signs));
            }
            matrix[i][i] = signs[i];
        }
        return new LinearAction("signFlips", matrix, true);
    }

    /** Average pooling of images by {@code factor x factor} blocks. */
    public static Transform downsample(int factor) {
        return new Downsample(factor);
    }

    /** Separable blur with an odd-length kernel (applied along both image axes), zero padding. */
    public static Transform blur(double... kernel) {
        return new Blur("blur", kernel);
    }

    /** Separable Gaussian blur of standard deviation {@code sigma} pixels, kernel width {@code 2 radius + 1}. */
    public static Transform gaussianBlur(double sigma, int radius) {
        return new Blur(String.format(Locale.ROOT, "gaussianBlur(sigma=%.6g)", sigma), Blur.gaussian(sigma, radius));
    }

    // ------------------------------------------------------------------ finite groups

    /** C4, the quarter turns {@code rot90^0..3} of the last two axes. */
    public static FiniteGroup c4() {
        List<Transform> elements = new ArrayList<>();
        for (int k = 0; k < 4; k++) {
            elements.add(rot90(k));
        }
        return FiniteGroup.of("C4", elements);
    }

    /** D4, the eight symmetries of the square: {@code r^0..3} then {@code r^0..3 m}. */
    public static FiniteGroup d4() {
        List<Transform> elements = new ArrayList<>();
        for (int mirrored = 0; mirrored < 2; mirrored++) {
            for (int k = 0; k < 4; k++) {
                elements.add(d4(k, mirrored == 1));
            }
        }
        return FiniteGroup.of("D4", elements);
    }

    /** Z_n, the cyclic shifts by 0..n-1 along {@code axis} of length n. */
    public static FiniteGroup cyclicShifts(int axis, int length) {
        requirePositive("cyclicShifts", length);
        List<Transform> elements = new ArrayList<>();
        for (int shift = 0; shift < length; shift++) {
            elements.add(roll(shift, axis));
        }
        return FiniteGroup.of("Z" + length + "(axis " + axis + ")", elements);
    }

    /** (Z_2)^k, every subset of {@code axes} flipped (the empty subset first). */
    public static FiniteGroup flips(int... axes) {
        Arguments.notNull(axes, "Transforms.flips", "axes");
        List<Transform> elements = new ArrayList<>();
        for (int subset = 0; subset < 1 << axes.length; subset++) {
            int[] chosen = new int[Integer.bitCount(subset)];
            for (int i = 0, c = 0; i < axes.length; i++) {
                if ((subset & 1 << i) != 0) {
                    chosen[c++] = axes[i];
                }
            }
            elements.add(chosen.length == 0 ? identity() : flip(chosen));
        }
        return FiniteGroup.of("flips" + Arrays.toString(axes), elements);
    }

    /** S_n acting on the n entries along {@code axis} (a set of n elements); n! elements, n at most 8. */
    public static FiniteGroup permutationsAlong(int axis, int n) {
        requirePositive("permutationsAlong", n);
        if (n > 8) {
            throw new IllegalArgumentException("Transforms.permutationsAlong: " + n + "! elements are too many to list;"
                    + " draw random permutations instead (n <= 8)");
        }
        List<Transform> elements = new ArrayList<>();
        for (int[] permutation : Permutations.all(n)) {
            elements.add(permuteAlong(axis, permutation));
        }
        return FiniteGroup.of("S" + n + "(axis " + axis + ")", elements);
    }

    /** (Z_2)^d, every sign pattern on vectors of length d (all plus first). */
    public static FiniteGroup signFlipGroup(int dimension) {
        requirePositive("signFlipGroup", dimension);
        List<Transform> elements = new ArrayList<>();
        for (int subset = 0; subset < 1 << dimension; subset++) {
            double[] signs = new double[dimension];
            for (int i = 0; i < dimension; i++) {
                signs[i] = (subset & 1 << i) != 0 ? -1 : 1;
            }
            elements.add(signFlips(signs));
        }
        return FiniteGroup.of("signs(" + dimension + ")", elements);
    }

    /**
     * C_n as rotations of 2-D vectors by {@code 2 pi k / n}, k = 0..n-1; for n = 4 it matches
     * {@link #c4()} element by element (a picture turned by k quarter turns turns its vectors by k).
     */
    public static FiniteGroup rotations2d(int order) {
        requirePositive("rotations2d", order);
        List<Transform> elements = new ArrayList<>();
        for (int k = 0; k < order; k++) {
            elements.add(4 * k % order == 0 ? quarterTurn2d(4 * k / order) : rotation2d(2 * Math.PI * k / order));
        }
        return FiniteGroup.of("C" + order + " on R^2", elements);
    }

    // Quarter turns with exact entries: cos(pi / 2) rounds to 6e-17, not 0.
    private static Transform quarterTurn2d(int quarterTurns) {
        int[] cos = {1, 0, -1, 0};
        int[] sin = {0, 1, 0, -1};
        int q = Math.floorMod(quarterTurns, 4);
        return new LinearAction("rotation2d(" + q + " quarter turns)", new double[][] {{cos[q], -sin[q]}, {sin[q], cos[q]}},
                true);
    }

    private static void requirePositive(String method, int value) {
        if (value < 1) {
            throw new IllegalArgumentException("Transforms." + method + ": needs a size >= 1, got " + value);
        }
    }
}
