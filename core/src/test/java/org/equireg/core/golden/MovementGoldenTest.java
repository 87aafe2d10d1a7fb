package org.equireg.core.golden;

import static org.equireg.core.golden.GoldenCase.of;

import java.io.IOException;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Shape and movement ops against PyTorch; their gradients scatter, sum repeats and drop padding. */
class MovementGoldenTest {
    static final String FAMILY = "movement";

    static Stream<GoldenCase> cases() {
        return Stream.of(
                of("reshape_infer", f -> f.input(0).reshape(4, -1)),
                of("flatten_all", f -> f.input(0).flatten()),
                of("flatten_1_2", f -> f.input(0).flatten(1, 2)),
                of("permute", f -> f.input(0).permute(2, 0, 1)),
                of("transpose_0_2", f -> f.input(0).transpose(0, 2)),
                of("transpose_matrix", f -> f.input(0).transpose()),
                of("squeeze_1", f -> f.input(0).squeeze(1)),
                of("squeeze_neg1", f -> f.input(0).squeeze(-1)),
                of("unsqueeze_1", f -> f.input(0).unsqueeze(1)),
                of("unsqueeze_neg1", f -> f.input(0).unsqueeze(-1)),
                of("broadcast_to_new_axes", f -> f.input(0).broadcastTo(2, 3, 4)),
                of("broadcast_to_same_rank", f -> f.input(0).broadcastTo(3, 4)),
                of("concat_axis0", f -> Tensor.concat(0, f.input(0), f.input(1), f.input(2))),
                of("concat_axis_neg1", f -> Tensor.concat(-1, f.input(0), f.input(1))),
                of("concat_with_empty", f -> Tensor.concat(0, f.input(0), f.input(1))),
                of("stack_axis0", f -> Tensor.stack(0, f.input(0), f.input(1), f.input(2))),
                of("stack_axis_neg1", f -> Tensor.stack(-1, f.input(0), f.input(1))),
                of("slice_step2", f -> f.input(0).slice(0, 1, 7, 2)),
                of("slice_negative_bounds", f -> f.input(0).slice(1, -5, -1)),
                of("slice_clipped_step3", f -> f.input(0).slice(2, 2, 100, 3)),
                of("index_select_repeats", f -> f.input(0).indexSelect(0, 3, 1, 1, 0)),
                of("index_select_axis1", f -> f.input(0).indexSelect(1, 4, 0, 4)),
                of("gather_axis1", f -> f.input(0).gather(1, f.constant("index"))),
                of("gather_axis0", f -> f.input(0).gather(0, f.constant("index"))),
                of("pad_last_two", f -> f.input(0).pad(new int[] {1, 2, 0, 1}, 0.0)),
                of("pad_value_and_crop", f -> f.input(0).pad(new int[] {-1, 2, 1, 0}, 0.5)),
                of("roll_positive", f -> f.input(0).roll(2, 1)),
                of("roll_negative", f -> f.input(0).roll(-1, 0)),
                of("roll_beyond_length", f -> f.input(0).roll(7, -1)),
                of("flip_axis0", f -> f.input(0).flip(0)),
                of("flip_axes0_2", f -> f.input(0).flip(0, 2)),
                of("flip_rank0", f -> f.input(0).flip(0)),
                of("squeeze_rank0", f -> f.input(0).squeeze(0)),
                of("transpose_rank0", f -> f.input(0).transpose(0, -1)),
                of("index_select_rank0", f -> f.input(0).indexSelect(0, 0)),
                of("gather_rank0", f -> f.input(0).gather(0, f.constant("index"))),
                of("rot90_k1", f -> f.input(0).rot90(1, 1, 2)),
                of("rot90_k2", f -> f.input(0).rot90(2, 1, 2)),
                of("rot90_k3", f -> f.input(0).rot90(3, 1, 2)),
                of("rot90_k4", f -> f.input(0).rot90(4, 1, 2)),
                of("rot90_k_neg1", f -> f.input(0).rot90(-1, 0, 2)),
                of("rot90_k1_axes_reversed", f -> f.input(0).rot90(1, 2, 1)));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void matchesPyTorch(GoldenCase golden) throws IOException {
        Golden.check(FAMILY, golden, Golden.OP_TOLERANCE);
    }
}
