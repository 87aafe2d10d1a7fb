package org.equireg.core;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;
import org.equireg.core.kernels.Buffers;
import org.equireg.core.ops.Op;

/**
 * The reference counts by which one backward pass (without {@code createGraph}) hands its dead
 * intermediate gradients back to {@link Buffers}, for the next op of this step or of the next step.
 *
 * <p>An array is counted only when this pass lent it (so it was made by a rule of this pass, never
 * by the forward pass or the caller) and a built-in rule returned it: built-in rules are pure
 * formulas that keep nothing, whereas a custom rule might keep its gradient, so an array a custom
 * rule sees escapes. The count is the number of pending-gradient entries holding the array (views
 * and a rule returning its incoming gradient share one); an array delivered to the caller
 * ({@link Autograd#grad}'s results) escapes too. An array is recycled when its count drops to
 * zero and it never escaped: by then no pending entry, rule, leaf or caller can reach it (a leaf's
 * {@code accumulateGrad} copies or adds the increment and keeps no reference to it without a graph).
 *
 * <p>Two more savings follow from the same counts: a leaf with no gradient yet adopts an array no
 * one else holds instead of copying it (the array escapes), and relu's, tanh's and sigmoid's rules,
 * which read their gradient in one elementwise kernel, write into it when this pass holds it once.
 */
final class GradientBuffers implements AutoCloseable {
    private final Buffers.Pass pass = Buffers.openPass();
    private final Map<Object, Integer> holders = new IdentityHashMap<>();
    private final Set<Object> escaped = Collections.newSetFromMap(new IdentityHashMap<>());

    /** Whether {@code node}'s rule is one of the library's own (pure, keeps nothing it is given). */
    static boolean builtIn(Node node) {
        return node.op instanceof Op;
    }

    /**
     * Before {@code node}'s rule runs on {@code gradOutput}: lets the rule's elementwise kernel
     * overwrite gradOutput in place when the rule is one that reads its gradient in that one kernel
     * call only (relu, tanh, sigmoid) and no other pending entry, caller or leaf holds the array.
     */
    void offer(Tensor gradOutput, Node node) {
        if (node.op != Op.RELU && node.op != Op.TANH && node.op != Op.SIGMOID) {
            return;
        }
        Object array = Buffers.arrayOf(gradOutput.storage());
        Integer count = holders.get(array);
        if (count != null && count == 1 && !escaped.contains(array)) {
            pass.donate(array);
        }
    }

    /** After the rule: an offer it did not take lapses. */
    void withdraw() {
        pass.donate(null);
    }

    /**
     * Whether a leaf whose gradient is unset may take {@code grad}, returned by {@code producer}'s
     * rule, as its gradient without a copy: this pass made it and nothing else holds it.
     */
    boolean adoptable(Tensor grad, Node producer) {
        Object array = Buffers.arrayOf(grad.storage());
        return builtIn(producer) && pass.lent(array) && !escaped.contains(array) && !holders.containsKey(array)
                && grad.size() == grad.storage().length();
    }

    /** A pending entry now holds {@code grad}, which {@code producer}'s rule returned. */
    void hold(Tensor grad, Node producer) {
        Object array = Buffers.arrayOf(grad.storage());
        if (!builtIn(producer) || !pass.lent(array) || escaped.contains(array)) {
            return;
        }
        holders.merge(array, 1, Integer::sum);
    }

    /** A pending entry holding {@code grad} is gone (consumed by its rule, or summed into another). */
    void drop(Tensor grad) {
        Object array = Buffers.arrayOf(grad.storage());
        Integer count = holders.get(array);
        if (count == null) {
            return;
        }
        if (count > 1) {
            holders.put(array, count - 1);
            return;
        }
        holders.remove(array);
        if (!escaped.contains(array)) {
            pass.recycle(array);
        }
    }

    /**
     * {@code increment}, returned by {@code producer}'s rule, was added into a leaf's gradient (which
     * keeps no reference to it without a graph): recycled when this pass made it, no pending entry
     * holds its array and it never escaped (a leaf that adopted it made it escape).
     */
    void recycleUnheld(Tensor increment, Node producer) {
        Object array = Buffers.arrayOf(increment.storage());
        if (builtIn(producer) && !holders.containsKey(array) && !escaped.contains(array)) {
            pass.recycle(array);
        }
    }

    /** {@code grad} is reachable from outside the engine from now on: it is never recycled. */
    void escape(Tensor grad) {
        Object array = Buffers.arrayOf(grad.storage());
        escaped.add(array);
        holders.remove(array);
    }

    @Override
    public void close() {
        pass.close();
    }
}
