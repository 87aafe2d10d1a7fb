package org.equireg.core.io;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryIteratorException;
import java.nio.file.DirectoryStream;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Replaces a file so that readers, and a crash at any moment, see either the old content or the
 * complete new one, never a mix: the bytes go to a temporary file in the same directory, are
 * forced to disk, and the temporary file is renamed over the target.
 * <p>Like writing the file in place (and as PyTorch's and safetensors' savers do), a write through
 * a symbolic link replaces the file the link points to, keeping the link, and a file that exists
 * keeps its permissions: the temporary file gets the old file's POSIX permissions before the rename.
 * A new file gets the usual permissions of a new file (0666 less the umask).
 * <p>The temporary file's name carries its writer's process id, {@code .<name>.<pid>.<random>.tmp},
 * so the temporary file of a writer that died mid-save (SIGKILL, power cut) is recognized and
 * removed by the next write to the same target once that process is gone. A temporary file whose
 * writer is alive, in this JVM or another, is never touched.
 */
public final class AtomicFile {
    private static final int MAX_PREFIX_LENGTH = 32;
    private static final String SUFFIX = ".tmp";
    // Linux's limit on links followed in one path resolution (MAXSYMLINKS).
    private static final int MAX_LINK_HOPS = 40;

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
     * {@code .<name>.<pid>.<random>.tmp} next to the target, is deleted when anything fails, so a
     * failed write leaves the old file and no litter. The rename is atomic where the file system
     * supports it ({@link StandardCopyOption#ATOMIC_MOVE}); elsewhere it falls back to a plain
     * replacing move.
     * <p>First, temporary files left for the same target by writers no longer alive are deleted.
     * That is housekeeping and never fails a save on its own: a failure there is attached as
     * suppressed to the save's exception if the save fails, and otherwise logged at WARNING
     * (logger {@code org.equireg.core.io}).
     *
     * @throws IOException from the content, the disk or the rename; the target is then unchanged
     */
    public static void write(Path target, Content content) throws IOException {
        if (target == null || content == null) {
            throw new IllegalArgumentException("AtomicFile.write: target " + target + " and content " + content
                    + " must not be null");
        }
        Path absolute = followLinks(target.toAbsolutePath());
        Path directory = absolute.getParent();
        if (directory == null || absolute.getFileName() == null) {
            throw new IOException("AtomicFile.write: " + target + " names no file in a directory");
        }
        if (!Files.isDirectory(directory)) {
            // Checked first so the error names the target, not the temporary file that could not be created.
            throw new NoSuchFileException(target.toString(), null, "cannot write it, the directory " + directory
                    + " does not exist");
        }
        String prefix = temporaryPrefix(absolute.getFileName().toString());
        IOException sweepFailure = deleteStaleTemporaries(directory, prefix);
        Path temporary = directory.resolve(prefix + ProcessHandle.current().pid() + "."
                + Long.toHexString(ThreadLocalRandom.current().nextLong()) + SUFFIX);
        try {
            // CREATE_NEW refuses an existing file, so a clash fails the write instead of clobbering a stranger's file.
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE)) {
                keepPermissions(absolute, temporary); // before any byte is written: a private file's content stays private
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
            if (sweepFailure != null) {
                failure.addSuppressed(sweepFailure);
            }
            throw failure;
        }
        if (sweepFailure != null) {
            System.getLogger("org.equireg.core.io").log(Level.WARNING,
                    "AtomicFile.write: saved " + absolute + " but could not remove stale temporary files", sweepFailure);
        }
        syncDirectory(directory);
    }

    /**
     * The file {@code path} names once every symbolic link in its last component is followed (the
     * link's target may not exist yet: it is then created, as writing through the link would).
     * Renaming onto the link itself would replace the link by a plain file and leave its target stale.
     */
    private static Path followLinks(Path path) throws IOException {
        Path current = path;
        for (int hops = 0; Files.isSymbolicLink(current); hops++) {
            if (hops == MAX_LINK_HOPS) {
                throw new FileSystemException(path.toString(), null, "more than " + MAX_LINK_HOPS
                        + " symbolic links in a chain (a loop?)");
            }
            Path parent = current.getParent();
            current = parent.resolve(Files.readSymbolicLink(current)).normalize();
        }
        return current;
    }

    /** Gives {@code temporary} the POSIX permissions of {@code target} when that exists (and the file system has them). */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        if (Files.getFileStore(temporary).supportsFileAttributeView(PosixFileAttributeView.class) && Files.exists(target)) {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(target);
            Files.setPosixFilePermissions(temporary, permissions);
        }
    }

    /** Writes all of {@code buffer}'s remaining bytes. */
    public static void writeFully(FileChannel channel, ByteBuffer buffer) throws IOException {
        if (channel == null || buffer == null) {
            throw new IllegalArgumentException("AtomicFile.writeFully: channel " + channel + " and buffer " + buffer
                    + " must not be null");
        }
        while (buffer.hasRemaining()) {
            channel.write(buffer);
        }
    }

    // ".<name>." with the name cut to 32 characters: the start of every temporary file name for this target.
    private static String temporaryPrefix(String fileName) {
        String prefix = fileName.length() <= MAX_PREFIX_LENGTH ? fileName : fileName.substring(0, MAX_PREFIX_LENGTH);
        return "." + prefix + ".";
    }

    /**
     * Deletes {@code directory}'s temporary files starting with {@code prefix} whose writer process
     * has ended; returns the first failure (later ones suppressed into it), or null.
     */
    private static IOException deleteStaleTemporaries(Path directory, String prefix) {
        IOException firstFailure = null;
        try (DirectoryStream<Path> candidates = Files.newDirectoryStream(directory,
                file -> writerPid(file.getFileName().toString(), prefix).isPresent())) {
            for (Path candidate : candidates) {
                long pid = writerPid(candidate.getFileName().toString(), prefix).getAsLong();
                if (ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)) {
                    continue;
                }
                try {
                    Files.deleteIfExists(candidate);
                } catch (IOException failure) {
                    firstFailure = record(firstFailure, failure);
                }
            }
        } catch (IOException failure) {
            firstFailure = record(firstFailure, failure);
        } catch (DirectoryIteratorException failure) {
            firstFailure = record(firstFailure, failure.getCause());
        }
        return firstFailure;
    }

    // The writer's process id in ".<prefix>.<pid>.<hex>.tmp", or empty for any other name.
    static OptionalLong writerPid(String fileName, String prefix) {
        if (!fileName.startsWith(prefix) || !fileName.endsWith(SUFFIX)) {
            return OptionalLong.empty();
        }
        String middle = fileName.substring(prefix.length(), fileName.length() - SUFFIX.length());
        int dot = middle.indexOf('.');
        if (dot <= 0 || !middle.substring(0, dot).chars().allMatch(Character::isDigit)
                || !middle.substring(dot + 1).matches("[0-9a-f]{1,16}")) {
            return OptionalLong.empty();
        }
        try {
            return OptionalLong.of(Long.parseLong(middle.substring(0, dot)));
        } catch (NumberFormatException tooLong) {
            return OptionalLong.empty();
        }
    }

    private static IOException record(IOException first, IOException failure) {
        if (first == null) {
            return failure;
        }
        first.addSuppressed(failure);
        return first;
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
