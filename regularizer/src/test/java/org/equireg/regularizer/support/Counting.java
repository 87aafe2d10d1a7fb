package org.equireg.regularizer.support;

import java.util.ArrayList;
import java.util.List;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/** Wraps a model and records each forward pass: its batch size and whether it ran in training mode. */
public final class Counting extends Module {
    private final Module base;
    public final List<Integer> batchSizes = new ArrayList<>();
    public final List<Boolean> trainingModes = new ArrayList<>();

    public Counting(Module base) {
        this.base = registerModule("base", base);
    }

    @Override
    public Tensor forward(Tensor input) {
        batchSizes.add(input.dim(0));
        trainingModes.add(isTraining());
        return base.forward(input);
    }
}
