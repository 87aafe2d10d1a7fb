package org.equireg.examples.report;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.equireg.core.io.AtomicFile;

/**
 * Writes files whole or not at all, through the library's {@link AtomicFile}: a temporary file next
 * to the target, then a rename; a symbolic link is written through and a file keeps its permissions.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Writes {@code text} as UTF-8 to {@code target}, creating parent folders; readers never see half a file. */
    public static void writeString(Path target, String text) throws IOException {
        Files.createDirectories(target.toAbsolutePath().getParent());
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        AtomicFile.write(target, channel -> AtomicFile.writeFully(channel, ByteBuffer.wrap(bytes)));
    }
}
