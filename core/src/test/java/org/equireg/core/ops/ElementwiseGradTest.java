package org.equireg.core.ops;

import static org.equireg.core.ops.GradCase.dyadic;
import static org.equireg.core.ops.GradCase.of;

import java.util.ArrayList;
import java.util.List;
import java.util.function.BinaryOperator;
import java.util.stream.Stream;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Gradient checks of the elementwise ops: unary, binary with broadcasting, their scalar overloads, where. */
class ElementwiseGradTest {

    /** Pairs of operand shapes: equal, trailing, both sides broadcast, scalars, rank growth, size 1, size 0. */
    private static final int[][][] BROADCAST_PAIRS = {
        {{2, 3}, {2, 3}}, {{2, 3}, {3}}, {{3}, {2, 3}}, {{2, 1}, {1, 3}}, {{}, {2, 3}}, {{2, 3}, {}}, {{}, {}},
        {{4, 1, 3}, {2, 1}}, {{1}, {1}}, {{0, 3}, {3}}, {{2, 0}, {1}},
    };

    /** Shapes for unary ops besides the main [2, 3]: a scalar, an empty tensor, size-1 dimensions. */
    private static final int[][] DEGENERATE = {{}, {0}, {1, 1}, {2, 0, 3}};

    /** A binary op, and whether its second operand must stay clear of 0 or all values of ties. */
    private record Binary(String method, BinaryOperator<Tensor> op, boolean safeDenominator, boolean distinct) {
    }

    private static final List<Binary> BINARY = List.of(
            new Binary("add(Tensor)", Tensor::add, false, false),
            new Binary("sub(Tensor)", Tensor::sub, false, false),
            new Binary("mul(Tensor)", Tensor::mul, false, false),
            new Binary("div(Tensor)", Tensor::div, true, false),
            new Binary("maximum(Tensor)", Tensor::maximum, false, true),
            new Binary("minimum(Tensor)", Tensor::minimum, false, true));

    static Stream<GradCase> cases() {
        Inputs in = new Inputs(11);
        List<GradCase> cases = new ArrayList<>();
        for (Binary binary : BINARY) {
            for (int[][] shapes : BROADCAST_PAIRS) {
                cases.add(of(binary.method, "broadcast", x -> binary.op.apply(x[0], x[1]), operands(in, binary, shapes)));
            }
            Tensor same = binary.distinct ? in.distinct(2, 3) : in.nonZero(2, 3);
            cases.add(of(binary.method, "same tensor twice", x -> binary.op.apply(x[0], x[0]), same));
        }
        cases.addAll(List.of(
                of("add(double)", "", x -> x[0].add(0.7), in.normal(2, 3)),
                of("sub(double)", "", x -> x[0].sub(0.7), in.normal(2, 3)),
                of("mul(double)", "", x -> x[0].mul(-1.3), in.normal(2, 3)),
                of("div(double)", "", x -> x[0].div(-1.3), in.normal(2, 3)),
                of("where(Tensor,Tensor,Tensor)", "same shapes", whereWith(in.mask(2, 3)),
                        in.normal(2, 3), in.normal(2, 3)),
                of("where(Tensor,Tensor,Tensor)", "all three broadcast", whereWith(in.mask(2, 3)),
                        in.normal(3), in.normal(2, 1)),
                of("where(Tensor,Tensor,Tensor)", "mask broadcast", whereWith(in.mask(3)),
                        in.normal(2, 3), in.normal()),
                of("where(Tensor,Tensor,Tensor)", "scalar mask", whereWith(Tensor.scalar(1)),
                        in.normal(2), in.normal(2)),
                of("where(Tensor,Tensor,Tensor)", "empty", whereWith(in.mask(0, 3)),
                        in.normal(0, 3), in.normal(3))));
        cases.addAll(unaryCases(in, 2, 3));
        for (int[] shape : DEGENERATE) {
            cases.addAll(unaryCases(in, shape));
        }
        cases.addAll(List.of(
                of("pow(double)", "p = 3, negative base", x -> x[0].pow(3), in.normal(2, 3)),
                of("pow(double)", "p = 4", x -> x[0].pow(4), in.normal(2, 3)),
                of("pow(double)", "p = -2", x -> x[0].pow(-2), in.nonZero(2, 3)),
                of("pow(double)", "p = 1", x -> x[0].pow(1), in.normal(2, 3)),
                of("pow(double)", "p = 0", x -> x[0].pow(0), in.normal(2, 3)),
                of("pow(double)", "p = 0.5", x -> x[0].pow(0.5), in.uniform(0.5, 2, 2, 3)),
                of("pow(double)", "p = -1.5", x -> x[0].pow(-1.5), in.uniform(0.5, 2, 2, 3)),
                of("pow(double)", "p = 2.5", x -> x[0].pow(2.5), in.uniform(0.5, 2, 2, 3)),
                of("leakyRelu(double)", "slope 0.2", x -> x[0].leakyRelu(0.2), in.awayFrom(0, 2, 3)),
                of("leakyRelu(double)", "slope -0.5", x -> x[0].leakyRelu(-0.5), in.awayFrom(0, 2, 3)),
                of("softplus()", "both sides of threshold 20", x -> x[0].softplus(),
                        Tensor.of(new double[] {-35, -3.2, -0.4, 0.3, 2.7, 19.5, 20.6, 45}, 8)),
                of("softplus()", "wide range", x -> x[0].softplus(), in.uniform(-8, 8, 3, 4)),
                of("clamp(double,double)", "inside and outside", x -> x[0].clamp(-0.475, 0.775),
                        in.distinct(3, 4)),
                of("clamp(double,double)", "one-sided",
                        x -> x[0].clamp(Double.NEGATIVE_INFINITY, 0.275), in.distinct(3, 4)),
                of("clamp(double,double)", "min = max", x -> x[0].clamp(0.275, 0.275),
                        in.distinct(2, 3)),
                of("to(DType)", "same type: the tensor itself", x -> x[0].to(DType.FLOAT64).mul(x[0]), in.normal(2, 3)),
                dyadic("to(DType)", "through float32 and back, times x", x -> x[0].to(DType.FLOAT32)
                        .to(DType.FLOAT64).mul(x[0]), Tensor.of(new double[] {-1.5, -0.25, 0.375, 0.5, 1.25, 2}, 2, 3))));
        return cases.stream();
    }

    /** A point clear of each op's kinks (ties for maximum and minimum) and poles (b = 0 for div). */
    private static Tensor[] operands(Inputs in, Binary binary, int[][] shapes) {
        if (binary.distinct) {
            return in.distinctTogether(shapes[0], shapes[1]);
        }
        return new Tensor[] {in.normal(shapes[0]), binary.safeDenominator ? in.nonZero(shapes[1]) : in.normal(shapes[1])};
    }

    /** The plain unary ops, at a point of {@code shape} inside each op's smooth domain. */
    private static List<GradCase> unaryCases(Inputs in, int... shape) {
        return List.of(
                of("neg()", "", x -> x[0].neg(), in.normal(shape)),
                of("exp()", "", x -> x[0].exp(), in.normal(shape)),
                of("log()", "", x -> x[0].log(), in.uniform(0.5, 3, shape)),
                of("log1p()", "", x -> x[0].log1p(), in.uniform(-0.5, 3, shape)),
                of("sqrt()", "", x -> x[0].sqrt(), in.uniform(0.5, 3, shape)),
                of("abs()", "", x -> x[0].abs(), in.awayFrom(0, shape)),
                of("tanh()", "", x -> x[0].tanh(), in.normal(shape)),
                of("relu()", "", x -> x[0].relu(), in.awayFrom(0, shape)),
                of("sigmoid()", "", x -> x[0].sigmoid(), in.uniform(-6, 6, shape)),
                of("pow(double)", "p = 2", x -> x[0].pow(2), in.normal(shape)),
                of("leakyRelu(double)", "slope 0.01", x -> x[0].leakyRelu(0.01), in.awayFrom(0, shape)),
                of("softplus()", "", x -> x[0].softplus(), in.normal(shape)),
                of("clamp(double,double)", "", x -> x[0].clamp(-0.475, 0.775), in.distinct(shape)));
    }

    private static java.util.function.Function<Tensor[], Tensor> whereWith(Tensor mask) {
        return x -> Tensor.where(mask, x[0], x[1]);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase gradCase) {
        gradCase.run();
    }
}
