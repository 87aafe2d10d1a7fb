package org.equireg.spark.parallel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The all-reduce of {@link Transport#ALL_REDUCE} between 1 to 5 ranks, each a thread with its own
 * parameters, over real sockets on 127.0.0.1: every rank ends with the rank-order sum to the bit,
 * on values whose sum depends on the order.
 */
@Timeout(120)
class SliceAllReduceTest {
    /** Parameter sizes and types: mixed float64 and float32, a one-element tensor, and one (index 4) that never gets a gradient. */
    private static final int[] SIZES = {1, 3, 11, 2, 5, 4};
    private static final DType[] TYPES = {DType.FLOAT64, DType.FLOAT32, DType.FLOAT64, DType.FLOAT32, DType.FLOAT64, DType.FLOAT32};
    private static final int UNUSED = 4;

    @Test
    void everyRankEndsWithTheRankOrderSumToTheBitForOneToFiveRanks() throws Exception {
        for (int ranks = 1; ranks <= 5; ranks++) {
            assertRankOrderSums(ranks, SIZES, TYPES, UNUSED);
        }
    }

    @Test
    void aVectorShorterThanTheRanksLeavesSomeSlicesEmpty() throws Exception {
        // The objective and one float32 element: two elements for up to five ranks.
        assertRankOrderSums(5, new int[] {1}, new DType[] {DType.FLOAT32}, -1);
        assertRankOrderSums(3, new int[] {1}, new DType[] {DType.FLOAT64}, -1);
    }

    @Test
    void theValuesChosenGiveOtherBitsInAnotherOrder() {
        // Without this, the tests above could pass with any order of the additions.
        for (int ranks = 3; ranks <= 5; ranks++) {
            double[][] doubles = new double[ranks][];
            float[][] floats = new float[ranks][];
            for (int rank = 0; rank < ranks; rank++) {
                doubles[rank] = doubles(rank, 2, 11);
                floats[rank] = floats(rank, 1, 3);
            }
            int doubleDifferences = 0;
            int floatDifferences = 0;
            for (int i = 0; i < 11; i++) {
                double rankOrder = doubles[0][i];
                double ringOrder = doubles[(i + 1) % ranks][i]; // a ring reduce-scatter's order: from rank s + 1, round to s
                for (int step = 1; step < ranks; step++) {
                    rankOrder += doubles[step][i];
                    ringOrder += doubles[(i + 1 + step) % ranks][i];
                }
                doubleDifferences += Double.doubleToRawLongBits(rankOrder) != Double.doubleToRawLongBits(ringOrder) ? 1 : 0;
            }
            for (int i = 0; i < 3; i++) {
                float rankOrder = floats[0][i];
                float reverse = floats[ranks - 1][i];
                for (int step = 1; step < ranks; step++) {
                    rankOrder += floats[step][i];
                    reverse += floats[ranks - 1 - step][i];
                }
                floatDifferences += Float.floatToRawIntBits(rankOrder) != Float.floatToRawIntBits(reverse) ? 1 : 0;
            }
            assertTrue(doubleDifferences > 0, ranks + " ranks: some float64 sum changes with the order");
            assertTrue(floatDifferences > 0, ranks + " ranks: some float32 sum changes with the order");
        }
    }

    @Test
    void aParameterWithAGradientOnSomeRanksOnlyIsAnErrorOnEveryRank() throws Exception {
        int ranks = 3;
        List<Future<Double>> results = runRanks(ranks, rank -> parameters(rank, SIZES, TYPES, rank == 1 ? 2 : UNUSED));
        for (Future<Double> result : results) {
            ExecutionException failure = assertThrows(ExecutionException.class, result::get);
            assertInstanceOf(IllegalStateException.class, failure.getCause());
            assertEquals("data-parallel step: parameter 2 has a gradient on 2 of 3 ranks; every shard's objective must reach the same parameters",
                    failure.getCause().getMessage());
        }
    }

    private static void assertRankOrderSums(int ranks, int[] sizes, DType[] types, int unused) throws Exception {
        List<List<Tensor>> parameters = new ArrayList<>();
        for (int rank = 0; rank < ranks; rank++) {
            parameters.add(parameters(rank, sizes, types, unused));
        }
        long[] sent = new long[ranks];
        long[] received = new long[ranks];
        List<Future<Double>> results = runRanks(ranks, rank -> parameters.get(rank), sent, received);
        double objective = 0.0;
        for (int rank = 0; rank < ranks; rank++) {
            objective += objective(rank);
        }
        long elementBytes = 8;
        for (int index = 0; index < sizes.length; index++) {
            if (index == unused) {
                continue;
            }
            elementBytes += (long) sizes[index] * (types[index] == DType.FLOAT32 ? 4 : 8);
            for (int i = 0; i < sizes[index]; i++) {
                for (int rank = 0; rank < ranks; rank++) {
                    Tensor grad = parameters.get(rank).get(index).grad();
                    if (types[index] == DType.FLOAT32) {
                        float sum = floats(0, index, sizes[index])[i];
                        for (int other = 1; other < ranks; other++) {
                            sum += floats(other, index, sizes[index])[i];
                        }
                        assertEquals(Float.floatToRawIntBits(sum), Float.floatToRawIntBits(grad.floatBuffer()[i]),
                                ranks + " ranks, rank " + rank + ", parameter " + index + "[" + i + "]");
                    } else {
                        double sum = doubles(0, index, sizes[index])[i];
                        for (int other = 1; other < ranks; other++) {
                            sum += doubles(other, index, sizes[index])[i];
                        }
                        assertEquals(Double.doubleToRawLongBits(sum), Double.doubleToRawLongBits(grad.buffer()[i]),
                                ranks + " ranks, rank " + rank + ", parameter " + index + "[" + i + "]");
                    }
                }
            }
        }
        // The vector's elements in bytes: the objective, then the parameters that have gradients.
        List<Integer> widths = new ArrayList<>(List.of(8));
        for (int index = 0; index < sizes.length; index++) {
            for (int i = 0; i < sizes[index] && index != unused; i++) {
                widths.add(types[index] == DType.FLOAT32 ? 4 : 8);
            }
        }
        long headers = (long) (Integer.BYTES + sizes.length) * 2 * (ranks - 1);
        for (int rank = 0; rank < ranks; rank++) {
            assertEquals(Double.doubleToRawLongBits(objective), Double.doubleToRawLongBits(results.get(rank).get()), ranks + " ranks, rank " + rank);
            if (unused >= 0) {
                assertEquals(null, parameters.get(rank).get(unused).grad(), "no gradient appears where there was none");
            }
            // Rank r sends every other slice to its owner, then its summed slice to the N - 1 others, and receives as much.
            long own = 0;
            for (long element = rank * (long) widths.size() / ranks; element < (rank + 1) * (long) widths.size() / ranks; element++) {
                own += widths.get((int) element);
            }
            long expected = headers + elementBytes - own + (ranks - 1) * own;
            assertEquals(expected, sent[rank], ranks + " ranks, rank " + rank + ": bytes sent");
            assertEquals(expected, received[rank], ranks + " ranks, rank " + rank + ": bytes received");
        }
    }

    private interface Parameters {
        List<Tensor> of(int rank);
    }

    private static List<Future<Double>> runRanks(int ranks, Parameters parameters) throws IOException, InterruptedException {
        return runRanks(ranks, parameters, new long[ranks], new long[ranks]);
    }

    /** Each rank on a thread of its own: its mesh, then one all-reduce; waits for all (a hang fails the test's timeout). */
    private static List<Future<Double>> runRanks(int ranks, Parameters parameters, long[] sent, long[] received)
            throws IOException, InterruptedException {
        ServerSocket[] servers = new ServerSocket[ranks];
        String[] addresses = new String[ranks];
        for (int rank = 0; rank < ranks; rank++) {
            servers[rank] = new ServerSocket();
            servers[rank].bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), ranks);
            addresses[rank] = "127.0.0.1:" + servers[rank].getLocalPort();
        }
        ExecutorService threads = Executors.newFixedThreadPool(ranks);
        List<Future<Double>> results = new ArrayList<>();
        try {
            for (int rank = 0; rank < ranks; rank++) {
                int me = rank;
                results.add(threads.submit(() -> {
                    List<Tensor> mine = parameters.of(me);
                    try (ServerSocket server = servers[me]; Mesh mesh = Mesh.connect(me, addresses, server)) {
                        double sum = SliceAllReduce.allReduce(mesh, objective(me), mine);
                        sent[me] = mesh.sentBytes();
                        received[me] = mesh.receivedBytes();
                        return sum;
                    }
                }));
            }
        } finally {
            threads.shutdown();
        }
        assertTrue(threads.awaitTermination(60, TimeUnit.SECONDS), ranks + " ranks: the all-reduce hangs");
        return results;
    }

    /** Parameters whose gradients are the rank's values (through the gradient of sum(p * v)); parameter {@code unused} gets none. */
    private static List<Tensor> parameters(int rank, int[] sizes, DType[] types, int unused) {
        List<Tensor> parameters = new ArrayList<>();
        for (int index = 0; index < sizes.length; index++) {
            Tensor parameter = (types[index] == DType.FLOAT32 ? Tensor.of(new float[sizes[index]], sizes[index])
                    : Tensor.of(new double[sizes[index]], sizes[index])).requiresGrad(true);
            parameters.add(parameter);
            if (index != unused) {
                Tensor values = types[index] == DType.FLOAT32 ? Tensor.of(floats(rank, index, sizes[index]), sizes[index])
                        : Tensor.of(doubles(rank, index, sizes[index]), sizes[index]);
                parameter.mul(values).sum().backward();
            }
        }
        return parameters;
    }

    /** Values of widely spread magnitudes and both signs, with large ones cancelling: sums that depend on the order. */
    private static double[] doubles(int rank, int index, int size) {
        SplittableRandom random = new SplittableRandom(31L * rank + index);
        double[] values = new double[size];
        for (int i = 0; i < size; i++) {
            double big = (rank % 2 == 0 ? 1 : -1) * 0x1p60;
            values[i] = rank < 2 ? big + Math.scalb(random.nextDouble(1, 2), random.nextInt(-20, 10))
                    : Math.scalb(random.nextDouble(-2, 2), random.nextInt(-30, 62));
        }
        return values;
    }

    private static float[] floats(int rank, int index, int size) {
        SplittableRandom random = new SplittableRandom(17L * rank + index);
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            float big = (rank % 2 == 0 ? 1 : -1) * 0x1p30f;
            values[i] = rank < 2 ? big + Math.scalb((float) random.nextDouble(1, 2), random.nextInt(-10, 5))
                    : Math.scalb((float) random.nextDouble(-2, 2), random.nextInt(-12, 31));
        }
        return values;
    }

    private static double objective(int rank) {
        return doubles(rank, 99, 1)[0];
    }
}
