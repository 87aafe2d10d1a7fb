package org.equireg.core;

/** The record of how a tensor was made: the op's name, its inputs and its derivative rule. */
final class Node {
    final String op;
    private Tensor[] inputs;
    private Backward backward;
    /** Where the op ran, recorded only in anomaly mode. */
    final Throwable createdAt;

    Node(String op, Tensor[] inputs, Backward backward, Throwable createdAt) {
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
        this.createdAt = createdAt;
    }

    Tensor[] inputs() {
        checkNotReleased();
        return inputs;
    }

    Backward backward() {
        checkNotReleased();
        return backward;
    }

    /** Drops the saved tensors so they can be collected; a later backward through here fails. */
    void release() {
        inputs = null;
        backward = null;
    }

    private void checkNotReleased() {
        if (backward == null) {
            throw new IllegalStateException("backward through '" + op + "' a second time: its graph was released by "
                    + "the first backward; pass retainGraph = true to backward(seed, retainGraph) to keep it");
        }
    }
}
