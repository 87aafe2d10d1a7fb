package org.equireg.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The reverse-mode engine: a topological sort of the graph, then one reversed loop that calls each
 * op's {@link Backward}, sums fan-out and reduces broadcast gradients to their inputs' shapes.
 * Ops never repeat that bookkeeping. Iterative throughout, so graph depth is bounded by the heap,
 * not the stack.
 */
final class Autograd {
    private Autograd() {
    }

    static void backward(Tensor root, Tensor seed, boolean retainGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the tensor " + Shapes.str(root.shape())
                    + " does not require grad and has no graph (no input had requiresGrad(true), or it was made under noGrad)");
        }
        if (!java.util.Arrays.equals(seed.shape(), root.shape())) {
            throw new IllegalArgumentException("backward: seed shape " + Shapes.str(seed.shape())
                    + " differs from the output shape " + Shapes.str(root.shape()));
        }
        seed = seed.to(root.dtype());
        if (root.node() == null) {
            root.accumulateGrad(seed);
            return;
        }
        List<Tensor> order = topologicalOrder(root);
        Map<Tensor, Tensor> pending = new IdentityHashMap<>();
        pending.put(root, seed);
        try (GradMode.Scope ignored = GradMode.noGrad()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor output = order.get(i);
                Tensor gradOutput = pending.remove(output);
                if (gradOutput != null) {
                    output.node().checkSavedVersions(output);
                    propagate(output.node(), gradOutput, pending);
                }
                if (!retainGraph) {
                    output.node().release();
                }
            }
        }
    }

    private static void propagate(Node node, Tensor gradOutput, Map<Tensor, Tensor> pending) {
        Tensor[] inputs = node.inputs();
        Tensor[] grads = node.backward().apply(gradOutput);
        if (grads.length != inputs.length) {
            throw new IllegalStateException(node.op + ": backward returned " + grads.length
                    + " gradients for " + inputs.length + " inputs");
        }
        for (int j = 0; j < inputs.length; j++) {
            Tensor input = inputs[j];
            if (grads[j] == null || !input.requiresGrad()) {
                continue;
            }
            Tensor grad = reduceToShape(node.op, grads[j].to(input.dtype()), input.shape());
            Anomaly.checkGradient(node, j, grad);
            if (input.node() == null) {
                input.accumulateGrad(grad);
            } else {
                pending.merge(input, grad, Tensor::add);
            }
        }
    }

    /** Sums a gradient over the dimensions along which its input was broadcast. */
    private static Tensor reduceToShape(String op, Tensor grad, int[] inputShape) {
        if (java.util.Arrays.equals(grad.shape(), inputShape)) {
            return grad;
        }
        if (!Shapes.broadcastsTo(inputShape, grad.shape())) {
            throw new IllegalStateException(op + ": backward produced a gradient of shape " + Shapes.str(grad.shape())
                    + " for an input of shape " + Shapes.str(inputShape));
        }
        if (grad.dtype() == DType.FLOAT32) {
            return Tensor.wrap(org.equireg.core.kernels.BroadcastF32.sumTo(grad.floatBuffer(), grad.shape(), inputShape),
                    inputShape);
        }
        return Tensor.wrap(org.equireg.core.kernels.Broadcast.sumTo(grad.buffer(), grad.shape(), inputShape), inputShape);
    }

    /** Tensors with a node, each after all the tensors it was computed from (iterative post-order DFS). */
    private static List<Tensor> topologicalOrder(Tensor root) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<int[]> nextInput = new ArrayDeque<>();
        visited.add(root);
        stack.push(root);
        nextInput.push(new int[1]);
        while (!stack.isEmpty()) {
            Tensor top = stack.peek();
            Tensor[] inputs = top.node().inputs();
            int[] cursor = nextInput.peek();
            if (cursor[0] < inputs.length) {
                Tensor child = inputs[cursor[0]++];
                if (child.node() != null && visited.add(child)) {
                    stack.push(child);
                    nextInput.push(new int[1]);
                }
            } else {
                order.add(stack.pop());
                nextInput.pop();
            }
        }
        return order;
    }
}
