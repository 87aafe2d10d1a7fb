package org.equireg.core;

/**
 * The record of how a tensor was made: the op's name, its inputs and its derivative rule, and the
 * versions of the tensors its backward reads, so that a write in place between forward and
 * backward fails loudly instead of giving a wrong gradient (PyTorch: saved-variable versions).
 */
final class Node {
    final String op;
    private Tensor[] inputs;
    private Backward backward;
    /** Where the op ran, recorded only in anomaly mode. */
    final Throwable createdAt;
    /** {@link Tensor#version()} of each input when the op ran. */
    private final int[] inputVersions;
    /** The output's version when it was made; set by the output's constructor. */
    int outputVersion;

    Node(String op, Tensor[] inputs, Backward backward, Throwable createdAt) {
        this.op = op;
        this.inputs = inputs;
        this.backward = backward;
        this.createdAt = createdAt;
        this.inputVersions = new int[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            inputVersions[j] = inputs[j].version();
        }
    }

    Tensor[] inputs() {
        checkNotReleased();
        return inputs;
    }

    Backward backward() {
        checkNotReleased();
        return backward;
    }

    /**
     * Throws when a tensor this node's backward reads was written in place since the op ran. What
     * backward reads is looked up only once a version differs, to keep the common case a compare.
     *
     * @param output the tensor this node made
     */
    void checkSavedVersions(Tensor output) {
        checkNotReleased();
        for (int j = 0; j < inputs.length; j++) {
            if (inputs[j].version() != inputVersions[j] && SavedForBackward.readsInput(SavedForBackward.of(op, inputs), j)) {
                throw modified("input " + j, inputs[j], inputVersions[j]);
            }
        }
        if (output.version() != outputVersion && (SavedForBackward.of(op, inputs) & SavedForBackward.OUTPUT) != 0) {
            throw modified("its output", output, outputVersion);
        }
    }

    private IllegalStateException modified(String which, Tensor tensor, int recorded) {
        String label = tensor.label() == null ? "" : " '" + tensor.label() + "'";
        return new IllegalStateException("backward through '" + op + "': " + which + " (tensor" + label + " of shape "
                + Shapes.str(tensor.shape()) + "), which its gradient is computed from, was modified in place after the"
                + " forward pass: version " + recorded + " when '" + op + "' saved it, " + tensor.version() + " now."
                + " An optimizer step, loadStateDict, an Init.*InPlace call or gradient clipping between a forward pass"
                + " and its backward does this; run backward before changing the values (zero grads, forward,"
                + " backward, step), or recompute the forward pass after the change");
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
