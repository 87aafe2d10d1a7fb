package org.equireg.examples.mnist;

import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/**
 * {@code sqrt(softmax(logits))} along axis 1, computed as {@code exp(logSoftmax / 2)} so that its
 * derivatives stay finite for classes of tiny probability. The squared norm of its Lie derivative
 * is a quarter of the Fisher quadratic form {@code L^T F L}, the second-order term of the KL
 * divergence between the predictions before and after a small transform.
 */
final class SqrtProbabilities extends Module {
    @Override
    public Tensor forward(Tensor logits) {
        return logits.logSoftmax(1).mul(0.5).exp();
    }
}
