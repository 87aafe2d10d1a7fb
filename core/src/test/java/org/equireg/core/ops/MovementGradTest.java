package org.equireg.core.ops;

import static org.equireg.core.ops.GradCase.of;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.stream.Stream;
import org.equireg.core.Tensor;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Gradient checks of the ops that move values: shape changes, joins, selections, padding and symmetries. */
class MovementGradTest {

    static Stream<GradCase> cases() {
        Inputs in = new Inputs(53);
        List<GradCase> cases = new ArrayList<>(List.of(
                move("reshape(int[])", "inferred -1", x -> x.reshape(3, -1), in.normal(2, 3, 2)),
                move("reshape(int[])", "to a scalar", x -> x.reshape(), in.normal(1, 1)),
                move("reshape(int[])", "from a scalar", x -> x.reshape(1, 1, 1), in.normal()),
                move("reshape(int[])", "empty", x -> x.reshape(3, -1, 2), in.normal(0, 6)),
                move("flatten()", "", Tensor::flatten, in.normal(2, 3, 2)),
                move("flatten()", "scalar", Tensor::flatten, in.normal()),
                move("flatten(int,int)", "middle", x -> x.flatten(1, 2), in.normal(2, 3, 2, 2)),
                move("flatten(int,int)", "negative axes", x -> x.flatten(-3, -1), in.normal(2, 3, 2, 2)),
                move("flatten(int,int)", "one axis", x -> x.flatten(-1, -1), in.normal(2, 3)),
                move("permute(int[])", "", x -> x.permute(2, 0, 1), in.normal(2, 3, 4)),
                move("permute(int[])", "negative axes", x -> x.permute(-1, -3, -2), in.normal(2, 3, 4)),
                move("permute(int[])", "identity, size 1", x -> x.permute(0, 1), in.normal(1, 3)),
                move("permute(int[])", "empty", x -> x.permute(1, 0), in.normal(0, 3)),
                move("transpose()", "", Tensor::transpose, in.normal(2, 3)),
                move("transpose(int,int)", "", x -> x.transpose(0, 2), in.normal(2, 3, 4)),
                move("transpose(int,int)", "negative axes", x -> x.transpose(-1, -2), in.normal(2, 3, 4)),
                move("transpose(int,int)", "same axis", x -> x.transpose(1, -2), in.normal(2, 3, 4)),
                move("squeeze(int)", "", x -> x.squeeze(1), in.normal(2, 1, 3)),
                move("squeeze(int)", "negative axis", x -> x.squeeze(-1), in.normal(2, 3, 1)),
                move("squeeze(int)", "to a scalar", x -> x.squeeze(0), in.normal(1)),
                move("unsqueeze(int)", "", x -> x.unsqueeze(0), in.normal(2, 3)),
                move("unsqueeze(int)", "negative axis", x -> x.unsqueeze(-1), in.normal(2, 3)),
                move("unsqueeze(int)", "scalar", x -> x.unsqueeze(0), in.normal()),
                move("broadcastTo(int[])", "trailing", x -> x.broadcastTo(2, 3), in.normal(3)),
                move("broadcastTo(int[])", "size-1 axes", x -> x.broadcastTo(2, 4, 3), in.normal(4, 1)),
                move("broadcastTo(int[])", "from a scalar", x -> x.broadcastTo(2, 2), in.normal()),
                move("sumTo(int[])", "leading and size-1 axes", x -> x.sumTo(4, 1), in.normal(2, 4, 3)),
                move("sumTo(int[])", "to a scalar", x -> x.sumTo(), in.normal(2, 3)),
                move("broadcastTo(int[])", "same shape", x -> x.broadcastTo(2, 3), in.normal(2, 3)),
                move("broadcastTo(int[])", "to empty", x -> x.broadcastTo(0, 3), in.normal(1, 3)),
                of("concat(int,Tensor[])", "axis 0", x -> Tensor.concat(0, x),
                        in.normal(2, 3), in.normal(1, 3), in.normal(4, 3)),
                of("concat(int,Tensor[])", "axis -1", x -> Tensor.concat(-1, x),
                        in.normal(2, 3), in.normal(2, 1)),
                of("concat(int,Tensor[])", "middle axis", x -> Tensor.concat(1, x),
                        in.normal(2, 1, 2), in.normal(2, 3, 2)),
                of("concat(int,Tensor[])", "empty piece", x -> Tensor.concat(1, x),
                        in.normal(2, 0), in.normal(2, 3), in.normal(2, 0)),
                of("concat(int,Tensor[])", "one piece", x -> Tensor.concat(0, x), in.normal(3)),
                of("concat(int,Tensor[])", "same tensor twice", x -> Tensor.concat(0, x[0], x[0]),
                        in.normal(2)),
                of("stack(int,Tensor[])", "axis 0", x -> Tensor.stack(0, x),
                        in.normal(2, 3), in.normal(2, 3)),
                of("stack(int,Tensor[])", "axis -1", x -> Tensor.stack(-1, x),
                        in.normal(2, 3), in.normal(2, 3), in.normal(2, 3)),
                of("stack(int,Tensor[])", "scalars", x -> Tensor.stack(0, x), in.normal(), in.normal()),
                move("slice(int,int,int)", "", x -> x.slice(1, 1, 3), in.normal(2, 4)),
                move("slice(int,int,int)", "negative bounds and axis", x -> x.slice(-1, -3, -1), in.normal(2, 4)),
                move("slice(int,int,int)", "clipped bounds", x -> x.slice(0, -10, 10), in.normal(3, 2)),
                move("slice(int,int,int)", "empty result", x -> x.slice(0, 2, 1), in.normal(3, 2)),
                move("slice(int,int,int,int)", "step 2", x -> x.slice(1, 0, 5, 2), in.normal(2, 5)),
                move("slice(int,int,int,int)", "step 3, negative start", x -> x.slice(-2, -5, 7, 3), in.normal(6, 2)),
                move("indexSelect(int,int[])", "repeats", x -> x.indexSelect(1, 2, 0, 2, 2), in.normal(2, 3)),
                move("indexSelect(int,int[])", "negative axis", x -> x.indexSelect(-2, 1), in.normal(2, 3)),
                move("indexSelect(int,int[])", "no indices", x -> x.indexSelect(0), in.normal(2, 3)),
                move("gather(int,Tensor)", "axis 1, repeats", x -> x.gather(1, indices(new double[] {2, 2, 0, 1}, 2, 2)),
                        in.normal(2, 3)),
                move("gather(int,Tensor)", "axis 0, smaller index", x -> x.gather(0, indices(new double[] {1, 0, 1}, 1, 3)),
                        in.normal(2, 4)),
                move("gather(int,Tensor)", "negative axis", x -> x.gather(-1, indices(new double[] {0, 0, 1, 0}, 2, 2)),
                        in.normal(2, 2)),
                move("pad(int[],double)", "last axis", x -> x.pad(new int[] {1, 2}, 0), in.normal(2, 3)),
                move("pad(int[],double)", "two axes, value", x -> x.pad(new int[] {2, 0, 1, 1}, -0.5), in.normal(2, 3)),
                move("pad(int[],double)", "negative crops", x -> x.pad(new int[] {-1, 1, 0, -1}, 0), in.normal(3, 4)),
                move("pad(int[],double)", "crop to empty", x -> x.pad(new int[] {-2, -1}, 0), in.normal(2, 3)),
                move("pad(int[],double)", "nothing", x -> x.pad(new int[] {}, 0), in.normal(2, 3)),
                move("roll(int,int)", "", x -> x.roll(1, 1), in.normal(2, 3)),
                move("roll(int,int)", "negative shift and axis", x -> x.roll(-2, -2), in.normal(3, 2)),
                move("roll(int,int)", "shift beyond length", x -> x.roll(7, 0), in.normal(3, 2)),
                move("roll(int,int)", "empty", x -> x.roll(1, 0), in.normal(0, 2)),
                move("flip(int[])", "", x -> x.flip(0), in.normal(2, 3)),
                move("flip(int[])", "two negative axes", x -> x.flip(-1, -3), in.normal(2, 3, 2)),
                move("flip(int[])", "no axes", x -> x.flip(), in.normal(2, 3))));
        for (int k = -1; k <= 5; k++) {
            int turns = k;
            cases.add(move("rot90(int,int,int)", "k = " + k, x -> x.rot90(turns, 0, 1), in.normal(2, 3)));
        }
        cases.add(move("rot90(int,int,int)", "negative axes, reversed", x -> x.rot90(1, -1, -3), in.normal(2, 3, 4)));
        return cases.stream();
    }

    private static GradCase move(String method, String what, Function<Tensor, Tensor> op, Tensor input) {
        return of(method, what, x -> op.apply(x[0]), input);
    }

    private static Tensor indices(double[] values, int... shape) {
        return Tensor.of(values, shape);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void gradientMatchesFiniteDifferences(GradCase gradCase) {
        gradCase.run();
    }
}
