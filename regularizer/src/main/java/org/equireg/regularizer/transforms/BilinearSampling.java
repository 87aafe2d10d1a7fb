package org.equireg.regularizer.transforms;

import org.equireg.core.Primitive;
import org.equireg.core.Tensor;
import org.equireg.core.Storage;

/**
 * Resampling of the last two axes by a fixed bilinear plan: every output pixel p is a weighted sum
 * of at most four input pixels, {@code out[l, p] = sum_k w[p, k] * in[l, index[p, k]]} for every
 * plane l of the leading axes. The map is linear in the input, so its derivative is the transposed
 * plan: {@code dIn[l, index[p, k]] += w[p, k] * dOut[l, p]}, a primitive of its own whose derivative is
 * the resampling again, so every order of derivative exists. The plan (geometry) gets no gradient.
 * PyTorch: {@code torch.nn.functional.grid_sample(mode="bilinear", align_corners=False)}.
 */
final class BilinearSampling {
    private static final int CORNERS = 4;

    private BilinearSampling() {
    }

    /**
     * A plan: for output pixel p (row-major over outHeight x outWidth) and corner k, the flat input
     * pixel {@code index[4p + k]} (-1 for a corner outside the image under zero padding) and its
     * weight {@code weight[4p + k]}.
     */
    record Plan(int inHeight, int inWidth, int outHeight, int outWidth, int[] index, double[] weight) {
    }

    /**
     * The plan that reads output pixel (row i, column j) from input position
     * {@code (row, column) = source.map(i, j)} by bilinear interpolation of the four surrounding
     * pixel centres.
     */
    static Plan plan(int inHeight, int inWidth, int outHeight, int outWidth, Padding padding, SourceMap source) {
        int pixels = outHeight * outWidth;
        int[] index = new int[CORNERS * pixels];
        double[] weight = new double[CORNERS * pixels];
        double[] position = new double[2];
        for (int i = 0; i < outHeight; i++) {
            for (int j = 0; j < outWidth; j++) {
                source.map(i, j, position);
                double row = position[0];
                double column = position[1];
                if (padding == Padding.BORDER) {
                    row = Math.min(Math.max(row, 0), inHeight - 1);
                    column = Math.min(Math.max(column, 0), inWidth - 1);
                }
                int row0 = (int) Math.floor(row);
                int column0 = (int) Math.floor(column);
                double fractionRow = row - row0;
                double fractionColumn = column - column0;
                int p = CORNERS * (i * outWidth + j);
                setCorner(index, weight, p, row0, column0, (1 - fractionRow) * (1 - fractionColumn), inHeight, inWidth);
                setCorner(index, weight, p + 1, row0, column0 + 1, (1 - fractionRow) * fractionColumn, inHeight, inWidth);
                setCorner(index, weight, p + 2, row0 + 1, column0, fractionRow * (1 - fractionColumn), inHeight, inWidth);
                setCorner(index, weight, p + 3, row0 + 1, column0 + 1, fractionRow * fractionColumn, inHeight, inWidth);
            }
        }
        return new Plan(inHeight, inWidth, outHeight, outWidth, index, weight);
    }

    // Corners outside the image read zero (their weight is kept but unused); under border padding
    // the clamped position puts any outside corner at weight 0, so dropping it is exact too.
    private static void setCorner(int[] index, double[] weight, int slot, int row, int column, double w,
                                  int height, int width) {
        boolean inside = row >= 0 && row < height && column >= 0 && column < width;
        index[slot] = inside ? row * width + column : -1;
        weight[slot] = w;
    }

    /** Where an output pixel reads from, in input pixel coordinates (fractional). */
    @FunctionalInterface
    interface SourceMap {
        /** Writes {@code (row, column)} of the input position for output pixel (i, j) into {@code position}. */
        void map(int i, int j, double[] position);
    }

    /**
     * Records the resampling of {@code x (..., inHeight, inWidth)} to {@code (..., outHeight, outWidth)}.
     */
    static Tensor apply(Tensor x, Plan plan) {
        return apply(x, new Plan[] {plan});
    }

    /**
     * Records the resampling of {@code x (batch, ..., inHeight, inWidth)} with one plan per sample
     * ({@code plans.length == batch}), or one plan for all ({@code plans.length == 1}); every plan
     * has the same sizes. Sample b's planes use {@code plans[b]}. Each output is accumulated in
     * double and rounded once to x's type.
     */
    static Tensor apply(Tensor x, Plan[] plans) {
        int[] inShape = x.shape();
        int[] outShape = inShape.clone();
        outShape[inShape.length - 2] = plans[0].outHeight;
        outShape[inShape.length - 1] = plans[0].outWidth;
        return Tensor.fromOp(Op.BILINEAR_SAMPLING, Storage.fromDoubles(sample(x.toArray(), plans, false),
                x.dtype()), outShape, (saved, grad) -> new Tensor[] {transposed(grad, plans, inShape)}, x);
    }

    /** Records the transposed map, {@code dIn[l, index[p, k]] += w[p, k] * dOut[l, p]}: the gradient of {@link #apply}. */
    private static Tensor transposed(Tensor grad, Plan[] plans, int[] inShape) {
        return Tensor.fromOp(Op.BILINEAR_SAMPLING_TRANSPOSED, Storage.fromDoubles(sample(grad.toArray(), plans,
                true), grad.dtype()), inShape, (saved, gg) -> new Tensor[] {apply(gg, plans)}, grad);
    }

    /**
     * The map (or, when {@code transpose}, its transpose) applied plane by plane to {@code values},
     * in double: {@code out[l, p] = sum_k w[p, k] in[l, index[p, k]]}, or the scatter of that sum.
     */
    private static double[] sample(double[] values, Plan[] plans, boolean transpose) {
        Plan first = plans[0];
        int inPixels = first.inHeight * first.inWidth;
        int outPixels = first.outHeight * first.outWidth;
        int planes = transpose ? values.length / outPixels : values.length / inPixels;
        int planesPerPlan = plans.length == 1 ? Math.max(planes, 1) : planes / plans.length;
        double[] result = new double[planes * (transpose ? inPixels : outPixels)];
        for (int l = 0; l < planes; l++) {
            Plan plan = plans[l / planesPerPlan];
            int inOffset = l * inPixels;
            int outOffset = l * outPixels;
            for (int p = 0; p < outPixels; p++) {
                double sum = 0;
                for (int k = CORNERS * p; k < CORNERS * p + CORNERS; k++) {
                    int source = plan.index[k];
                    if (source < 0) {
                        continue;
                    }
                    if (transpose) {
                        result[inOffset + source] += plan.weight[k] * values[outOffset + p];
                    } else {
                        sum += plan.weight[k] * values[inOffset + source];
                    }
                }
                if (!transpose) {
                    result[outOffset + p] = sum;
                }
            }
        }
        return result;
    }

    /** The two primitives: the resampling and its transpose, each the other's derivative. */
    enum Op implements Primitive {
        BILINEAR_SAMPLING("bilinearSampling"),
        BILINEAR_SAMPLING_TRANSPOSED("bilinearSamplingTransposed");

        private final String opName;

        Op(String opName) {
            this.opName = opName;
        }

        @Override
        public String opName() {
            return opName;
        }
    }
}
