package org.equireg.nn;

import java.util.random.RandomGenerator;
import org.equireg.core.Arguments;
import org.equireg.core.Storage;
import org.equireg.core.Tensor;

/**
 * In training mode, zeroes each element independently with probability p and scales the rest by
 * 1 / (1 - p), so the expected output equals the input; in evaluation mode (or with p = 0) returns
 * the input itself. With p = 1 the output is all zeros. Each training-mode call draws a fresh mask
 * from the layer's generator. PyTorch: {@code torch.nn.Dropout}.
 */
public final class Dropout extends Module {
    private final double probability;
    private final RandomGenerator random;

    /** Drops with probability {@code p}, drawing masks from {@link Init#defaultRandom()}. */
    public Dropout(double p) {
        this(p, Init.defaultRandom());
    }

    /** Drops with probability {@code p}, drawing masks from {@code random}. */
    public Dropout(double p, RandomGenerator random) {
        if (!(p >= 0 && p <= 1)) {
            throw new IllegalArgumentException("Dropout: needs 0 <= p <= 1, got p = " + p);
        }
        this.probability = p;
        this.random = random;
    }

    @Override
    public Tensor forward(Tensor input) {
        Arguments.notNull(input, "Dropout.forward", "input");
        if (!isTraining() || probability == 0) {
            return input;
        }
        double scale = probability == 1 ? 0 : 1 / (1 - probability);
        Tensor mask = Tensor.zeros(input.dtype(), input.shape());
        Storage values = mask.storage();
        for (int i = 0; i < values.length(); i++) {
            values.set(i, random.nextDouble() < probability ? 0 : scale); // float32: the scale rounded
        }
        return input.mul(mask);
    }

    @Override
    protected String extraRepr() {
        return "p=" + probability;
    }
}
