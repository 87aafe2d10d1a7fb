package org.equireg.core;

import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import org.equireg.core.ops.Op;

/**
 * For the coverage tests: the primitives {@link Op} lists, and the ops a computation recorded, both
 * as lower-cased op names.
 */
public final class OpCoverage {
    private OpCoverage() {
    }

    /** The op names of the forward primitives: every {@link Op} but the fused backward kernels and the index scatter/gather pair. */
    public static Set<String> forwardPrimitives() {
        Set<String> names = new TreeSet<>();
        for (Op op : Op.values()) {
            if (op.kind() != Op.Kind.BACKWARD && op != Op.INDEX_GATHER && op != Op.INDEX_SCATTER) {
                names.add(op.opName().toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    /** The op names of every {@link Op}. */
    public static Set<String> primitives() {
        Set<String> names = new TreeSet<>();
        for (Op op : Op.values()) {
            names.add(op.opName().toLowerCase(Locale.ROOT));
        }
        return names;
    }

    /** The op names of every node in the graph behind {@code output} (before a backward releases it). */
    public static Set<String> recorded(Tensor output) {
        Set<String> ops = new TreeSet<>();
        Set<Tensor> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> pending = new ArrayDeque<>(List.of(output));
        while (!pending.isEmpty()) {
            Tensor tensor = pending.pop();
            if (tensor.node() != null && seen.add(tensor)) {
                ops.add(tensor.node().name().toLowerCase(Locale.ROOT));
                pending.addAll(Arrays.asList(tensor.node().inputs()));
            }
        }
        return ops;
    }
}
