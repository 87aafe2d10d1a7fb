package org.equireg.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A failed write leaves the old file as it was and no temporary file behind; a write removes the
 * temporary files of dead writers to the same target and keeps those of live ones.
 */
class AtomicFileTest {
    private static final byte[] OLD = {1, 2, 3};
    private static final byte[] NEW = {4, 5, 6, 7};

    @TempDir
    Path directory;

    @Test
    void contentFailingHalfwayLeavesTheOldFile() throws IOException {
        Path target = directory.resolve("file.bin");
        Files.write(target, OLD);
        IOException failure = new IOException("disk full, say");
        IOException thrown = assertThrows(IOException.class, () -> AtomicFile.write(target, channel -> {
            AtomicFile.writeFully(channel, ByteBuffer.wrap(new byte[] {9, 9, 9, 9, 9}));
            throw failure;
        }));
        assertSame(failure, thrown);
        assertOnlyFile(target, OLD);
    }

    @Test
    void uncheckedFailureAlsoCleansUp() throws IOException {
        Path target = directory.resolve("file.bin");
        Files.write(target, OLD);
        assertThrows(IllegalStateException.class, () -> AtomicFile.write(target, channel -> {
            AtomicFile.writeFully(channel, ByteBuffer.wrap(new byte[] {9}));
            throw new IllegalStateException("bug in a writer");
        }));
        assertOnlyFile(target, OLD);
    }

    @Test
    void renameOntoADirectoryFailsAndCleansUp() throws IOException {
        Path target = Files.createDirectory(directory.resolve("occupied"));
        Files.write(target.resolve("inside"), OLD);
        assertThrows(IOException.class, () -> AtomicFile.write(target, channel ->
                AtomicFile.writeFully(channel, ByteBuffer.wrap(new byte[] {7}))));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(target), files.toList());
        }
    }

    @Test
    void successReplacesTheContent() throws IOException {
        Path target = directory.resolve("file.bin");
        Files.write(target, OLD);
        AtomicFile.write(target, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(new byte[] {4, 5})));
        assertOnlyFile(target, new byte[] {4, 5});
    }

    /** As writing in place would: the link stays a link, its target gets the new content. */
    @Test
    void writingThroughASymbolicLinkReplacesItsTarget() throws IOException {
        Path data = Files.createDirectory(directory.resolve("data"));
        Path real = data.resolve("weights-v1.bin");
        Files.write(real, OLD);
        Path link = directory.resolve("latest.bin");
        Files.createSymbolicLink(link, Path.of("data", "weights-v1.bin"));
        Path linkToLink = directory.resolve("current.bin");
        Files.createSymbolicLink(linkToLink, link.getFileName());

        AtomicFile.write(linkToLink, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(NEW)));
        assertTrue(Files.isSymbolicLink(link) && Files.isSymbolicLink(linkToLink), "the links stay links");
        assertArrayEquals(NEW, Files.readAllBytes(real), "the target has the new content");
        assertEquals(List.of(real), Files.list(data).toList(), "no temporary file left beside the target");

        Path dangling = directory.resolve("dangling.bin");
        Files.createSymbolicLink(dangling, Path.of("data", "not-yet.bin"));
        AtomicFile.write(dangling, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(NEW)));
        assertTrue(Files.isSymbolicLink(dangling));
        assertArrayEquals(NEW, Files.readAllBytes(data.resolve("not-yet.bin")), "a dangling link's target is created");
    }

    @Test
    void aLoopOfLinksIsRefusedWithItsName() throws IOException {
        Path first = directory.resolve("first.bin");
        Path second = directory.resolve("second.bin");
        Files.createSymbolicLink(first, second.getFileName());
        Files.createSymbolicLink(second, first.getFileName());
        String message = assertThrows(IOException.class,
                () -> AtomicFile.write(first, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(NEW)))).getMessage();
        assertTrue(message.contains("first.bin") && message.contains("symbolic links"), message);
    }

    /** Re-saving a private file keeps it private (the temporary file would otherwise bring 0644). */
    @Test
    void replacingAFileKeepsItsPermissions() throws IOException {
        assumeTrue(Files.getFileStore(directory).supportsFileAttributeView(PosixFileAttributeView.class), "POSIX only");
        Path target = directory.resolve("secret.bin");
        Files.write(target, OLD);
        Set<PosixFilePermission> owner = PosixFilePermissions.fromString("rw-------");
        Files.setPosixFilePermissions(target, owner);
        AtomicFile.write(target, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(NEW)));
        assertEquals(owner, Files.getPosixFilePermissions(target));
        Set<PosixFilePermission> readOnlyForOthers = PosixFilePermissions.fromString("rw-r-----");
        Files.setPosixFilePermissions(target, readOnlyForOthers);
        AtomicFile.write(target, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(OLD)));
        assertEquals(readOnlyForOthers, Files.getPosixFilePermissions(target));
        assertOnlyFile(target, OLD);
    }

    @Test
    void temporaryFileOfADeadWriterIsRemovedByTheNextWrite() throws Exception {
        Path target = directory.resolve("file.bin");
        Path stale = Files.write(directory.resolve(".file.bin." + deadPid() + ".1f2e3d.tmp"), new byte[] {6});
        AtomicFile.write(target, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(new byte[] {4, 5})));
        assertFalse(Files.exists(stale), "stale temporary file of a dead writer survived");
        assertOnlyFile(target, new byte[] {4, 5});
    }

    @Test
    void temporaryFilesOfLiveWritersAndOtherTargetsAreKept() throws Exception {
        Path target = directory.resolve("file.bin");
        // Blocks on its standard input, which stays open until the finally block.
        Process live = new ProcessBuilder(javaBinary(), "-cp", System.getProperty("java.class.path"),
                WaitForInput.class.getName()).redirectErrorStream(true).start();
        try {
            long dead = deadPid();
            List<Path> kept = List.of(
                    Files.write(directory.resolve(".file.bin." + live.pid() + ".abc.tmp"), OLD),
                    Files.write(directory.resolve(".file.bin." + ProcessHandle.current().pid() + ".abc.tmp"), OLD),
                    Files.write(directory.resolve(".other.bin." + dead + ".abc.tmp"), OLD),
                    Files.write(directory.resolve(".file.bin.abc.tmp"), OLD));
            assertTrue(live.isAlive(), "the live writer ended before the test could use it");
            AtomicFile.write(target, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(new byte[] {4})));
            for (Path file : kept) {
                assertTrue(Files.exists(file), file.getFileName() + " was deleted");
            }
        } finally {
            live.destroyForcibly();
            live.waitFor(30, TimeUnit.SECONDS);
        }
    }

    @Test
    void writerPidParsesOnlyTheNewNameFormat() {
        assertEquals(1234L, AtomicFile.writerPid(".f.1234.ab12.tmp", ".f.").getAsLong());
        assertTrue(AtomicFile.writerPid(".f.ab12.tmp", ".f.").isEmpty());
        assertTrue(AtomicFile.writerPid(".f.5.1234.ab12.tmp", ".f.").isEmpty());
        assertTrue(AtomicFile.writerPid(".g.1234.ab12.tmp", ".f.").isEmpty());
        assertTrue(AtomicFile.writerPid(".f.99999999999999999999.ab12.tmp", ".f.").isEmpty());
    }

    /** The pid of a process that has exited (reuse within the test's lifetime is not a concern). */
    private static long deadPid() throws Exception {
        Process child = new ProcessBuilder(javaBinary(), "-version").redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
        assertTrue(child.waitFor(60, TimeUnit.SECONDS), "child java -version did not exit");
        assertFalse(ProcessHandle.of(child.pid()).map(ProcessHandle::isAlive).orElse(false));
        return child.pid();
    }

    /** A process that lives until its standard input closes. */
    static final class WaitForInput {
        public static void main(String[] arguments) throws IOException {
            System.in.read();
        }
    }

    private static String javaBinary() {
        return ProcessHandle.current().info().command().orElseThrow(() -> new AssertionError("no java command"));
    }

    private void assertOnlyFile(Path target, byte[] content) throws IOException {
        assertArrayEquals(content, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
