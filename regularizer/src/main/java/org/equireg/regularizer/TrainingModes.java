package org.equireg.regularizer;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import org.equireg.nn.Module;

/**
 * The regularizer's train/eval policy for one forward pass: every module in evaluation mode (batch
 * norm reads its running statistics and does not update them; dropout is off), except modules
 * that {@code keepTraining} selects and that were training (dropout, when configured). Closing
 * restores every module's own mode.
 */
final class TrainingModes implements AutoCloseable {
    private final List<Module> modules = new ArrayList<>();
    private final List<Boolean> wereTraining = new ArrayList<>();

    private TrainingModes(Module model) {
        collectPreOrder(model);
    }

    /** Switches {@code model} to the regularizer's modes; close the result to restore. */
    static TrainingModes enter(Module model, Predicate<Module> keepTraining) {
        TrainingModes saved = new TrainingModes(model);
        model.eval();
        for (int i = 0; i < saved.modules.size(); i++) {
            Module module = saved.modules.get(i);
            if (saved.wereTraining.get(i) && keepTraining.test(module)) {
                module.train();
            }
        }
        return saved;
    }

    private void collectPreOrder(Module module) {
        modules.add(module);
        wereTraining.add(module.isTraining());
        module.namedChildren().values().forEach(this::collectPreOrder);
    }

    // train() and eval() recurse into children, so restoring parents before children is exact.
    @Override
    public void close() {
        for (int i = 0; i < modules.size(); i++) {
            if (wereTraining.get(i)) {
                modules.get(i).train();
            } else {
                modules.get(i).eval();
            }
        }
    }
}
