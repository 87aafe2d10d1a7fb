package org.equireg.core.golden;

import static org.equireg.core.golden.GoldenCase.of;

import java.io.IOException;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code matmul} against {@code torch.matmul}: vector and matrix operands, batched, with broadcast
 * batch dimensions, and one product of odd sizes; {@code linear} against {@code torch.nn.functional.linear}
 * with and without bias, over 1-D, 2-D and 3-D inputs. The shapes live in the fixtures.
 */
class MatMulGoldenTest {
    static final String FAMILY = "matmul";

    static Stream<GoldenCase> cases() {
        Stream<GoldenCase> matmul = Stream.of("matmul_dot", "matmul_vec_mat", "matmul_mat_vec", "matmul_mat_mat",
                        "matmul_outer", "matmul_batched", "matmul_batched_broadcast", "matmul_batch_mat",
                        "matmul_mat_batch", "matmul_batch_vec", "matmul_vec_batch", "matmul_odd_sizes")
                .map(name -> of(name, f -> f.input(0).matmul(f.input(1))));
        Stream<GoldenCase> linear = Stream.of("linear_bias", "linear_no_bias", "linear_vector", "linear_batch_3d",
                        "linear_odd_sizes")
                .map(name -> of(name, f -> f.input(0).linear(f.input(1), f.inputCount() > 2 ? f.input(2) : null)));
        return Stream.concat(matmul, linear);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(GoldenCase golden) throws IOException {
        Golden.check(FAMILY, golden, Golden.OP_TOLERANCE);
    }
}
