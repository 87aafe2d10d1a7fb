package org.equireg.regularizer.lie;

import org.equireg.core.Tensor;
import org.equireg.regularizer.transforms.Padding;

/**
 * The infinitesimal generator of a one-parameter family of transforms {@code T_t} (with
 * {@code T_0} the identity): {@link #tangent} returns {@code d/dt T_t(x)} at {@code t = 0}, computed
 * exactly and without warping. The image generators are the derivatives of the library's own
 * bilinear warps ({@code Transforms.rotate}, {@code scale}, {@code affine}): coordinates in pixels
 * about the image centre, x to the right and y up, {@code T_t x (p) = x(A_t^-1 (p - b_t))}.
 *
 * <p><b>The derivative at the pixel grid.</b> At {@code t = 0} every sample point of a warp lies
 * on a pixel centre, where bilinear interpolation has a kink: moving the sample point forward
 * interpolates towards one neighbour, moving it back towards the other, so the two one-sided
 * derivatives differ. The generators use their mean, the central derivative. Written out, for a
 * flow field {@code v(p) = a p + b} the tangent is
 * <pre>
 *   tangent(x)[i, j] = v_y(i, j) * (x[i + 1, j] - x[i - 1, j]) / 2 - v_x(i, j) * (x[i, j + 1] - x[i, j - 1]) / 2
 * </pre>
 * (rows grow downwards, y upwards, hence the signs), with the padding's values outside the image:
 * zeros, or the edge pixel repeated. Why the central one: it is the limit of the central finite
 * difference {@code (T_h x - T_-h x) / 2h} of the warps themselves (the one-sided limits are the
 * forward and backward differences), and it favours neither direction of t, so the tangent of
 * {@code T_-t} is exactly minus that of {@code T_t}. (Automatic differentiation through a
 * floor-based sampler's interpolation weights at t = 0 gives forward differences instead: the cell
 * the weights happen to be built on decides.) The result is linear in {@code x} and built from
 * differentiable ops (a convolution with a fixed difference kernel, products with constant flow
 * fields), so gradients flow through it to any order.
 *
 * <p>Reference: Gruver, Finzi, Goldblum, Wilson, "The Lie Derivative for Measuring Learned
 * Equivariance", ICLR 2023.
 */
public interface LieGenerator {

    /**
     * {@code d/dt T_t(x)} at {@code t = 0}, the shape of {@code x}, differentiable with respect to
     * {@code x}. Image generators take {@code (batch, ..., height, width)}, the signal shifts
     * {@code (batch, ..., length)}.
     */
    Tensor tangent(Tensor x);

    /** A short name for reports, such as {@code "rotation"}. */
    String name();

    /** Rotation counterclockwise, {@code T_t = Transforms.rotate(t, padding)} with t in radians; flow {@code (-y, x)}. */
    static LieGenerator rotation(Padding padding) {
        return new ImageFlow("rotation", new double[][] {{0, -1}, {1, 0}}, new double[] {0, 0}, padding);
    }

    /** Zoom about the centre, {@code T_t = Transforms.scale(exp(t), padding)}; flow {@code (x, y)}. */
    static LieGenerator scale(Padding padding) {
        return new ImageFlow("scale", new double[][] {{1, 0}, {0, 1}}, new double[] {0, 0}, padding);
    }

    /**
     * Translation by {@code t (dx, dy)} pixels (x right, y up),
     * {@code T_t = Transforms.affine(identity, {t dx, t dy}, padding)}; flow {@code (dx, dy)}.
     */
    static LieGenerator translation(double dx, double dy, Padding padding) {
        ImageFlow.requireFinite("translation", "dx", dx);
        ImageFlow.requireFinite("translation", "dy", dy);
        return new ImageFlow(dy == 0 ? "translation x" : dx == 0 ? "translation y" : "translation",
                new double[][] {{0, 0}, {0, 0}}, new double[] {dx, dy}, padding);
    }

    /**
     * The affine family {@code T_t = Transforms.affine(identity + t a, t b, padding)}; flow
     * {@code a p + b}. {@code a} is 2 x 2 acting on (x, y), {@code b} is {x, y} in pixels.
     */
    static LieGenerator affine(double[][] a, double[] b, Padding padding) {
        return new ImageFlow("affine", a, b, padding);
    }

    /** Horizontal shear, {@code affine({{0, 1}, {0, 0}}, {0, 0}, padding)}: x moves by t y. */
    static LieGenerator shear(Padding padding) {
        return new ImageFlow("shear", new double[][] {{0, 1}, {0, 0}}, new double[] {0, 0}, padding);
    }

    /**
     * Stretch (hyperbolic rotation), {@code affine({{1, 0}, {0, -1}}, {0, 0}, padding)}: x grows by
     * {@code e^t}, y shrinks by {@code e^-t}, area preserved.
     */
    static LieGenerator stretch(Padding padding) {
        return new ImageFlow("stretch", new double[][] {{1, 0}, {0, -1}}, new double[] {0, 0}, padding);
    }

    /** Brightness (saturation of the intensities), {@code T_t x = x e^t}: the tangent is x itself. Any shape. */
    static LieGenerator brightness() {
        return new Brightness();
    }

    /**
     * Shift of signals {@code (batch, ..., length)} by t samples towards larger indices, linear
     * interpolation, the signal repeated cyclically: the tangent is minus the central difference
     * along the last axis, wrapping around.
     */
    static LieGenerator cyclicSignalShift() {
        return new SignalShift(true);
    }

    /**
     * Shift of signals {@code (batch, ..., length)} by t samples towards larger indices, linear
     * interpolation, zeros outside: minus the central difference along the last axis, zeros beyond
     * both ends.
     */
    static LieGenerator signalShift() {
        return new SignalShift(false);
    }
}
