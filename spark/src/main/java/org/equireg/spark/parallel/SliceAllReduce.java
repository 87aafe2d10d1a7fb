package org.equireg.spark.parallel;

import java.io.IOException;
import java.util.List;
import org.equireg.core.Tensor;

/**
 * The all-reduce of {@link Transport#ALL_REDUCE}: bandwidth-optimal, and bit-identical to adding
 * the ranks' gradients in rank order.
 *
 * <p>The objective and gradients form one vector cut into one contiguous slice per rank
 * ({@link GradientSlices}). <b>Reduce-scatter</b>: every task sends slice s of its vector to rank s,
 * so rank s holds every rank's piece of slice s and adds them itself, {@code ((v_0 + v_1) + v_2) + ...},
 * element by element in the element's type: exactly the additions one process makes for those
 * elements, in the same order, so the same bits. (A ring reduce-scatter would not do: it passes
 * partial sums round the ring, and slice s's sum then starts at rank s + 1 and wraps past the last
 * rank to rank 0, another order, other bits.) <b>All-gather</b>: rank s sends its summed slice to
 * every other rank, which copies it in. Each task sends and receives (N - 1)/N of the vector in each
 * phase, 2 (N - 1)/N in all, as a ring all-reduce does.
 */
final class SliceAllReduce {
    private SliceAllReduce() {
    }

    /**
     * Replaces each parameter's gradient by the rank-order sum of every rank's gradient and returns
     * the rank-order sum of the objectives ({@code ((0.0 + o_0) + o_1) + ...}).
     *
     * @param mesh       the connections between the ranks
     * @param objective  this rank's objective
     * @param parameters the parameters, those with a gradient holding this rank's (overwritten)
     * @throws IllegalStateException when a parameter has a gradient on some ranks but not all
     */
    static double allReduce(Mesh mesh, double objective, List<Tensor> parameters) throws IOException {
        int rank = mesh.rank();
        GradientSlices slices = new GradientSlices(objective, parameters, mesh.size());
        byte[][] pieces = mesh.exchange(slices::encode);
        pieces[rank] = slices.encode(rank);
        slices.sumSlice(rank, pieces);
        byte[] sum = slices.encode(rank);
        byte[][] sums = mesh.exchange(other -> sum);
        for (int other = 0; other < sums.length; other++) {
            if (other != rank) {
                slices.readSlice(other, sums[other]);
            }
        }
        return slices.objective();
    }
}
