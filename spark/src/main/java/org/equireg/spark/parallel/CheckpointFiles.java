package org.equireg.spark.parallel;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.equireg.nn.Checkpoint;
import org.equireg.nn.Module;
import org.equireg.nn.Optimizer;

/**
 * The trainer's checkpoints in one folder: {@code step-<n>.safetensors} holds the model and
 * optimizer after n steps ({@link Checkpoint}, written atomically). The two newest are kept: a
 * task reading the newest while rank 0 of a dying attempt writes the next still finds a whole file.
 */
final class CheckpointFiles {
    private static final Pattern NAME = Pattern.compile("step-(\\d{10})\\.safetensors");
    private static final int KEEP = 2;
    private final Path folder;

    CheckpointFiles(Path folder) {
        this.folder = folder;
    }

    /** Saves the state after {@code step} steps and deletes all but the newest checkpoints. */
    void save(long step, Module model, Optimizer optimizer) throws IOException {
        Files.createDirectories(folder);
        Checkpoint.save(folder.resolve(String.format(Locale.ROOT, "step-%010d.safetensors", step)), model, optimizer);
        List<Path> files = checkpoints();
        for (Path old : files.subList(Math.min(KEEP, files.size()), files.size())) {
            Files.deleteIfExists(old);
        }
    }

    /** Loads the newest checkpoint into the model and optimizer; returns its step, or 0 when there is none. */
    long loadNewest(Module model, Optimizer optimizer) throws IOException {
        List<Path> files = checkpoints();
        if (files.isEmpty()) {
            return 0;
        }
        Checkpoint.load(files.get(0), model, optimizer);
        return stepOf(files.get(0));
    }

    /** The checkpoint files, newest first. */
    List<Path> checkpoints() throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(file -> NAME.matcher(file.getFileName().toString()).matches())
                    .sorted((a, b) -> Long.compare(stepOf(b), stepOf(a))).toList();
        }
    }

    private static long stepOf(Path file) {
        Matcher matcher = NAME.matcher(file.getFileName().toString());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("not a checkpoint file name: " + file);
        }
        return Long.parseLong(matcher.group(1));
    }
}
