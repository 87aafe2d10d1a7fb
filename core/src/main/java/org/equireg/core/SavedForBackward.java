package org.equireg.core;

/**
 * Which of its inputs, and whether its own output, each primitive's backward reads: the values the
 * engine checks for in-place writes before running that backward (PyTorch: the saved variables).
 * An input that backward does not read (both inputs of add, the input of reshape) may be written
 * between forward and backward without harm, so it is not checked. An op not listed here (a custom
 * op built on {@link Tensor#fromOp}) is taken to read every input.
 *
 * <p>Products read one operand only to give the other its gradient: {@code d(a b)/da = b}, so b is
 * read only when a requires grad (asked when backward runs, as the op's backward asks it).
 */
final class SavedForBackward {
    /** Bit for "backward reads the op's output". */
    static final int OUTPUT = 1 << 31;
    /** Every input (the first 31 by bit, any later one by this whole value). */
    static final int ALL_INPUTS = ~OUTPUT;
    private static final int NONE = 0;

    private SavedForBackward() {
    }

    /** Bit j set when backward reads input j; {@link #OUTPUT} when it reads the output. */
    static int of(String op, Tensor[] inputs) {
        return switch (op) {
            case "add", "sub", "neg", "sum", "reshape", "broadcastTo", "concat", "permute", "slice", "indexSelect",
                 "gather", "pad", "roll", "flip", "cumsum", "avgPool2d", "maxPool2d" -> NONE;
            case "abs", "clamp", "log", "log1p", "pow", "relu", "where" -> input(0);
            case "exp", "sigmoid", "sqrt", "tanh" -> OUTPUT;
            case "max", "norm" -> input(0) | OUTPUT;
            case "maximum" -> input(0) | input(1);
            case "div" -> input(1) | (inputs[1].requiresGrad() ? OUTPUT : NONE);
            case "mul", "matmul", "linear", "conv2d" -> (inputs[1].requiresGrad() ? input(0) : NONE)
                    | (inputs[0].requiresGrad() ? input(1) : NONE);
            default -> ALL_INPUTS;
        };
    }

    /** Whether {@code saved} (a value of {@link #of}) marks input {@code index} as read. */
    static boolean readsInput(int saved, int index) {
        return index < 31 ? (saved >>> index & 1) != 0 : saved == ALL_INPUTS;
    }

    private static int input(int index) {
        return 1 << index;
    }
}
