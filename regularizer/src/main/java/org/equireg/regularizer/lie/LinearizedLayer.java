package org.equireg.regularizer.lie;

import java.util.List;
import org.equireg.core.Autograd;
import org.equireg.core.GradMode;
import org.equireg.core.Tensor;
import org.equireg.nn.Module;

/**
 * One layer at one point: its output there and its Jacobian there, applied to as many tangents as
 * wanted. The Jacobian-vector products use the double-backward trick of {@link Autograd#jvp}, but
 * the forward pass and the first backward pass ({@code g(v) = v^T J}, linear in the dummy v) are
 * shared: each further tangent costs one backward pass through g, about the cost of the layer's
 * forward pass, where a fresh {@code Autograd.jvp} would cost three passes.
 */
final class LinearizedLayer {
    private final Tensor output;
    private final Tensor dummy;
    private final Tensor vectorJacobian;

    /** Runs {@code layer} at {@code point} (detached) with grad mode on, keeping what the products need. */
    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    LinearizedLayer(Module layer, Tensor point) {
        try (GradMode.Scope ignored = GradMode.enableGrad()) {
            Tensor input = point.detach().requiresGrad(true);
            Tensor y = layer.forward(input);
            output = y.detach();
            if (y.requiresGrad()) {
                dummy = Tensor.zeros(y.dtype(), y.shape()).requiresGrad(true);
                Tensor product = Autograd.grad(List.of(y), List.of(input), List.of(dummy), true).get(0);
                vectorJacobian = product.requiresGrad() ? product : null;
            } else {
                dummy = null;
                vectorJacobian = null;
            }
        }
    }

    /** The layer's output at the point, detached. */
    Tensor output() {
        return output;
    }

    /**
     * {@code J tangents[i]} for every i, detached, each shaped like the output. The graph is
     * released after the last, so call this once.
     */
    @SuppressWarnings("try") // the scope acts through its lifetime, not its name
    Tensor[] apply(List<Tensor> tangents) {
        Tensor[] products = new Tensor[tangents.size()];
        for (int i = 0; i < products.length; i++) {
            if (vectorJacobian == null) { // the output does not depend on the input
                products[i] = Tensor.zeros(output.dtype(), output.shape());
                continue;
            }
            boolean more = i < products.length - 1; // keep the graph for the next tangent
            try (GradMode.Scope ignored = GradMode.enableGrad()) {
                products[i] = Autograd.grad(List.of(vectorJacobian), List.of(dummy),
                        List.of(tangents.get(i).to(vectorJacobian.dtype())), more).get(0).detach();
            }
        }
        return products;
    }
}
