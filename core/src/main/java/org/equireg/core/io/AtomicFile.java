package org.equireg.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that readers, and a crash at any moment, see either the old content or the
 * complete new one, never a mix: the bytes go to a temporary file in the same directory, are
 * forced to disk, and the temporary file is renamed over the target.
 */
public final class AtomicFile {
    private static final int MAX_PREFIX_LENGTH = 32;

    private AtomicFile() {
    }

    /** Writes the content of a file to a channel positioned at its start. */
    @FunctionalInterface
    public interface Content {
        /** Writes everything; the channel is forced and closed by the caller. */
        void writeTo(FileChannel channel) throws IOException;
    }

    /**
     * Replaces {@code target} (or creates it) with what {@code content} writes. The temporary file,
     * {@code .<name>.<random>.tmp} next to the target, is deleted when anything fails, so a failed
     * write leaves the old file and no litter. The rename is atomic where the file system supports
     * it ({@link StandardCopyOption#ATOMIC_MOVE}); elsewhere it falls back to a plain replacing move.
     *
     * @throws IOException from the content, the disk or the rename; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IOException("AtomicFile.write: " + target + " names no file in a directory");
        }
        Path temporary = directory.resolve(temporaryName(absolute.getFileName().toString()));
        try {
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                content.writeTo(channel);
                channel.force(true);
            }
            move(temporary, absolute);
        } catch (IOException | RuntimeException | Error failure) {
            try {
                Files.deleteIfExists(temporary);
            } catch (IOException deleteFailure) {
                failure.addSuppressed(deleteFailure);
            }
            throw failure;
        }
        syncDirectory(directory);
    }

    /** Writes all of {@code buffer}'s remaining bytes. */
    public static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    private static String temporaryName(String fileName) {
        String prefix = fileName.length() <= MAX_PREFIX_LENGTH ? fileName : fileName.substring(0, MAX_PREFIX_LENGTH);
        // CREATE_NEW refuses an existing file, so a clash fails the write instead of clobbering a stranger's file.
        return "." + prefix + "." + Long.toHexString(ThreadLocalRandom.current().nextLong()) + ".tmp";
    }

    private static void move(Path source, Path target) throws IOException {
        try {
            Files.move(source, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException notSupported) {
            Files.move(source, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    // Makes the rename itself durable. Only POSIX systems can open a directory; elsewhere this is skipped.
    private static void syncDirectory(Path directory) {
        try (FileChannel channel = FileChannel.open(directory, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException notSupported) {
            // The file is complete and renamed; only durability across a power cut is not guaranteed.
        }
    }
}
