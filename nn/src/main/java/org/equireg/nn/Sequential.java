package org.equireg.nn;

import java.util.ArrayList;
import java.util.List;
import org.equireg.core.Arguments;
import org.equireg.core.Shapes;
import org.equireg.core.Tensor;
import org.equireg.core.ops.Activation;

/**
 * Modules applied one after another; they are registered as {@code "0"}, {@code "1"}, ..., so the
 * state-dict names are PyTorch's ({@code "0.weight"}, {@code "2.bias"}). PyTorch: {@code torch.nn.Sequential}.
 * An {@link IllegalArgumentException} from a layer's forward pass is rethrown with the layer's index,
 * the layer and the shape it was given in front of the layer's own message (which it keeps as cause).
 *
 * <p>A {@link Conv2d} or {@link Linear} followed by a {@link ReLU}, {@link Tanh} or {@link Sigmoid}
 * runs as one fused op (the activation applied to the layer's output buffer in place; one tensor and
 * one graph node instead of two), with the same values and gradients, bit for bit, to every order.
 */
public final class Sequential extends Module {
    private int size;

    /** The modules in order (none gives the identity). */
    public Sequential(Module... modules) {
        Arguments.notNull(modules, "Sequential", "modules");
        for (int i = 0; i < modules.length; i++) {
            append(Arguments.notNull(modules[i], "Sequential", "modules[" + i + "]"));
        }
    }

    /** Adds a module at the end under the next index; returns this. */
    public Sequential append(Module module) {
        registerModule(Integer.toString(size), Arguments.notNull(module, "Sequential.append", "module"));
        size++;
        return this;
    }

    /** The module at {@code index}. */
    public Module get(int index) {
        if (index < 0 || index >= size) {
            throw new IllegalArgumentException("Sequential.get: index " + index + " is out of range [0, " + size + ")");
        }
        return namedChildren().get(Integer.toString(index));
    }

    /** Number of modules. */
    public int size() {
        return size;
    }

    @Override
    public Tensor forward(Tensor input) {
        Tensor output = Arguments.notNull(input, "Sequential.forward", "input");
        List<Module> modules = new ArrayList<>(namedChildren().values());
        for (int index = 0; index < modules.size(); index++) {
            Module module = modules.get(index);
            Activation next = index + 1 < modules.size() ? activation(modules.get(index + 1)) : null;
            try {
                if (next != null && module instanceof Conv2d conv) {
                    output = conv.forward(output, next);
                    index++;
                } else if (next != null && module instanceof Linear linear) {
                    output = linear.forward(output, next);
                    index++;
                } else {
                    output = module.forward(output);
                }
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException("Sequential: layer (" + index + ") " + module.getClass().getSimpleName()
                        + "(" + module.extraRepr() + ") failed on input of shape " + Shapes.str(output.shape()) + ": "
                        + e.getMessage(), e);
            }
        }
        return output;
    }

    /** The fused activation a ReLU, Tanh or Sigmoid module applies, or null for any other module. */
    private static Activation activation(Module module) {
        if (module instanceof ReLU) {
            return Activation.RELU;
        }
        if (module instanceof Tanh) {
            return Activation.TANH;
        }
        return module instanceof Sigmoid ? Activation.SIGMOID : null;
    }
}
