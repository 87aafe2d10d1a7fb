package org.equireg.nn;

import java.util.List;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * Stochastic gradient descent with optional momentum, dampening, Nesterov momentum and L2 weight
 * decay, exactly as {@code torch.optim.SGD}. Per element, with g the gradient:
 * <pre>
 * d = g + weightDecay * p
 * b = d on the first step, else momentum * b + (1 - dampening) * d     (when momentum != 0)
 * d = nesterov ? d + momentum * b : b                                  (when momentum != 0)
 * p = p - lr * d
 * </pre>
 * Buffer: {@code momentum_buffer} (when momentum != 0).
 */
public final class SGD extends Optimizer {
    private final double momentum;
    private final double dampening;
    private final double weightDecay;
    private final boolean nesterov;
    private final UpdateBlocks blocks = new UpdateBlocks(3);

    /** Plain gradient descent. */
    public SGD(List<Tensor> parameters, double learningRate) {
        this(parameters, learningRate, 0, 0, 0, false);
    }

    /** Heavy-ball momentum without dampening. */
    public SGD(List<Tensor> parameters, double learningRate, double momentum) {
        this(parameters, learningRate, momentum, 0, 0, false);
    }

    /** Every option; Nesterov needs momentum &gt; 0 and no dampening (as in PyTorch). */
    public SGD(List<Tensor> parameters, double learningRate, double momentum, double dampening, double weightDecay,
               boolean nesterov) {
        super("SGD", parameters, learningRate, momentum != 0 ? new String[] {"momentum_buffer"} : new String[0]);
        if (!(momentum >= 0) || !Double.isFinite(dampening) || !(weightDecay >= 0)
                || nesterov && (momentum <= 0 || dampening != 0)) {
            throw new IllegalArgumentException("SGD: needs momentum >= 0, finite dampening, weightDecay >= 0, and for "
                    + "nesterov momentum > 0 with dampening 0; got momentum = " + momentum + ", dampening = " + dampening
                    + ", weightDecay = " + weightDecay + ", nesterov = " + nesterov);
        }
        this.momentum = momentum;
        this.dampening = dampening;
        this.weightDecay = weightDecay;
        this.nesterov = nesterov;
    }

    @Override
    protected void update(Storage parameter, Storage gradient, ParameterState state) {
        boolean first = !state.has("momentum_buffer");
        Storage buffer = momentum != 0 ? state.buffer("momentum_buffer") : null;
        double rate = learningRate();
        for (int start = 0; start < parameter.length(); start += UpdateBlocks.SIZE) {
            int length = Math.min(UpdateBlocks.SIZE, parameter.length() - start);
            blocks.begin(parameter.dtype(), start);
            int at = blocks.at();
            blocks.load(0, parameter, start, length);
            blocks.load(1, gradient, start, length);
            double[] p = blocks.array(0);
            double[] g = blocks.array(1);
            double[] b = null;
            if (buffer != null) {
                blocks.load(2, buffer, start, length);
                b = blocks.array(2);
                for (int i = 0; i < length; i++) {
                    double direction = g[at + i] + weightDecay * p[at + i];
                    b[at + i] = first ? direction : momentum * b[at + i] + (1 - dampening) * direction;
                }
                blocks.roundAsStored(2, buffer, start, length);
            }
            for (int i = 0; i < length; i++) {
                double direction = g[at + i] + weightDecay * p[at + i];
                if (b != null) {
                    direction = nesterov ? direction + momentum * b[at + i] : b[at + i];
                }
                p[at + i] = p[at + i] - rate * direction;
            }
            blocks.store(0, parameter, start, length);
        }
    }
}
