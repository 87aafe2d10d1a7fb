package org.equireg.benchmarks;

import java.util.function.UnaryOperator;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;
import org.equireg.nn.SGD;
import org.equireg.regularizer.EquivarianceError;

/**
 * One workload's training step, built by {@link Workloads#create}: a model, a fixed batch, its task
 * loss, an SGD optimizer and, when regularized, the equivariance penalty.
 *
 * <p>{@link #run()} is the unit both the JMH suite and the PyTorch script time:
 * <pre>
 *   zero the gradients (PyTorch: zero_grad(set_to_none=True))
 *   loss = task(model(batch))  [+ penalty on n fresh samples]
 *   loss.backward(); optimizer.step()
 * </pre>
 * Not thread-safe: the step updates the model's parameters.
 */
public final class TrainingStep {
    private final String name;
    private final Module model;
    private final Tensor inputs;
    private final UnaryOperator<Tensor> taskLoss;
    private final EquivarianceError regularizer;
    private final SGD optimizer;

    TrainingStep(String name, Module model, Tensor inputs, UnaryOperator<Tensor> taskLoss,
                 EquivarianceError regularizer, double learningRate) {
        this.name = name;
        this.model = model;
        this.inputs = inputs;
        this.taskLoss = taskLoss;
        this.regularizer = regularizer;
        this.optimizer = new SGD(model.parameters(), learningRate);
    }

    /**
     * Runs one step and updates the model's parameters.
     *
     * @return the loss the gradients were taken of (task loss plus penalty), before the update
     */
    public double run() {
        optimizer.zeroGrad();
        Tensor loss = taskLoss.apply(model.forward(inputs));
        if (regularizer != null) {
            loss = loss.add(regularizer.compute());
        }
        loss.backward();
        optimizer.step();
        return loss.item();
    }

    /** The workload's name, with "+reg" when the step includes the penalty. */
    public String name() {
        return regularizer == null ? name : name + "+reg";
    }

    /** The workload's name, one of {@link Workloads#NAMES}. */
    public String workload() {
        return name;
    }

    /** Whether the step includes the equivariance penalty. */
    public boolean regularized() {
        return regularizer != null;
    }

    /** The task loss of the model on the fixed batch, recorded with a graph (no penalty, no update). */
    public Tensor taskLoss() {
        return taskLoss.apply(model.forward(inputs));
    }

    /** The model being trained; its parameters change with every {@link #run()}. */
    public Module model() {
        return model;
    }
}
