package org.equireg.core.golden;

import static org.equireg.core.golden.GoldenCase.of;

import java.io.IOException;
import java.util.stream.Stream;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Elementwise ops against PyTorch, with broadcasting and rank-0 operands. */
class ElementwiseGoldenTest {
    static final String FAMILY = "elementwise";

    static Stream<GoldenCase> cases() {
        return Stream.of(
                of("add_same", f -> f.input(0).add(f.input(1))),
                of("add_broadcast", f -> f.input(0).add(f.input(1))),
                of("add_rank0", f -> f.input(0).add(f.input(1))),
                of("add_double", f -> f.input(0).add(2.5)),
                of("sub_broadcast", f -> f.input(0).sub(f.input(1))),
                of("sub_double", f -> f.input(0).sub(1.5)),
                of("mul_broadcast", f -> f.input(0).mul(f.input(1))),
                of("mul_double", f -> f.input(0).mul(-3.0)),
                of("div_broadcast", f -> f.input(0).div(f.input(1))),
                of("div_rank0_numerator", f -> f.input(0).div(f.input(1))),
                of("div_double", f -> f.input(0).div(0.7)),
                of("neg", f -> f.input(0).neg()),
                of("cast_float32_roundtrip", f -> f.input(0).to(DType.FLOAT32).to(DType.FLOAT64).to(f.input(0).dtype())),
                of("pow_2", f -> f.input(0).pow(2.0)),
                of("pow_3", f -> f.input(0).pow(3.0)),
                of("pow_0", f -> f.input(0).pow(0.0)),
                of("pow_neg1", f -> f.input(0).pow(-1.0)),
                of("pow_0_5", f -> f.input(0).pow(0.5)),
                of("pow_1_7", f -> f.input(0).pow(1.7)),
                of("pow_neg1_5", f -> f.input(0).pow(-1.5)),
                of("exp", f -> f.input(0).exp()),
                of("log", f -> f.input(0).log()),
                of("log1p", f -> f.input(0).log1p()),
                of("sqrt", f -> f.input(0).sqrt()),
                of("abs", f -> f.input(0).abs()),
                of("tanh", f -> f.input(0).tanh()),
                of("sigmoid", f -> f.input(0).sigmoid()),
                of("relu", f -> f.input(0).relu()),
                of("leaky_relu_0_1", f -> f.input(0).leakyRelu(0.1)),
                of("leaky_relu_0_01", f -> f.input(0).leakyRelu(0.01)),
                of("softplus", f -> f.input(0).softplus()),
                of("clamp", f -> f.input(0).clamp(-0.5, 0.7)),
                of("clamp_max_only", f -> f.input(0).clamp(Double.NEGATIVE_INFINITY, 0.3)),
                of("maximum_broadcast", f -> f.input(0).maximum(f.input(1))),
                of("minimum_broadcast", f -> f.input(0).minimum(f.input(1))),
                of("where", f -> Tensor.where(f.constant("mask"), f.input(0), f.input(1))),
                of("where_broadcast", f -> Tensor.where(f.constant("mask"), f.input(0), f.input(1))));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(GoldenCase golden) throws IOException {
        Golden.check(FAMILY, golden, Golden.OP_TOLERANCE);
    }
}
