package org.equireg.core.ops;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Bad input throws {@link IllegalArgumentException} whose message starts with the op the caller
 * called ({@code "softmax: ..."}, not the primitive it is built on) and quotes the offending
 * shapes or values.
 */
class ErrorMessageTest {

    /** One bad call: the op it must name, the call, and the shapes or values the message must quote. */
    record BadCall(String op, Executable call, String... quoted) {
        @Override
        public String toString() {
            return op + " " + Arrays.toString(quoted);
        }
    }

    private static BadCall bad(String op, Executable call, String... quoted) {
        return new BadCall(op, call, quoted);
    }

    private static final Tensor MATRIX = Tensor.ones(2, 3);
    private static final Tensor VECTOR = Tensor.ones(4);
    private static final Tensor IMAGE = Tensor.ones(1, 2, 4, 4);

    static Stream<BadCall> badCalls() {
        return Stream.of(
                bad("Tensor.of", () -> Tensor.of(new double[5], 2, 3), "5", "[2, 3]"),
                bad("Tensor.wrap", () -> Tensor.wrap((double[]) null, 2), "null"),
                bad("zeros", () -> Tensor.zeros(2, -1), "[2, -1]"),
                bad("full", () -> Tensor.full(1.0, -3), "[-3]"),
                bad("ones", () -> Tensor.ones(-3), "[-3]"),
                bad("rand", () -> Tensor.rand(new SplittableRandom(1), 2, -3), "[2, -3]"),
                bad("randn", () -> Tensor.randn(new SplittableRandom(1), -3), "[-3]"),
                bad("arange", () -> Tensor.arange(-2), "-2"),
                bad("get", () -> MATRIX.get(2, 0), "[2, 0]", "[2, 3]"),
                bad("dim", () -> MATRIX.dim(2), "2"),
                bad("add", () -> MATRIX.add(VECTOR), "[2, 3]", "[4]"),
                bad("sub", () -> MATRIX.sub(VECTOR), "[2, 3]", "[4]"),
                bad("mul", () -> MATRIX.mul(VECTOR), "[2, 3]", "[4]"),
                bad("div", () -> MATRIX.div(VECTOR), "[2, 3]", "[4]"),
                bad("maximum", () -> MATRIX.maximum(VECTOR), "[2, 3]", "[4]"),
                bad("minimum", () -> MATRIX.minimum(VECTOR), "[2, 3]", "[4]"),
                bad("where", () -> Tensor.where(Tensor.ones(2, 3), MATRIX, VECTOR), "[2, 3]", "[4]"),
                bad("gt", () -> MATRIX.gt(VECTOR), "[2, 3]", "[4]"),
                bad("lt", () -> MATRIX.lt(VECTOR), "[2, 3]", "[4]"),
                bad("eq", () -> MATRIX.eq(VECTOR), "[2, 3]", "[4]"),
                bad("pow", () -> MATRIX.pow(Double.NaN), "NaN"),
                bad("clamp", () -> MATRIX.clamp(1, -1), "1.0", "-1.0"),
                bad("sum", () -> MATRIX.sum(2, false), "2"),
                bad("mean", () -> MATRIX.mean(-3, false), "-3"),
                bad("max", () -> MATRIX.max(5, true), "5"),
                bad("max", () -> Tensor.zeros(0).max(), "[0]"),
                bad("min", () -> MATRIX.min(5, true), "5"),
                bad("min", () -> Tensor.zeros(0).min(), "[0]"),
                bad("logSumExp", () -> MATRIX.logSumExp(2, false), "2"),
                bad("norm", () -> MATRIX.norm(0.5), "0.5"),
                bad("norm", () -> MATRIX.norm(2, -3, false), "-3"),
                bad("argmax", () -> MATRIX.argmax(2), "2"),
                bad("softmax", () -> MATRIX.softmax(2), "2"),
                bad("logSoftmax", () -> MATRIX.logSoftmax(-3), "-3"),
                bad("matmul", () -> MATRIX.matmul(Tensor.ones(2, 3)), "[2, 3]"),
                bad("matmul", () -> VECTOR.matmul(Tensor.ones(3)), "[4]", "[3]"),
                bad("matmul", () -> VECTOR.matmul(MATRIX), "[4]", "[2, 3]"),
                bad("matmul", () -> Tensor.scalar(1).matmul(VECTOR), "[]"),
                bad("linear", () -> MATRIX.linear(Tensor.ones(5, 4), null), "[2, 3]", "3 features", "[5, 4]",
                        "expects 4"),
                bad("linear", () -> MATRIX.linear(Tensor.ones(3), null), "[2, 3]", "[3]"),
                bad("linear", () -> Tensor.scalar(1).linear(Tensor.ones(2, 1), null), "[]", "[2, 1]"),
                bad("linear", () -> MATRIX.linear(Tensor.ones(5, 3), Tensor.ones(4)), "[4]", "[5]"),
                bad("linear", () -> MATRIX.linear(null, null), "weight is null"),
                bad("conv2d", () -> MATRIX.conv2d(Tensor.ones(1, 1, 1, 1), null, 1, 0), "[2, 3]"),
                bad("conv2d", () -> IMAGE.conv2d(Tensor.ones(3, 1, 3, 3), null, 1, 0), "[1, 2, 4, 4]", "[3, 1, 3, 3]"),
                bad("conv2d", () -> IMAGE.conv2d(Tensor.ones(2, 2, 3, 3), Tensor.ones(3), 1, 0), "[3]"),
                bad("conv2d", () -> IMAGE.conv2d(Tensor.ones(2, 2, 3, 3), null, 0, 0), "stride = 0"),
                bad("conv2d", () -> IMAGE.conv2d(Tensor.ones(2, 2, 5, 5), null, 1, 0), "[1, 2, 4, 4]"),
                bad("conv2d", () -> IMAGE.conv2d(Tensor.ones(2, 1, 3, 3), null, 1, 0, 1, 3), "3 group(s)"),
                bad("maxPool2d", () -> MATRIX.maxPool2d(2, 2, 0), "[2, 3]"),
                bad("maxPool2d", () -> IMAGE.maxPool2d(2, 2, 2), "padding = 2"),
                bad("avgPool2d", () -> IMAGE.avgPool2d(5, 1, 0), "[1, 2, 4, 4]"),
                bad("avgPool2d", () -> IMAGE.avgPool2d(2, 0, 0), "stride = 0"),
                bad("reshape", () -> MATRIX.reshape(4, 2), "[2, 3]", "[4, 2]"),
                bad("reshape", () -> MATRIX.reshape(-1, -1), "[-1, -1]"),
                bad("flatten", () -> Tensor.ones(2, 3, 4).flatten(2, 0), "2", "0"),
                bad("flatten", () -> MATRIX.flatten(0, 2), "2"),
                bad("permute", () -> MATRIX.permute(0), "[0]", "[2, 3]"),
                bad("permute", () -> MATRIX.permute(0, -2), "[0, -2]"),
                bad("transpose", () -> Tensor.ones(2, 3, 4).transpose(), "[2, 3, 4]"),
                bad("transpose", () -> MATRIX.transpose(0, 2), "2"),
                bad("squeeze", () -> MATRIX.squeeze(1), "[2, 3]"),
                bad("unsqueeze", () -> MATRIX.unsqueeze(3), "3"),
                bad("broadcastTo", () -> MATRIX.broadcastTo(3, 3), "[2, 3]", "[3, 3]"),
                bad("broadcastTo", () -> Tensor.ones(1).broadcastTo(2, -1), "[2, -1]"),
                bad("concat", () -> Tensor.concat(0, MATRIX, VECTOR), "[2, 3]", "[4]"),
                bad("concat", () -> Tensor.concat(2, MATRIX), "2"),
                bad("concat", () -> Tensor.concat(0), "at least one"),
                bad("stack", () -> Tensor.stack(0, MATRIX, Tensor.ones(3, 2)), "[2, 3]", "[3, 2]"),
                bad("stack", () -> Tensor.stack(3, MATRIX, MATRIX), "3"),
                bad("slice", () -> MATRIX.slice(1, 0, 2, 0), "0"),
                bad("slice", () -> MATRIX.slice(2, 0, 1), "2"),
                bad("indexSelect", () -> MATRIX.indexSelect(1, 0, 3), "3", "[2, 3]"),
                bad("indexSelect", () -> MATRIX.indexSelect(1, -1), "-1", "[2, 3]"),
                bad("gather", () -> MATRIX.gather(1, Tensor.zeros(2)), "[2]", "[2, 3]"),
                bad("gather", () -> MATRIX.gather(1, Tensor.full(3, 2, 1)), "3.0"),
                bad("gather", () -> MATRIX.gather(1, Tensor.full(0.5, 2, 1)), "0.5"),
                bad("gather", () -> MATRIX.gather(0, Tensor.zeros(1, 4)), "[1, 4]", "[2, 3]"),
                bad("pad", () -> MATRIX.pad(new int[] {1}, 0), "[1]"),
                bad("pad", () -> MATRIX.pad(new int[] {0, 0, 0, 0, 0, 0}, 0), "[2, 3]"),
                bad("pad", () -> MATRIX.pad(new int[] {-2, -2}, 0), "[-2, -2]", "[2, 3]"),
                bad("pad", () -> MATRIX.pad(new int[] {Integer.MAX_VALUE, Integer.MAX_VALUE}, 0), "[2, 3]"),
                bad("roll", () -> MATRIX.roll(1, 2), "2"),
                bad("flip", () -> MATRIX.flip(1, -1), "[1, -1]"),
                bad("flip", () -> MATRIX.flip(2), "2"),
                bad("rot90", () -> MATRIX.rot90(1, 0, -2), "0", "-2"),
                bad("rot90", () -> MATRIX.rot90(1, 0, 2), "2"));
    }

    @Test
    void matmulBatchMismatchQuotesBothShapes() {
        badInputNamesTheOpAndTheValues(bad("matmul", () -> Tensor.ones(2, 3, 4).matmul(Tensor.ones(3, 4, 5)),
                "[2, 3, 4]", "[3, 4, 5]"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badCalls")
    void badInputNamesTheOpAndTheValues(BadCall bad) {
        IllegalArgumentException error = assertThrows(IllegalArgumentException.class, bad.call());
        String message = error.getMessage();
        assertTrue(message.startsWith(bad.op() + ":"), () -> "should start with '" + bad.op() + ":' but was: " + message);
        for (String quoted : bad.quoted()) {
            assertTrue(message.contains(quoted), () -> "should quote " + quoted + ": " + message);
        }
    }
}
