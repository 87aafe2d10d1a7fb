package org.equireg.core.ops;

import static org.equireg.core.ops.GradCase.of;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Gradient checks of the reductions, the normalisations built on them, and the scan cumsum. */
class ReductionGradTest {

    /** {axis, keepDim (1 or 0)} on a [2, 3, 4] input: every axis, both signs, both keepDim. */
    private static final int[][] AXES = {{0, 1}, {1, 0}, {2, 1}, {-1, 0}, {-2, 1}, {-3, 0}};

    static Stream<GradCase> cases() {
        Inputs in = new Inputs(23);
        List<GradCase> cases = new ArrayList<>();
        for (int[] axisAndKeep : AXES) {
            int axis = axisAndKeep[0];
            boolean keep = axisAndKeep[1] == 1;
            String what = "axis " + axis + (keep ? ", keepDim" : "");
            cases.addAll(List.of(
                    of("sum(int,boolean)", what, x -> x[0].sum(axis, keep), in.normal(2, 3, 4)),
                    of("mean(int,boolean)", what, x -> x[0].mean(axis, keep), in.normal(2, 3, 4)),
                    of("max(int,boolean)", what, x -> x[0].max(axis, keep), in.distinct(2, 3, 4)),
                    of("min(int,boolean)", what, x -> x[0].min(axis, keep), in.distinct(2, 3, 4)),
                    of("logSumExp(int,boolean)", what, x -> x[0].logSumExp(axis, keep), in.normal(2, 3, 4)),
                    of("norm(double,int,boolean)", "p = 2, " + what, x -> x[0].norm(2, axis, keep),
                            in.normal(2, 3, 4)),
                    of("softmax(int)", "axis " + axis, x -> x[0].softmax(axis), in.normal(2, 3, 4)),
                    of("logSoftmax(int)", "axis " + axis, x -> x[0].logSoftmax(axis), in.normal(2, 3, 4)),
                    of("cumsum(int)", "axis " + axis, x -> x[0].cumsum(axis), in.normal(2, 3, 4))));
        }
        for (double p : new double[] {1, 1.5, 2, 3, Double.POSITIVE_INFINITY}) {
            Tensor point = p == 1 ? in.awayFrom(0, 2, 3) : in.distinct(2, 3);
            cases.addAll(List.of(
                    of("norm(double)", "p = " + p, x -> x[0].norm(p), point),
                    of("norm(double)", "p = " + p + ", scalar", x -> x[0].norm(p), in.distinct()),
                    of("norm(double,int,boolean)", "p = " + p + ", axis -1", x -> x[0].norm(p, -1, false), point),
                    of("norm(double,int,boolean)", "p = " + p + ", axis 0, keepDim", x -> x[0].norm(p, 0, true),
                            point)));
        }
        cases.addAll(List.of(
                of("sum()", "", x -> x[0].sum(), in.normal(2, 3)),
                of("sum()", "scalar", x -> x[0].sum(), in.normal()),
                of("sum()", "empty", x -> x[0].sum(), in.normal(0)),
                of("sum()", "empty matrix", x -> x[0].sum(), in.normal(0, 3)),
                of("sum(int,boolean)", "size-1 axis", x -> x[0].sum(1, false), in.normal(2, 1, 3)),
                of("sum(int,boolean)", "empty axis", x -> x[0].sum(1, false), in.normal(2, 0, 3)),
                of("sum(int,boolean)", "along a non-empty axis of an empty tensor",
                        x -> x[0].sum(0, true), in.normal(2, 0, 3)),
                of("sum(int,boolean)", "vector to scalar", x -> x[0].sum(0, false), in.normal(5)),
                of("mean()", "", x -> x[0].mean(), in.normal(2, 3)),
                of("mean()", "scalar", x -> x[0].mean(), in.normal()),
                of("mean()", "empty", x -> x[0].mean(), in.normal(0)),
                of("mean(int,boolean)", "size-1 axis", x -> x[0].mean(-2, true), in.normal(2, 1, 3)),
                of("max()", "", x -> x[0].max(), in.distinct(2, 3)),
                of("max()", "scalar", x -> x[0].max(), in.distinct()),
                of("max()", "one element", x -> x[0].max(), in.distinct(1, 1)),
                of("max(int,boolean)", "size-1 axis", x -> x[0].max(1, false), in.distinct(3, 1)),
                of("min()", "", x -> x[0].min(), in.distinct(2, 3)),
                of("min()", "scalar", x -> x[0].min(), in.distinct()),
                of("min(int,boolean)", "size-1 axis", x -> x[0].min(-1, true), in.distinct(3, 1)),
                of("logSumExp(int,boolean)", "size-1 axis", x -> x[0].logSumExp(0, false), in.normal(1, 4)),
                of("logSumExp(int,boolean)", "vector to scalar", x -> x[0].logSumExp(0, false), in.normal(5)),
                of("logSumExp(int,boolean)", "large logits", x -> x[0].logSumExp(-1, false),
                        in.normal(2, 3).mul(3).add(500)),
                of("norm(double)", "p = 2, empty", x -> x[0].norm(2), in.normal(0)),
                of("norm(double,int,boolean)", "p = 2, size-1 axis", x -> x[0].norm(2, 1, false),
                        in.nonZero(3, 1)),
                of("softmax(int)", "size-1 axis", x -> x[0].softmax(0), in.normal(1, 3)),
                of("softmax(int)", "vector", x -> x[0].softmax(0), in.normal(5)),
                of("softmax(int)", "large logits", x -> x[0].softmax(-1), in.normal(2, 3).mul(3).add(500)),
                of("logSoftmax(int)", "size-1 axis", x -> x[0].logSoftmax(0), in.normal(1, 3)),
                of("logSoftmax(int)", "vector", x -> x[0].logSoftmax(-1), in.normal(5)),
                of("logSoftmax(int)", "large logits", x -> x[0].logSoftmax(-1), in.normal(2, 3).mul(3).add(500)),
                of("logSoftmax(int)", "empty batch", x -> x[0].logSoftmax(-1), in.normal(0, 3)),
                of("cumsum(int)", "scalar", x -> x[0].cumsum(-1), in.normal()),
                of("cumsum(int)", "empty axis", x -> x[0].cumsum(1), in.normal(2, 0, 3)),
                of("cumsum(int)", "size-1 axis", x -> x[0].cumsum(1), in.normal(2, 1, 3)),
                of("cumsum(int)", "rows longer than three vectors", x -> x[0].cumsum(0), in.normal(3, 27))));
        return cases.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase gradCase) {
        gradCase.run();
    }
}
