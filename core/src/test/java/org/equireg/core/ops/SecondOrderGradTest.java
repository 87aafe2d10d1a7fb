package org.equireg.core.ops;

import static java.util.Map.entry;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.equireg.core.DType;
import org.equireg.core.GradCheck;
import org.equireg.core.GradCheckError;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Second derivatives of every row of the first-order tables ({@link GradCases}), as
 * {@code torch.autograd.gradgradcheck}: the first gradient, computed with {@code createGraph}, is
 * checked against finite differences as a function of the inputs and of the upstream gradient.
 * The rows' points already keep clear of kinks, ties and poles, so they are twice differentiable
 * there; the rows left out are listed with the reason. A few rows of its own follow: a
 * replacement for an excluded row, and third-order rows (the second-order check of a first gradient).
 */
class SecondOrderGradTest {

    /** Rows (by {@link GradCase#toString}) left out of the second-order check, each with the reason. */
    static final Map<String, String> EXCLUDED = Map.ofEntries(
            entry("to(DType) through float32 and back, times x [2, 3]",
                    "the cast's derivative casts the gradient to float32, so the first gradient rounds the random"
                            + " (not dyadic) upstream u, and central differences in u at step 2^-16 measure that"
                            + " rounding; checked below with a coarse step instead"),
            entry("mean() empty [0]",
                    "mean of no elements is sum / 0 = NaN (as in PyTorch); its first gradient is empty, but"
                            + " the gradient of that with respect to the upstream goes back through the division by 0"
                            + " and is 0 / 0 = NaN (PyTorch divides after broadcasting and gets 0): a degenerate"
                            + " composite, not a rule; every non-empty mean row is checked"));

    /**
     * A coarse step for the cast row: the function is quadratic, so central differences are exact but
     * for rounding, and the float32 rounding of the gradient, 2^-24 relative, divided by the step 2^-8,
     * stays below 1e-5 relative.
     */
    private static final GradCheck COARSE = new GradCheck(0x1p-8, Tolerances.TIGHT.absoluteTolerance(),
            Tolerances.STANDARD.relativeTolerance() / 10, Tolerances.TIGHT.seed());

    static Stream<GradCase> cases() {
        return Stream.concat(GradCases.all().filter(gradCase -> !EXCLUDED.containsKey(gradCase.toString())),
                ownCases().stream());
    }

    /** The cast row at a coarse step, and third-order rows: second-order checks of first gradients. */
    static List<GradCase> ownCases() {
        Inputs in = new Inputs(71);
        List<GradCase> cases = new ArrayList<>();
        cases.add(new GradCase("to(DType)", "through float32 and back, times x, coarse step",
                x -> x[0].to(DType.FLOAT32).to(DType.FLOAT64).mul(x[0]), new Tensor[] {in.normal(2, 3)}, 0, COARSE));
        cases.add(thirdOrder("tanh()", "", x -> x[0].tanh(), in.normal(2, 3)));
        cases.add(thirdOrder("sigmoid()", "", x -> x[0].sigmoid(), in.normal(2, 3)));
        cases.add(thirdOrder("relu()", "zero beyond first order", x -> x[0].relu().mul(x[0]), in.awayFrom(0, 2, 3)));
        cases.add(thirdOrder("log()", "", x -> x[0].log(), in.uniform(0.5, 3, 2, 3)));
        cases.add(thirdOrder("pow(double)", "p = 3.5", x -> x[0].pow(3.5), in.uniform(0.5, 2, 2, 3)));
        cases.add(thirdOrder("softmax(int)", "", x -> x[0].softmax(-1), in.normal(2, 3)));
        cases.add(thirdOrder("norm(double,int,boolean)", "p = 3", x -> x[0].norm(3, -1, false), in.distinct(2, 3)));
        cases.add(thirdOrder("matmul(Tensor)", "batch broadcast, squared", x -> x[0].matmul(x[1]).pow(2),
                in.normal(2, 2, 3), in.normal(3, 2)));
        cases.add(thirdOrder("conv2d(Tensor,Tensor,int,int,int,int)", "stride 2, padding 1, groups 2, tanh",
                x -> x[0].conv2d(x[1], x[2], 2, 1, 1, 2).tanh(), in.normal(1, 2, 4, 4), in.normal(2, 1, 2, 2),
                in.normal(2)));
        cases.add(thirdOrder("maxPool2d(int,int,int)", "squared", x -> x[0].maxPool2d(2, 1, 0).pow(2),
                in.distinct(1, 1, 3, 3)));
        cases.add(thirdOrder("avgPool2d(int,int,int)", "squared", x -> x[0].avgPool2d(2, 1, 1).pow(2),
                in.normal(1, 1, 3, 3)));
        cases.add(thirdOrder("permute(int[])", "squared", x -> x[0].permute(1, 0).pow(2), in.normal(2, 3)));
        cases.add(thirdOrder("cumsum(int)", "squared", x -> x[0].cumsum(1).pow(2), in.normal(2, 3)));
        return cases;
    }

    /**
     * A row whose function is the first gradient of {@code function} (inputs and upstream u as its
     * inputs): its second-order check compares third derivatives of {@code function}.
     */
    private static GradCase thirdOrder(String method, String what, Function<Tensor[], Tensor> function,
                                       Tensor... inputs) {
        Tensor[] extended = SecondOrder.withUpstream(function, inputs, Tolerances.TIGHT.seed() + 100);
        return new GradCase(method, what + " (third order)", SecondOrder.firstGradient(function, inputs.length),
                extended, 0, Tolerances.TIGHT);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void secondDerivativesMatchFiniteDifferences(GradCase gradCase) {
        try {
            SecondOrder.check(gradCase);
        } catch (GradCheckError error) {
            throw new AssertionError(gradCase + ": " + error.getMessage(), error);
        }
    }

    @Test
    void everyExclusionNamesARow() {
        Set<String> rows = GradCases.all().map(GradCase::toString).collect(Collectors.toSet());
        Set<String> stale = new TreeSet<>(EXCLUDED.keySet());
        stale.removeAll(rows);
        assertEquals(Set.of(), stale, "second-order exclusions that name no row of the first-order tables");
        assertEquals(EXCLUDED.size(), GradCases.all().count() - GradCases.all()
                .filter(gradCase -> !EXCLUDED.containsKey(gradCase.toString())).count(), "rows excluded");
    }
}
