package org.equireg.core;

/**
 * What a {@link Derivative} may read: the op's inputs and its output, each checked when read for a
 * write in place since the forward pass (PyTorch: {@code SavedVariable.unpack} and its version
 * check), and which inputs the current backward pass needs a gradient for.
 */
public final class Saved {
    private final Node node;
    private final Tensor output;
    private final boolean[] needed;
    private final boolean lastUse;

    Saved(Node node, Tensor output, boolean[] needed, boolean lastUse) {
        this.node = node;
        this.output = output;
        this.needed = needed;
        this.lastUse = lastUse;
    }

    /**
     * Input {@code index} of the op, as it was at the forward pass.
     *
     * @throws IllegalStateException when it was written in place since
     */
    public Tensor input(int index) {
        node.checkInputVersion(index);
        return node.inputs()[index];
    }

    /**
     * The op's output, as it was at the forward pass; differentiable when the engine creates a graph.
     *
     * @throws IllegalStateException when it was written in place since
     */
    public Tensor output() {
        node.checkOutputVersion(output);
        return output;
    }

    /** Whether this backward pass needs the gradient of input {@code index} (skip the work when not). */
    public boolean needsGrad(int index) {
        return needed[index];
    }

    /**
     * Whether the engine drops this op's record once the rule returns (a backward that neither
     * retains nor creates a graph): state that only the rule holds, such as max pooling's argmax,
     * is dead after this call unless an earlier graph-creating backward recorded a node that reads it.
     */
    public boolean lastUse() {
        return lastUse;
    }
}
