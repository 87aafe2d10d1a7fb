package org.equireg.nn.data;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.CRC32;
import java.util.zip.DataFormatException;
import java.util.zip.Inflater;

/**
 * A strict gzip reader (RFC 1952) for the data loaders: one or more members, each checked against
 * its trailer, and nothing after the last. Unlike {@link java.util.zip.GZIPInputStream}, which ignores
 * bytes after a member that do not start another one and throws a bare {@code EOFException} (with a
 * null message) when the file ends early, every failure here is an {@link IOException} whose
 * message names the file and what is wrong: truncated data, a missing or wrong trailer, junk after
 * the end.
 */
final class GzipStream extends InputStream {
    private static final int MAGIC_1 = 0x1f;
    private static final int MAGIC_2 = 0x8b;
    private static final int DEFLATE = 8;
    private static final int FLAG_HEADER_CRC = 2;
    private static final int FLAG_EXTRA = 4;
    private static final int FLAG_NAME = 8;
    private static final int FLAG_COMMENT = 16;
    private static final int CHUNK = 1 << 16;

    private final PushbackInputStream in;
    private final String source;
    private final Inflater inflater = new Inflater(true); // raw deflate: this class reads the gzip framing itself
    private final CRC32 crc = new CRC32();
    private final byte[] input = new byte[CHUNK];
    private final byte[] single = new byte[1];
    private int filled; // bytes of input last handed to the inflater
    private boolean finished;

    private GzipStream(PushbackInputStream in, String source) throws IOException {
        this.in = in;
        this.source = source;
        readHeader();
    }

    /** The file's bytes, decompressed when it starts with the gzip magic bytes (whatever its name). */
    static InputStream open(Path path) throws IOException {
        PushbackInputStream raw = new PushbackInputStream(new BufferedInputStream(Files.newInputStream(path)), CHUNK);
        int first = raw.read();
        int second = raw.read();
        if (second >= 0) {
            raw.unread(second);
        }
        if (first >= 0) {
            raw.unread(first);
        }
        if (first == MAGIC_1 && second == MAGIC_2) {
            try {
                return new GzipStream(raw, path.toString());
            } catch (IOException | RuntimeException e) {
                raw.close();
                throw e;
            }
        }
        return raw;
    }

    @Override
    public int read() throws IOException {
        return read(single, 0, 1) < 0 ? -1 : single[0] & 0xff;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (length == 0) {
            return 0;
        }
        while (!finished) {
            int inflated;
            try {
                inflated = inflater.inflate(buffer, offset, length);
            } catch (DataFormatException e) {
                throw new IOException(source + ": corrupt gzip data (" + e.getMessage() + ")", e);
            }
            if (inflated > 0) {
                crc.update(buffer, offset, inflated);
                return inflated;
            }
            if (inflater.finished()) {
                endMember();
            } else if (inflater.needsInput()) {
                int read = in.read(input);
                if (read < 0) {
                    throw new IOException(source + ": truncated gzip stream: the file ends inside the compressed data, after "
                            + inflater.getBytesWritten() + " decompressed bytes");
                }
                filled = read;
                inflater.setInput(input, 0, read);
            } else {
                throw new IOException(source + ": corrupt gzip data (a preset dictionary is not allowed in gzip)");
            }
        }
        return -1;
    }

    /** Checks the trailer of the member just inflated; then another member starts, or the file must end. */
    private void endMember() throws IOException {
        int remaining = inflater.getRemaining();
        if (remaining > 0) {
            in.unread(input, filled - remaining, remaining);
        }
        byte[] trailer = in.readNBytes(8);
        if (trailer.length < 8) {
            throw new IOException(source + ": truncated gzip stream: the file ends in or before the 8-byte trailer"
                    + " (CRC and length) after " + inflater.getBytesWritten() + " decompressed bytes");
        }
        long storedCrc = littleEndian(trailer, 0);
        long storedLength = littleEndian(trailer, 4);
        if (storedCrc != crc.getValue() || storedLength != (inflater.getBytesWritten() & 0xffffffffL)) {
            throw new IOException(source + ": corrupt gzip stream: the trailer says CRC " + Long.toHexString(storedCrc)
                    + " and length " + storedLength + ", the data has CRC " + Long.toHexString(crc.getValue())
                    + " and length " + inflater.getBytesWritten());
        }
        int next = in.read();
        if (next < 0) {
            finished = true;
            inflater.end();
            return;
        }
        int after = in.read();
        if (next != MAGIC_1 || after != MAGIC_2) {
            throw new IOException(source + ": trailing bytes after the end of the gzip stream (starting 0x"
                    + Integer.toHexString(next) + (after < 0 ? "" : ", 0x" + Integer.toHexString(after))
                    + "), neither the end of the file nor another gzip member");
        }
        in.unread(after);
        in.unread(next);
        inflater.reset();
        crc.reset();
        readHeader();
    }

    /** Reads a member header: magic, method, flags, and skips the optional fields. */
    private void readHeader() throws IOException {
        byte[] fixed = readHeaderBytes(10);
        if ((fixed[0] & 0xff) != MAGIC_1 || (fixed[1] & 0xff) != MAGIC_2) {
            throw new IOException(source + ": not a gzip member header (bytes 0x" + Integer.toHexString(fixed[0] & 0xff)
                    + ", 0x" + Integer.toHexString(fixed[1] & 0xff) + ")");
        }
        if (fixed[2] != DEFLATE) {
            throw new IOException(source + ": unsupported gzip compression method " + fixed[2] + " (only 8, deflate)");
        }
        int flags = fixed[3] & 0xff;
        if ((flags & FLAG_EXTRA) != 0) {
            byte[] length = readHeaderBytes(2);
            readHeaderBytes((length[0] & 0xff) | (length[1] & 0xff) << 8);
        }
        if ((flags & FLAG_NAME) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FLAG_COMMENT) != 0) {
            skipZeroTerminated();
        }
        if ((flags & FLAG_HEADER_CRC) != 0) {
            readHeaderBytes(2);
        }
    }

    private byte[] readHeaderBytes(int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new IOException(source + ": truncated gzip header");
        }
        return bytes;
    }

    private void skipZeroTerminated() throws IOException {
        for (int b = in.read(); b != 0; b = in.read()) {
            if (b < 0) {
                throw new IOException(source + ": truncated gzip header");
            }
        }
    }

    private static long littleEndian(byte[] bytes, int offset) {
        return (bytes[offset] & 0xffL) | (bytes[offset + 1] & 0xffL) << 8 | (bytes[offset + 2] & 0xffL) << 16
                | (bytes[offset + 3] & 0xffL) << 24;
    }

    @Override
    public void close() throws IOException {
        inflater.end();
        in.close();
    }
}
