package org.equireg.core;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.equireg.core.ops.SumTo;

/**
 * The reverse-mode engine: a topological sort of the graph, then one reversed loop that calls each
 * op's {@link Derivative}, sums fan-out and reduces broadcast gradients to their inputs' shapes.
 * Ops never repeat that bookkeeping. Iterative throughout, so graph depth is bounded by the heap,
 * not the stack.
 *
 * <p>Derivatives are formulas over differentiable ops. Without {@code createGraph} they run with
 * grad mode off and record nothing, as a first-order backward should; with it they run with grad
 * mode on, so the gradients carry a graph of their own and can be differentiated again, to any
 * order. A derivative that is zero (relu's second derivative, say) gives zeros, never an error.
 *
 * <pre>{@code
 * Tensor y = x.tanh().sum();
 * Tensor dx = Autograd.grad(List.of(y), List.of(x), null, true).get(0);   // 1 - tanh(x)^2, with a graph
 * Tensor d2x = Autograd.grad(List.of(dx.sum()), List.of(x), null, false).get(0);
 * }</pre>
 */
public final class Autograd {
    private Autograd() {
    }

    /**
     * The gradients of {@code outputs} with respect to {@code inputs}, as
     * {@code torch.autograd.grad}: the sum over outputs of {@code gradOutputs[i]^T d outputs[i] / d inputs}.
     * Leaves' {@link Tensor#grad()} are left untouched; an input the outputs do not depend on gets
     * zeros of its shape. The graph is kept when {@code createGraph} (so it can be used again) and
     * released otherwise.
     *
     * @param outputs tensors to differentiate, each computed with a graph from some input
     * @param inputs tensors to differentiate with respect to: leaves that require grad, or any tensor of the graph
     * @param gradOutputs one seed per output, shaped like it, or {@code null} for ones (scalar outputs only)
     * @param createGraph record a graph of the gradients themselves, so they are differentiable again
     * @return one gradient per input, shaped and typed like it
     */
    public static List<Tensor> grad(List<Tensor> outputs, List<Tensor> inputs, List<Tensor> gradOutputs,
                                    boolean createGraph) {
        Arguments.notNull(outputs, "Autograd.grad", "outputs");
        Arguments.notNull(inputs, "Autograd.grad", "inputs");
        if (gradOutputs != null && gradOutputs.size() != outputs.size()) {
            throw new IllegalArgumentException("Autograd.grad: " + gradOutputs.size() + " gradOutputs for "
                    + outputs.size() + " outputs");
        }
        List<Tensor> seeds = new ArrayList<>(outputs.size());
        for (int i = 0; i < outputs.size(); i++) {
            Tensor output = Arguments.notNull(outputs.get(i), "Autograd.grad", "outputs[" + i + "]");
            Tensor seed = gradOutputs == null ? null : gradOutputs.get(i);
            seeds.add(seed == null ? onesFor("Autograd.grad", output) : seed);
        }
        Set<Tensor> wanted = Collections.newSetFromMap(new IdentityHashMap<>());
        for (int j = 0; j < inputs.size(); j++) {
            Tensor input = Arguments.notNull(inputs.get(j), "Autograd.grad", "inputs[" + j + "]");
            if (!input.requiresGrad()) {
                throw new IllegalArgumentException("Autograd.grad: inputs[" + j + "] of shape " + Shapes.str(input.shape())
                        + " does not require grad; call requiresGrad(true) on it before computing the outputs");
            }
            wanted.add(input);
        }
        Map<Tensor, Tensor> captured = run(outputs, seeds, wanted, createGraph, createGraph);
        List<Tensor> result = new ArrayList<>(inputs.size());
        for (Tensor input : inputs) {
            Tensor g = captured.get(input);
            result.add(g != null ? g : Tensor.zeros(input.dtype(), input.shape()));
        }
        return result;
    }

    /**
     * The Jacobian-vector product {@code J_f(x) tangent}, shaped like {@code f(x)}: the directional
     * derivative of f at x along {@code tangent}. Computed by the double-backward trick (two reverse
     * passes, as {@code torch.autograd.functional.jvp} does): with a dummy v, {@code g = v^T J} is
     * linear in v, and the gradient of {@code g . tangent} with respect to v is {@code J tangent}.
     * When grad mode is on the result carries a graph, so it is differentiable with respect to
     * whatever f depends on (a model's weights, x itself when it requires grad): a penalty on it trains.
     *
     * @param f a function of one tensor, recorded with the engine's ops
     * @param x the point; not modified
     * @param tangent the direction, shaped like x
     */
    public static Tensor jvp(UnaryOperator<Tensor> f, Tensor x, Tensor tangent) {
        Arguments.notNull(f, "Autograd.jvp", "f");
        Arguments.notNull(x, "Autograd.jvp", "x");
        Arguments.notNull(tangent, "Autograd.jvp", "tangent");
        if (!Arrays.equals(x.shape(), tangent.shape())) {
            throw new IllegalArgumentException("Autograd.jvp: tangent shape " + Shapes.str(tangent.shape())
                    + " differs from x's " + Shapes.str(x.shape()));
        }
        boolean outerGraph = GradMode.isEnabled();
        try (GradMode.Scope ignored = GradMode.enableGrad()) {
            Tensor point = x.requiresGrad() ? x : x.detach().requiresGrad(true);
            Tensor y = Arguments.notNull(f.apply(point), "Autograd.jvp", "f(x)");
            if (!y.requiresGrad()) {
                return Tensor.zeros(y.dtype(), y.shape());
            }
            Tensor dummy = Tensor.zeros(y.dtype(), y.shape()).requiresGrad(true);
            Tensor vjp = grad(List.of(y), List.of(point), List.of(dummy), true).get(0);
            if (!vjp.requiresGrad()) {
                return Tensor.zeros(y.dtype(), y.shape());
            }
            return grad(List.of(vjp), List.of(dummy), List.of(tangent.to(vjp.dtype())), outerGraph).get(0);
        }
    }

    static void backward(Tensor root, Tensor seed, boolean retainGraph, boolean createGraph) {
        if (!root.requiresGrad()) {
            throw new IllegalStateException("backward: the tensor " + Shapes.str(root.shape())
                    + " does not require grad and has no graph (no input had requiresGrad(true), or it was made under noGrad)");
        }
        run(List.of(root), List.of(seed), null, retainGraph || createGraph, createGraph);
    }

    private static Tensor onesFor(String where, Tensor output) {
        if (output.size() != 1) {
            throw new IllegalArgumentException(where + ": output of shape " + Shapes.str(output.shape())
                    + " is not a scalar; pass its gradOutputs");
        }
        return Tensor.ones(output.dtype(), output.shape());
    }

    /**
     * Back-propagates {@code seeds} from {@code roots}. With {@code wanted} null, accumulates into the
     * leaves' grad(); otherwise returns the total gradient of each wanted tensor and touches no leaf.
     */
    private static Map<Tensor, Tensor> run(List<Tensor> roots, List<Tensor> seeds, Set<Tensor> wanted,
                                           boolean retainGraph, boolean createGraph) {
        Map<Tensor, Tensor> captured = new IdentityHashMap<>();
        Map<Tensor, Tensor> pending = new IdentityHashMap<>();
        for (int i = 0; i < roots.size(); i++) {
            Tensor root = roots.get(i);
            Tensor seed = Arguments.notNull(seeds.get(i), "backward", "seed");
            if (!Arrays.equals(seed.shape(), root.shape())) {
                throw new IllegalArgumentException("backward: seed shape " + Shapes.str(seed.shape())
                        + " differs from the output shape " + Shapes.str(root.shape()));
            }
            if (!root.requiresGrad()) {
                continue; // a constant output adds nothing to any gradient
            }
            seed = seed.to(root.dtype());
            if (root.node() == null) {
                deliverToLeaf(root, seed, null, wanted, captured, createGraph, null);
            } else {
                pending.merge(root, seed, Autograd::sum);
            }
        }
        List<Tensor> order = topologicalOrder(roots);
        Set<Tensor> needed = wanted == null ? null : neededFor(order, wanted);
        try (GradMode.Scope ignored = createGraph ? GradMode.enableGrad() : GradMode.noGrad();
             Anomaly.Scope inBackward = Anomaly.backwardPass();
             GradientBuffers buffers = createGraph ? null : new GradientBuffers()) {
            for (int i = order.size() - 1; i >= 0; i--) {
                Tensor output = order.get(i);
                Tensor gradOutput = pending.remove(output);
                if (gradOutput != null && wanted != null && wanted.contains(output)) {
                    captured.merge(output, gradOutput, Autograd::sum);
                    if (buffers != null) {
                        buffers.escape(gradOutput);
                    }
                }
                if (gradOutput != null) {
                    propagate(output, gradOutput, pending, wanted, needed, captured, createGraph, buffers, !retainGraph);
                    if (buffers != null) {
                        buffers.drop(gradOutput);
                    }
                }
                if (!retainGraph) {
                    output.node().release();
                }
            }
        }
        return captured;
    }

    /**
     * Runs {@code output}'s rule and hands its gradients on. With {@code buffers} (no graph being
     * created) every pending entry is counted, so the caller can recycle {@code gradOutput} once the
     * rule is done with it; a custom rule might keep its gradient, so that one escapes.
     */
    private static void propagate(Tensor output, Tensor gradOutput, Map<Tensor, Tensor> pending, Set<Tensor> wanted,
                                  Set<Tensor> needed, Map<Tensor, Tensor> captured, boolean createGraph,
                                  GradientBuffers buffers, boolean lastUse) {
        Node node = output.node();
        Tensor[] inputs = node.inputs();
        boolean[] needs = new boolean[inputs.length];
        boolean any = false;
        for (int j = 0; j < inputs.length; j++) {
            needs[j] = inputs[j].requiresGrad() && (needed == null || needed.contains(inputs[j]));
            any |= needs[j];
        }
        if (!any) {
            return;
        }
        if (buffers != null && !GradientBuffers.builtIn(node)) {
            buffers.escape(gradOutput);
        }
        Tensor[] grads;
        if (buffers == null) {
            grads = node.derivative().apply(new Saved(node, output, needs, lastUse), gradOutput);
        } else {
            buffers.offer(gradOutput, node);
            try {
                grads = node.derivative().apply(new Saved(node, output, needs, lastUse), gradOutput);
            } finally {
                buffers.withdraw();
            }
        }
        if (grads.length != inputs.length) {
            throw new IllegalStateException(node.name() + ": backward returned " + grads.length
                    + " gradients for " + inputs.length + " inputs");
        }
        List<Tensor> summed = null;
        List<Tensor> spent = null; // out of the pending set: added into a leaf's gradient or into a sum
        for (int j = 0; j < inputs.length; j++) {
            Tensor input = inputs[j];
            if (!needs[j] || grads[j] == null && input.node() != null) {
                continue; // a zero gradient need not flow through the graph; a leaf still gets its zeros
            }
            Tensor grad = grads[j] == null ? Tensor.zeros(input.dtype(), input.shape())
                    : reduceToShape(node.name(), grads[j].to(input.dtype()), input.shape());
            Anomaly.checkGradient(node, j, grad);
            if (input.node() == null) {
                deliverToLeaf(input, grad, node, wanted, captured, createGraph, buffers);
                if (buffers != null) {
                    spent = spent == null ? new ArrayList<>() : spent;
                    spent.add(grad); // a leaf that adopted it made it escape
                }
            } else if (buffers == null) {
                pending.merge(input, grad, Autograd::sum);
            } else {
                Tensor earlier = pending.get(input);
                Tensor total = earlier == null ? grad : sum(earlier, grad);
                pending.put(input, total);
                buffers.hold(total, node);
                if (earlier != null) {
                    summed = summed == null ? new ArrayList<>() : summed;
                    summed.add(earlier);
                    spent = spent == null ? new ArrayList<>() : spent;
                    spent.add(grad);
                }
            }
        }
        // Only now: a later input of this rule may have been given the same array.
        if (summed != null) {
            summed.forEach(buffers::drop);
        }
        if (spent != null) {
            for (Tensor increment : spent) {
                buffers.recycleUnheld(increment, node);
            }
        }
    }

    /** Accumulates into the leaf's grad(), or captures for {@link #grad}; {@code producer} made {@code grad}, or is null. */
    private static void deliverToLeaf(Tensor leaf, Tensor grad, Node producer, Set<Tensor> wanted,
                                      Map<Tensor, Tensor> captured, boolean createGraph, GradientBuffers buffers) {
        if (wanted == null && buffers != null && leaf.grad() == null && buffers.adoptable(grad, producer)) {
            leaf.adoptGrad(grad);
            buffers.escape(grad);
        } else if (wanted == null) {
            leaf.accumulateGrad(grad, createGraph);
        } else if (wanted.contains(leaf)) {
            captured.merge(leaf, grad, Autograd::sum);
            if (buffers != null) {
                buffers.escape(grad);
            }
        }
    }

    /** Fan-out: the sum of two gradients of one tensor, recorded when a graph is being created. */
    private static Tensor sum(Tensor a, Tensor b) {
        return a.add(b);
    }

    /** Sums a gradient over the dimensions along which its input was broadcast. */
    private static Tensor reduceToShape(String op, Tensor grad, int[] inputShape) {
        if (Arrays.equals(grad.shape(), inputShape)) {
            return grad;
        }
        if (!Shapes.broadcastsTo(inputShape, grad.shape())) {
            throw new IllegalStateException(op + ": backward produced a gradient of shape " + Shapes.str(grad.shape())
                    + " for an input of shape " + Shapes.str(inputShape));
        }
        return SumTo.apply(grad, inputShape);
    }

    /** The tensors from which some wanted tensor can be reached (so whose gradient is worth computing). */
    private static Set<Tensor> neededFor(List<Tensor> order, Set<Tensor> wanted) {
        Set<Tensor> needed = Collections.newSetFromMap(new IdentityHashMap<>());
        needed.addAll(wanted);
        for (Tensor tensor : order) { // inputs come before the tensors made from them
            for (Tensor input : tensor.node().inputs()) {
                if (needed.contains(input)) {
                    needed.add(tensor);
                    break;
                }
            }
        }
        return needed;
    }

    /** Tensors with a node, each after all the tensors it was computed from (iterative post-order DFS). */
    private static List<Tensor> topologicalOrder(List<Tensor> roots) {
        List<Tensor> order = new ArrayList<>();
        Set<Tensor> visited = Collections.newSetFromMap(new IdentityHashMap<>());
        ArrayDeque<Tensor> stack = new ArrayDeque<>();
        ArrayDeque<int[]> nextInput = new ArrayDeque<>();
        for (Tensor root : roots) {
            if (root.node() == null || !visited.add(root)) {
                continue;
            }
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
        }
        return order;
    }
}
