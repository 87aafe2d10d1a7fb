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
 * The body of each barrier task: rendezvous, resume from the newest checkpoint, open the ring (for
 * {@link Transport#RING}), then per step the shard's gradient, the exchange of every rank's message,
 * the rank-order sum and the optimizer step; rank 0 checkpoints every k steps and writes the final
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
            throw new UncheckedIOException("data-parallel task: I/O failed (a checkpoint, or the ring when another rank died): " + e, e);
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
        long messageBytes = 0;
        try (Ring ring = transport == Transport.RING && shards > 1 ? Ring.open(context) : null) {
            for (long step = start; step < steps; step++) {
                long begin = System.nanoTime();
                optimizer.zeroGrad();
                Tensor objective = problem.objective(model, step, rank, shards);
                objective.backward();
                byte[] message = GradientExchange.encode(objective.item(), parameters);
                long exchange = System.nanoTime();
                byte[][] messages;
                if (ring != null) {
                    messages = ring.allGather(message);
                    messageBytes = message.length;
                } else {
                    String text = Base64.getEncoder().encodeToString(message);
                    messages = Arrays.stream(context.allGather(text)).map(Base64.getDecoder()::decode).toArray(byte[][]::new);
                    messageBytes = text.length();
                }
                int index = (int) (step - start);
                objectives[index] = GradientExchange.sumInto(messages, parameters);
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
        return new RankSummary(rank, context.stageAttemptNumber(), start, objectives, messageBytes, stepSeconds, exchangeSeconds);
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
