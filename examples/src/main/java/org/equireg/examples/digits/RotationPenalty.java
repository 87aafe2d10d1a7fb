package org.equireg.examples.digits;

import java.util.ArrayList;
import java.util.List;
import java.util.random.RandomGenerator;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.regularizer.Distance;
import org.equireg.regularizer.EquivarianceError;
import org.equireg.regularizer.TransformPair;
import org.equireg.regularizer.transforms.Transforms;

/**
 * The demo's regularizer: rotation invariance of the class scores. Pairs (f_out = identity,
 * f_in = rot90^k) for k = 1, 2, 3, distance {@code CROSS_ENTROPY_LOGITS}, so each pair's error is
 * {@code mean_i || logSoftmax(model(v_i)) - logSoftmax(model(rot90^k v_i)) ||_2}.
 *
 * <p>Box samples come from the regularizer's own sampler (uniform in [0,1]^(1x8x8)); batch samples
 * are the first images of the step's training batch, passed to {@link EquivarianceError#compute(Tensor)}.
 * A run with both adds the two penalties. Pairs are drawn without replacement, so
 * {@code numFuncs = 3} visits every rotation at every step (for one pair it is the reference's draw).
 */
public final class RotationPenalty {
    private static final int[] INPUT_SHAPE = {1, Digits.SIDE, Digits.SIDE};

    private RotationPenalty() {
    }

    /** The three pairs (identity, rot90^k), k = 1, 2, 3. */
    public static List<TransformPair> pairs(double epsilon, double lambda) {
        List<TransformPair> pairs = new ArrayList<>();
        for (int k = 1; k < 4; k++) {
            pairs.add(TransformPair.of(Transforms.identity(), Transforms.rot90(k), epsilon, lambda).named("rot" + 90 * k));
        }
        return pairs;
    }

    /** A regularizer of {@code model} with {@code n} points per call, drawing from {@code random}. */
    public static EquivarianceError regularizer(Module model, RunSpec spec, int n, RandomGenerator random) {
        return EquivarianceError.builder(model, INPUT_SHAPE, pairs(spec.epsilon(), spec.lambda()))
                .distance(Distance.CROSS_ENTROPY_LOGITS)
                .sampleSize(n)
                .functionsPerCall(spec.numFuncs())
                .withReplacement(false)
                .random(random)
                .build();
    }

    /** The run's penalty for {@code model}: none, box, batch, or both summed. */
    public static Penalty of(RunSpec spec, Module model, RandomGenerator random) {
        if (!spec.regularized()) {
            return Penalty.NONE;
        }
        EquivarianceError box = spec.boxSamples() > 0 ? regularizer(model, spec, spec.boxSamples(), random) : null;
        EquivarianceError batch = spec.batchSamples() > 0 ? regularizer(model, spec, spec.batchSamples(), random) : null;
        return batchInputs -> {
            Tensor total = box == null ? null : box.compute();
            if (batch != null) {
                int rows = Math.min(spec.batchSamples(), batchInputs.dim(0));
                Tensor term = batch.compute(batchInputs.slice(0, 0, rows));
                total = total == null ? term : total.add(term);
            }
            return total;
        };
    }
}
