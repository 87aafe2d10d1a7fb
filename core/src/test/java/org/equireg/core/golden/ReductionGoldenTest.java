package org.equireg.core.golden;

import static org.equireg.core.golden.GoldenCase.of;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Reductions, norms, (log-)softmax and cumsum against PyTorch, over all elements and along one axis. */
class ReductionGoldenTest {
    static final String FAMILY = "reduction";
    private static final double INF = Double.POSITIVE_INFINITY;

    static Stream<GoldenCase> cases() {
        return Stream.of(
                of("sum_all", f -> f.input(0).sum()),
                of("sum_axis0", f -> f.input(0).sum(0, false)),
                of("sum_axis1_keep", f -> f.input(0).sum(1, true)),
                of("sum_axis_neg1", f -> f.input(0).sum(-1, false)),
                of("sum_axis_size1", f -> f.input(0).sum(1, false)),
                of("sum_rank0", f -> f.input(0).sum()),
                of("mean_all", f -> f.input(0).mean()),
                of("mean_axis1", f -> f.input(0).mean(1, false)),
                of("mean_axis0_keep", f -> f.input(0).mean(0, true)),
                of("max_all", f -> f.input(0).max()),
                of("max_axis1", f -> f.input(0).max(1, false)),
                of("max_axis0_keep", f -> f.input(0).max(0, true)),
                of("min_all", f -> f.input(0).min()),
                of("min_axis1", f -> f.input(0).min(1, false)),
                of("min_axis_neg1_keep", f -> f.input(0).min(-1, true)),
                of("logsumexp_axis1", f -> f.input(0).logSumExp(1, false)),
                of("logsumexp_axis0_keep", f -> f.input(0).logSumExp(0, true)),
                of("logsumexp_large", f -> f.input(0).logSumExp(-1, false)),
                of("norm_p1_all", f -> f.input(0).norm(1)),
                of("norm_p2_all", f -> f.input(0).norm(2)),
                of("norm_p3_all", f -> f.input(0).norm(3)),
                of("norm_p1_5_all", f -> f.input(0).norm(1.5)),
                of("norm_pinf_all", f -> f.input(0).norm(INF)),
                of("norm_p1_axis0", f -> f.input(0).norm(1, 0, false)),
                of("norm_p2_axis1_keep", f -> f.input(0).norm(2, 1, true)),
                of("norm_p3_axis_neg1", f -> f.input(0).norm(3, -1, false)),
                of("norm_p1_5_axis1", f -> f.input(0).norm(1.5, 1, false)),
                of("norm_pinf_axis0_keep", f -> f.input(0).norm(INF, 0, true)),
                of("softmax_axis0", f -> f.input(0).softmax(0)),
                of("softmax_axis1", f -> f.input(0).softmax(1)),
                of("softmax_axis_neg1", f -> f.input(0).softmax(-1)),
                of("softmax_axis_size1", f -> f.input(0).softmax(1)),
                of("log_softmax_axis0", f -> f.input(0).logSoftmax(0)),
                of("log_softmax_axis_neg1", f -> f.input(0).logSoftmax(-1)),
                of("log_softmax_large", f -> f.input(0).logSoftmax(1)),
                of("sum_rank0_axis0", f -> f.input(0).sum(0, false)),
                of("sum_rank0_axis_neg1_keep", f -> f.input(0).sum(-1, true)),
                of("mean_rank0_axis0", f -> f.input(0).mean(0, false)),
                of("max_rank0_axis0_keep", f -> f.input(0).max(0, true)),
                of("min_rank0_axis_neg1", f -> f.input(0).min(-1, false)),
                of("logsumexp_rank0_axis0", f -> f.input(0).logSumExp(0, false)),
                of("norm_p2_rank0_axis0", f -> f.input(0).norm(2, 0, false)),
                of("norm_pinf_rank0_axis_neg1_keep", f -> f.input(0).norm(INF, -1, true)),
                of("softmax_rank0", f -> f.input(0).softmax(0)),
                of("log_softmax_rank0", f -> f.input(0).logSoftmax(-1)),
                of("sum_to_leading_and_size1", f -> f.input(0).sumTo(4, 1)),
                of("sum_to_scalar", f -> f.input(0).sumTo()),
                of("cumsum_axis0", f -> f.input(0).cumsum(0)),
                of("cumsum_axis_neg1", f -> f.input(0).cumsum(-1)),
                of("cumsum_axis1_wide_rows", f -> f.input(0).cumsum(1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(GoldenCase golden) throws IOException {
        Golden.check(FAMILY, golden, Golden.OP_TOLERANCE);
    }
}
