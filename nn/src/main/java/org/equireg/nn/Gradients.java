package org.equireg.nn;

import java.util.List;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/** Operations on the accumulated gradients of parameters. PyTorch: {@code torch.nn.utils}. */
public final class Gradients {
    private Gradients() {
    }

    /** {@link #clipGradNorm(List, double, double)} with the 2-norm. */
    public static double clipGradNorm(List<Tensor> parameters, double maxNorm) {
        return clipGradNorm(parameters, maxNorm, 2.0);
    }

    /**
     * Scales all gradients (Modified.) by {@code maxNorm / (total + 1e-6)} when that is below 1, where
     * {@code total} is the p-norm of all gradients together (p in [1, infinity]); parameters without
     * a gradient are skipped. Returns {@code total}, measured before clipping.
     * PyTorch: {@code torch.nn.utils.clip_grad_norm_}.
     */
    public static double clipGradNorm(List<Tensor> parameters, double maxNorm, double p) {
        if (!(maxNorm >= 0) || !(p >= 1)) {
            throw new IllegalArgumentException("clipGradNorm: needs maxNorm >= 0 and p >= 1, got maxNorm = " + maxNorm
                    + ", p = " + p);
        }
        double total = 0;
        for (Tensor parameter : parameters) {
            if (parameter.grad() != null) {
                double norm = parameter.grad().norm(p).item();
                total = Double.isInfinite(p) ? Math.max(total, norm) : total + Math.pow(norm, p);
            }
        }
        total = Double.isInfinite(p) ? total : Math.pow(total, 1 / p);
        double coefficient = maxNorm / (total + 1e-6);
        if (coefficient < 1) {
            for (Tensor parameter : parameters) {
                if (parameter.grad() != null) {
                    scaleInPlace(parameter.grad(), coefficient);
                }
            }
        }
        return total;
    }

    private static void scaleInPlace(Tensor gradient, double coefficient) {
        Storage values = gradient.storage();
        for (int i = 0; i < values.length(); i++) {
            values.set(i, values.get(i) * coefficient);
        }
        gradient.bumpVersion();
    }
}
