package org.equireg.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A failed write leaves the old file as it was and no temporary file behind. */
class AtomicFileTest {
    private static final byte[] OLD = {1, 2, 3};

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

    private void assertOnlyFile(Path target, byte[] content) throws IOException {
        assertArrayEquals(content, Files.readAllBytes(target));
        try (Stream<Path> files = Files.list(directory)) {
            assertEquals(List.of(target), files.toList());
        }
    }
}
