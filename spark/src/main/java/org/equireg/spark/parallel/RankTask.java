package org.equireg.spark.parallel;

import java.io.IOException;
import java.io.Serializable;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import org.apache.spark.BarrierTaskContext;
import org.equireg.core.Tensor;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Module;
import org.equireg.nn.Optimizer;
import scala.collection.Iterator;
import scala.jdk.javaapi.CollectionConverters;
import scala.runtime.AbstractFunction1;

/**
 * The body of each barrier task: rendezvous, resume from the newest checkpoint, open the connections
 * (for {@link Transport#ALL_REDUCE}), then per step the shard's gradient, the rank-order sum of all
 * ranks' gradients and the optimizer step; rank 0 checkpoints every k steps and writes the final
 * model.
 */
final class RankTask extends AbstractFunction1<Iterator<Integer>, Iterator<RankSummary>> implements Serializable {
    private static final long serialVersionUID = 1L;
    private final DataParallelProblem problem;
    private final long steps;
    private final long checkpointEvery;
    private final String checkpointFolder;
    private final String finalFile;
    private final Transport transport;

    RankTask(DataParallelProblem problem, long steps, long checkpointEvery, Path checkpointFolder, Path finalFile, Transport transport) {
        this.problem = problem;
        this.transport = transport;
        this.steps = steps;
        this.checkpointEvery = checkpointEvery;
        this.checkpointFolder = checkpointFolder.toAbsolutePath().toString();
        this.finalFile = finalFile.toAbsolutePath().toString();
    }

    @Override
    public Iterator<RankSummary> apply(Iterator<Integer> partition) {
        try {
            return CollectionConverters.asScala(List.of(train()).iterator());
        } catch (IOException e) {
            throw new UncheckedIOException("data-parallel task: I/O failed (a checkpoint, or a connection to another rank when that rank died): " + e,
                    e);
        }
    }

    private RankSummary train() throws IOException {
        BarrierTaskContext context = BarrierTaskContext.get();
        int rank = context.partitionId();
        int shards = context.getTaskInfos().length;
        Module model = problem.model();
        Optimizer optimizer = problem.optimizer(model);
        List<Tensor> parameters = optimizer.parameters();
        CheckpointFiles checkpoints = new CheckpointFiles(Path.of(checkpointFolder));
        long start = checkpoints.loadNewest(model, optimizer);
        agreeOnStart(context, rank, start);
        int count = (int) (steps - start);
        double[] objectives = new double[count];
        double[] stepSeconds = new double[count];
        double[] exchangeSeconds = new double[count];
        long sentBytes = 0;
        long receivedBytes = 0;
        try (Mesh mesh = transport == Transport.ALL_REDUCE ? Mesh.open(context) : null) {
            for (long step = start; step < steps; step++) {
                long begin = System.nanoTime();
                optimizer.zeroGrad();
                Tensor objective = problem.objective(model, step, rank, shards);
                objective.backward();
                long exchange = System.nanoTime();
                int index = (int) (step - start);
                if (mesh != null) {
                    long sentBefore = mesh.sentBytes();
                    long receivedBefore = mesh.receivedBytes();
                    objectives[index] = SliceAllReduce.allReduce(mesh, objective.item(), parameters);
                    sentBytes = mesh.sentBytes() - sentBefore;
                    receivedBytes = mesh.receivedBytes() - receivedBefore;
                } else {
                    String text = Base64.getEncoder().encodeToString(GradientExchange.encode(objective.item(), parameters));
                    String[] texts = context.allGather(text);
                    objectives[index] = GradientExchange.sumInto(Arrays.stream(texts).map(Base64.getDecoder()::decode).toArray(byte[][]::new),
                            parameters);
                    sentBytes = text.length();
                    receivedBytes = Arrays.stream(texts).mapToLong(String::length).sum();
                }
                exchangeSeconds[index] = (System.nanoTime() - exchange) / 1e9;
                optimizer.step();
                if (rank == 0 && checkpointEvery > 0 && (step + 1) % checkpointEvery == 0 && step + 1 < steps) {
                    checkpoints.save(step + 1, model, optimizer);
                }
                stepSeconds[index] = (System.nanoTime() - begin) / 1e9;
            }
        }
        if (rank == 0) {
            Checkpoint.save(Path.of(finalFile), model, optimizer);
        }
        return new RankSummary(rank, context.stageAttemptNumber(), start, objectives, sentBytes, receivedBytes, stepSeconds, exchangeSeconds);
    }

    /** The rendezvous: every task must resume from the same step (a checkpoint written mid-start would split them). */
    private static void agreeOnStart(BarrierTaskContext context, int rank, long start) {
        String[] starts = context.allGather(Long.toString(start));
        for (int other = 0; other < starts.length; other++) {
            if (Long.parseLong(starts[other]) != start) {
                throw new IllegalStateException("data-parallel rendezvous: rank " + rank + " resumes from step " + start + ", rank "
                        + other + " from step " + starts[other] + "; the checkpoint folder changed during the start");
            }
        }
    }
}
