package org.equireg.regularizer.transforms;

import org.equireg.core.DType;
import org.equireg.core.Tensor;

/**
 * Resampling of the last two axes by a fixed bilinear plan: every output pixel p is a weighted sum
 * of at most four input pixels, {@code out[l, p] = sum_k w[p, k] * in[l, index[p, k]]} for every
 * plane l of the leading axes. The map is linear in the input, so its derivative is the transposed
 * plan: {@code dIn[l, index[p, k]] += w[p, k] * dOut[l, p]}. The plan (geometry) gets no gradient.
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
                double row = nearWindow(position[0], inHeight);
                double column = nearWindow(position[1], inWidth);
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

    /**
     * {@code position} moved to within [-2, size + 1]: every corner of a point beyond reads the
     * padding either way, and a far point (a shift near Double.MAX_VALUE) would otherwise overflow
     * the int cast of its floor and the weights. NaN (infinities cancelling) goes to -2, outside.
     */
    private static double nearWindow(double position, int size) {
        return position >= -2 ? Math.min(position, size + 1) : -2;
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
     * has the same sizes. Sample b's planes use {@code plans[b]}.
     */
    static Tensor apply(Tensor x, Plan[] plans) {
        Plan first = plans[0];
        int[] inShape = x.shape();
        int rank = inShape.length;
        int inPixels = first.inHeight * first.inWidth;
        int outPixels = first.outHeight * first.outWidth;
        int planes = x.size() / inPixels;
        int planesPerPlan = plans.length == 1 ? Math.max(planes, 1) : planes / plans.length;
        int[] outShape = inShape.clone();
        outShape[rank - 2] = first.outHeight;
        outShape[rank - 1] = first.outWidth;
        if (x.dtype() == DType.FLOAT32) {
            return float32(x, plans, planes, planesPerPlan, outShape);
        }
        double[] in = x.buffer();
        double[] out = new double[planes * outPixels];
        for (int l = 0; l < planes; l++) {
            Plan plan = plans[l / planesPerPlan];
            int[] index = plan.index;
            double[] weight = plan.weight;
            int inOffset = l * inPixels;
            int outOffset = l * outPixels;
            for (int p = 0; p < outPixels; p++) {
                double sum = 0;
                for (int k = CORNERS * p; k < CORNERS * p + CORNERS; k++) {
                    if (index[k] >= 0) {
                        sum += weight[k] * in[inOffset + index[k]];
                    }
                }
                out[outOffset + p] = sum;
            }
        }
        return Tensor.fromOp("bilinearSampling", out, outShape, grad -> {
            double[] g = grad.buffer();
            double[] dx = new double[in.length];
            for (int l = 0; l < planes; l++) {
                Plan plan = plans[l / planesPerPlan];
                int[] index = plan.index;
                double[] weight = plan.weight;
                int inOffset = l * inPixels;
                int outOffset = l * outPixels;
                for (int p = 0; p < outPixels; p++) {
                    double upstream = g[outOffset + p];
                    for (int k = CORNERS * p; k < CORNERS * p + CORNERS; k++) {
                        if (index[k] >= 0) {
                            dx[inOffset + index[k]] += weight[k] * upstream;
                        }
                    }
                }
            }
            return new Tensor[] {Tensor.wrap(dx, inShape)};
        }, x);
    }

    /** The float32 twin: the same sums over float inputs, each accumulated in double and rounded once. */
    private static Tensor float32(Tensor x, Plan[] plans, int planes, int planesPerPlan, int[] outShape) {
        int[] inShape = x.shape();
        int inPixels = plans[0].inHeight * plans[0].inWidth;
        int outPixels = plans[0].outHeight * plans[0].outWidth;
        float[] in = x.floatBuffer();
        float[] out = new float[planes * outPixels];
        for (int l = 0; l < planes; l++) {
            Plan plan = plans[l / planesPerPlan];
            int[] index = plan.index;
            double[] weight = plan.weight;
            int inOffset = l * inPixels;
            int outOffset = l * outPixels;
            for (int p = 0; p < outPixels; p++) {
                double sum = 0;
                for (int k = CORNERS * p; k < CORNERS * p + CORNERS; k++) {
                    if (index[k] >= 0) {
                        sum += weight[k] * in[inOffset + index[k]];
                    }
                }
                out[outOffset + p] = (float) sum;
            }
        }
        return Tensor.fromOp("bilinearSampling", out, outShape, grad -> {
            float[] g = grad.floatBuffer();
            double[] dx = new double[in.length];
            for (int l = 0; l < planes; l++) {
                Plan plan = plans[l / planesPerPlan];
                int[] index = plan.index;
                double[] weight = plan.weight;
                int inOffset = l * inPixels;
                int outOffset = l * outPixels;
                for (int p = 0; p < outPixels; p++) {
                    double upstream = g[outOffset + p];
                    for (int k = CORNERS * p; k < CORNERS * p + CORNERS; k++) {
                        if (index[k] >= 0) {
                            dx[inOffset + index[k]] += weight[k] * upstream;
                        }
                    }
                }
            }
            float[] rounded = new float[dx.length];
            for (int i = 0; i < rounded.length; i++) {
                rounded[i] = (float) dx[i];
            }
            return new Tensor[] {Tensor.wrap(rounded, inShape)};
        }, x);
    }
}
