package org.equireg.spark.parallel;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.apache.spark.sql.SparkSession;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Module;

/** The cluster test's training (the problem is package-private): killed at step 5 on rank 1, checkpoints every 2 steps. */
public final class ClusterProblems {
    private static final int STEPS = 8;

    private ClusterProblems() {
    }

    /** Trains {@link TinyProblem} on two workers, halting rank 1's executor at step 5 of the first attempt. */
    public static TrainingResult trainWithKilledExecutor(SparkSession spark, Path folder) {
        return DataParallelTrainer.of(new TinyProblem(DType.FLOAT64, 5, 1, true)).workers(2).steps(STEPS).checkpointEvery(2)
                .checkpoints(folder).train(spark);
    }

    /** True when the trained weights equal, bit for bit, one process summing the two shards in order. */
    public static boolean sameAsOneProcess(TrainingResult result, DType dtype) throws IOException {
        Module trained = TinyProblem.of(dtype).model();
        Checkpoint.load(result.finalCheckpoint(), trained, null);
        Map<String, Tensor> expected = SequentialTrainer.train(TinyProblem.of(dtype), 2, STEPS).model().stateDict();
        Map<String, Tensor> actual = trained.stateDict();
        return expected.keySet().equals(actual.keySet()) && expected.entrySet().stream()
                .allMatch(entry -> java.util.Arrays.equals(entry.getValue().toArray(), actual.get(entry.getKey()).toArray()));
    }
}
