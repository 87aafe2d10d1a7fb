package org.equireg.core;

/**
 * The record of how a tensor was made: the primitive, its inputs and its derivative rule, and the
 * versions of the inputs and of the output when the op ran, so that a rule reading one of them
 * after a write in place fails loudly instead of giving a wrong gradient (PyTorch: saved-variable
 * versions). Only what a rule reads through {@link Saved} is checked, so the saved set follows from
 * the formula.
 */
final class Node {
    final Primitive op;
    private Tensor[] inputs;
    private Derivative derivative;
    /** Where the op ran, recorded only in anomaly mode. */
    final Throwable createdAt;
    /** {@link Tensor#version()} of each input when the op ran. */
    private final int[] inputVersions;
    /** The output's version when it was made; set by the output's constructor. */
    int outputVersion;

    Node(Primitive op, Tensor[] inputs, Derivative derivative, Throwable createdAt) {
        this.op = op;
        this.inputs = inputs;
        this.derivative = derivative;
        this.createdAt = createdAt;
        this.inputVersions = new int[inputs.length];
        for (int j = 0; j < inputs.length; j++) {
            inputVersions[j] = inputs[j].version();
        }
    }

    String name() {
        return op.opName();
    }

    Tensor[] inputs() {
        checkNotReleased();
        return inputs;
    }

    Derivative derivative() {
        checkNotReleased();
        return derivative;
    }

    void checkInputVersion(int index) {
        Tensor input = inputs()[index];
        if (input.version() != inputVersions[index]) {
            throw modified("input " + index, input, inputVersions[index]);
        }
    }

    void checkOutputVersion(Tensor output) {
        if (output.version() != outputVersion) {
            throw modified("its output", output, outputVersion);
        }
    }

    private IllegalStateException modified(String which, Tensor tensor, int recorded) {
        String op = name();
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
        derivative = null;
    }

    private void checkNotReleased() {
        if (derivative == null) {
            throw new IllegalStateException("backward through '" + name() + "' a second time: its graph was released by "
                    + "the first backward; pass retainGraph = true to backward(seed, retainGraph) to keep it");
        }
    }
}
