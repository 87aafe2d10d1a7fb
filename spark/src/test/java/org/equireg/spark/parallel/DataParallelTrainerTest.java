package org.equireg.spark.parallel;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Module;
import org.equireg.spark.LocalSpark;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The barrier-stage trainer in {@code local[2,4]}: bit-identity with one process, and resuming after a failed task. */
class DataParallelTrainerTest {
    private static final int WORKERS = 2;
    private static final int STEPS = 8;

    @TempDir
    Path folder;

    @Test
    void float64WeightsAreBitIdenticalToOneProcessSummingTheShardsInRankOrder() throws IOException {
        assertBitIdentical(TinyProblem.of(DType.FLOAT64), folder.resolve("f64"), Transport.ALL_REDUCE);
    }

    @Test
    void float32WeightsAreBitIdenticalToOneProcessSummingTheShardsInRankOrder() throws IOException {
        assertBitIdentical(TinyProblem.of(DType.FLOAT32), folder.resolve("f32"), Transport.ALL_REDUCE);
    }

    @Test
    void throughTheDriversAllGatherTheWeightsAreTheSameBits() throws IOException {
        assertBitIdentical(TinyProblem.of(DType.FLOAT64), folder.resolve("gather"), Transport.ALL_GATHER);
    }

    @Test
    void aFailedTaskRestartsTheStageFromTheLastCheckpointLosingAtMostKSteps() throws IOException {
        long k = 3;
        long failStep = 7; // checkpoints after steps 3 and 6: step 6 is redone, one step lost
        TinyProblem failing = new TinyProblem(DType.FLOAT64, failStep, 1, false);
        TrainingResult result = DataParallelTrainer.of(failing).workers(WORKERS).steps(STEPS).checkpointEvery(k)
                .checkpoints(folder.resolve("resume")).train(LocalSpark.session());
        assertEquals(2, result.attempts(), "one failed attempt, then the retry");
        assertEquals(6, result.resumedFromStep());
        assertTrue(failStep - result.resumedFromStep() <= k, "at most k steps computed again");
        assertEquals(STEPS - 6, result.objectives().length);
        SequentialTrainer.Result reference = SequentialTrainer.train(TinyProblem.of(DType.FLOAT64), WORKERS, STEPS);
        assertSameBits(reference.model(), load(result.finalCheckpoint(), DType.FLOAT64));
    }

    private static void assertBitIdentical(TinyProblem problem, Path checkpoints, Transport transport) throws IOException {
        TrainingResult result = DataParallelTrainer.of(problem).workers(WORKERS).steps(STEPS).checkpointEvery(4).checkpoints(checkpoints)
                .transport(transport).train(LocalSpark.session());
        SequentialTrainer.Result reference = SequentialTrainer.train(problem, WORKERS, STEPS);
        assertEquals(1, result.attempts());
        assertArrayEquals(reference.objectives(), result.objectives(), 0.0, "the objective of every step, to the bit");
        assertTrue(result.objectives()[STEPS - 1] < result.objectives()[0], "training lowers the objective");
        long parameters = 8 * 16 + 16 + 16 * 4 + 4;
        long gradients = parameters * (problem.dtype() == DType.FLOAT32 ? 4 : 8);
        if (transport == Transport.ALL_REDUCE) {
            // Two workers: rank 0 sends one slice and then the sum of the other, each with a length and 4 presence bytes.
            long bytes = 2 * (4 + 4) + 8 + gradients;
            assertEquals(bytes, result.sentBytesPerStep(), "lengths, presence bytes, the objective and the gradients");
            assertEquals(bytes, result.receivedBytesPerStep());
        } else {
            long base64 = (8 + 4 + gradients + 2) / 3 * 4;
            assertEquals(base64, result.sentBytesPerStep(), "objective, presence bytes, gradients, as Base64");
            assertEquals(WORKERS * base64, result.receivedBytesPerStep());
        }
        Module trained = load(result.finalCheckpoint(), problem.dtype());
        assertSameBits(reference.model(), trained);
        // The check can fail: one rank's gradient alone (or another order) gives other weights.
        SequentialTrainer.Result oneShard = SequentialTrainer.train(problem, 1, STEPS);
        assertTrue(!sameBits(oneShard.model(), trained), "a different sum gives different weights");
    }

    private static Module load(Path file, DType dtype) throws IOException {
        Module model = TinyProblem.of(dtype).model();
        Checkpoint.load(file, model, null);
        return model;
    }

    private static void assertSameBits(Module expected, Module actual) {
        Map<String, Tensor> left = expected.stateDict();
        Map<String, Tensor> right = actual.stateDict();
        assertEquals(left.keySet(), right.keySet());
        left.forEach((name, tensor) -> assertTrue(sameBits(tensor, right.get(name)), name + " differs"));
    }

    private static boolean sameBits(Module left, Module right) {
        return left.stateDict().entrySet().stream().allMatch(entry -> sameBits(entry.getValue(), right.stateDict().get(entry.getKey())));
    }

    private static boolean sameBits(Tensor left, Tensor right) {
        if (left.dtype() != right.dtype()) {
            return false;
        }
        if (left.dtype() == DType.FLOAT32) {
            float[] a = left.floatBuffer();
            float[] b = right.floatBuffer();
            for (int i = 0; i < a.length; i++) {
                if (Float.floatToRawIntBits(a[i]) != Float.floatToRawIntBits(b[i])) {
                    return false;
                }
            }
            return true;
        }
        double[] a = left.buffer();
        double[] b = right.buffer();
        for (int i = 0; i < a.length; i++) {
            if (Double.doubleToRawLongBits(a[i]) != Double.doubleToRawLongBits(b[i])) {
                return false;
            }
        }
        return true;
    }
}
