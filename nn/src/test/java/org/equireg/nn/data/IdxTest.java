package org.equireg.nn.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.SplittableRandom;
import java.util.zip.GZIPOutputStream;
import org.equireg.core.Tensor;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The IDX reader: every element type, gzip or raw, the bundled MNIST files, and hostile input: every
 * truncation, every single-byte corruption of the header and random garbage give an IOException
 * naming the file (never another exception, never a huge allocation).
 */
class IdxTest {
    @TempDir
    Path directory;

    /** An IDX file: magic, sizes, then the payload as given. */
    private static byte[] idx(int type, int[] shape, byte[] payload) {
        ByteBuffer header = ByteBuffer.allocate(4 + 4 * shape.length);
        header.put((byte) 0).put((byte) 0).put((byte) type).put((byte) shape.length);
        for (int size : shape) {
            header.putInt(size);
        }
        byte[] bytes = Arrays.copyOf(header.array(), header.capacity() + payload.length);
        System.arraycopy(payload, 0, bytes, header.capacity(), payload.length);
        return bytes;
    }

    private Path write(String name, byte[] bytes) throws IOException {
        return Files.write(directory.resolve(name), bytes);
    }

    private static byte[] gzip(byte[] bytes) throws IOException {
        ByteArrayOutputStream buffer = new ByteArrayOutputStream();
        try (OutputStream out = new GZIPOutputStream(buffer)) {
            out.write(bytes);
        }
        return buffer.toByteArray();
    }

    @Test
    void readsUnsignedBytesAsTheirValuesInShape() throws IOException {
        byte[] payload = {0, 1, 127, (byte) 128, (byte) 255, 7};
        Tensor x = Idx.read(write("a-idx2-ubyte", idx(0x08, new int[] {2, 3}, payload)));
        assertArrayEquals(new int[] {2, 3}, x.shape());
        assertArrayEquals(new double[] {0, 1, 127, 128, 255, 7}, x.toArray());
    }

    @Test
    void readsEveryElementTypeBigEndian() throws IOException {
        assertArrayEquals(new double[] {-1, 127}, Idx.read(write("s8", idx(0x09, new int[] {2}, new byte[] {-1, 127}))).toArray());
        ByteBuffer shorts = ByteBuffer.allocate(4).putShort((short) -300).putShort((short) 12);
        assertArrayEquals(new double[] {-300, 12}, Idx.read(write("s16", idx(0x0B, new int[] {2}, shorts.array()))).toArray());
        ByteBuffer ints = ByteBuffer.allocate(8).putInt(-70000).putInt(Integer.MAX_VALUE);
        assertArrayEquals(new double[] {-70000, Integer.MAX_VALUE}, Idx.read(write("s32", idx(0x0C, new int[] {2, 1}, ints.array()))).toArray());
        ByteBuffer floats = ByteBuffer.allocate(8).putFloat(0.1f).putFloat(-2.5f);
        assertArrayEquals(new double[] {0.1f, -2.5}, Idx.read(write("f32", idx(0x0D, new int[] {1, 2}, floats.array()))).toArray());
        ByteBuffer doubles = ByteBuffer.allocate(16).putDouble(Math.PI).putDouble(-0.0);
        assertArrayEquals(new double[] {Math.PI, -0.0}, Idx.read(write("f64", idx(0x0E, new int[] {2}, doubles.array()))).toArray());
        assertArrayEquals(new int[] {0, 3}, Idx.read(write("empty", idx(0x08, new int[] {0, 3}, new byte[0]))).shape());
    }

    @Test
    void readsGzipWhateverTheName() throws IOException {
        byte[] raw = idx(0x08, new int[] {3}, new byte[] {9, 8, 7});
        assertArrayEquals(new double[] {9, 8, 7}, Idx.read(write("plain-name", gzip(raw))).toArray());
    }

    @Test
    void readsTheBundledMnistDigits() throws IOException {
        Tensor images = Idx.read(Path.of("..", "data", "mnist10k-images-idx3-ubyte.gz"));
        Tensor labels = Idx.read(Path.of("..", "data", "mnist10k-labels-idx1-ubyte.gz"));
        assertArrayEquals(new int[] {10000, 28, 28}, images.shape());
        assertArrayEquals(new int[] {10000}, labels.shape());
        assertEquals(0.0, images.min().item());
        assertEquals(255.0, images.max().item());
        int[] perClass = new int[10];
        for (double label : labels.toArray()) {
            perClass[(int) label]++;
        }
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, perClass);
    }

    /** No item, and items of zero pixels whatever their count: valid empty tensors of the header's shape. */
    @Test
    void emptyFilesReadAsEmptyTensors() throws IOException {
        assertArrayEquals(new int[] {0, 28, 28}, Idx.read(write("none", idx(0x08, new int[] {0, 28, 28}, new byte[0]))).shape());
        Tensor zeroPixels = Idx.read(write("zero-pixels", idx(0x08, new int[] {65536, 65536, 0}, new byte[0])));
        assertArrayEquals(new int[] {65536, 0}, zeroPixels.flatten(1, -1).shape());
    }

    @Test
    void headerProblemsAreNamed() throws IOException {
        assertMessage(write("magic", new byte[] {1, 0, 8, 1, 0, 0, 0, 0}), "not an IDX file", "1, 0");
        assertMessage(write("type", idx(0x0A, new int[] {1}, new byte[] {0})), "unknown IDX element type 0xa");
        assertMessage(write("rank0", new byte[] {0, 0, 8, 0}), "rank 0");
        assertMessage(write("rank9", new byte[] {0, 0, 8, 9}), "rank 9");
        assertMessage(write("negative", idx(0x08, new int[] {2, -3}, new byte[0])), "dimension 1 is negative: -3");
        assertMessage(write("huge", idx(0x08, new int[] {65536, 65536}, new byte[0])), "[65536, 65536] do not fit",
                "4294967296 values in all");
        assertMessage(write("empty-but-huge-items", idx(0x08, new int[] {0, 65536, 65536}, new byte[0])),
                "[0, 65536, 65536] do not fit", "4294967296 per item");
        assertMessage(write("doubles", idx(0x0E, new int[] {1 << 28}, new byte[0])), "more than an array holds");
        assertMessage(write("short", idx(0x08, new int[] {2, 2}, new byte[] {1, 2, 3})), "truncated IDX payload", "needs 4 bytes",
                "holds 3");
        assertMessage(write("long", idx(0x08, new int[] {2}, new byte[] {1, 2, 3})), "trailing bytes");
        assertMessage(write("header", new byte[] {0, 0, 8, 3, 0, 0}), "truncated IDX header", "12 bytes");
        assertMessage(write("nothing", new byte[0]), "truncated IDX header");
        byte[] gzipped = gzip(idx(0x08, new int[] {4}, new byte[] {1, 2, 3, 4}));
        assertMessage(write("cut.gz", Arrays.copyOf(gzipped, gzipped.length - 6)), "cut.gz", "truncated gzip stream");
        assertMessage(write("no-trailer.gz", Arrays.copyOf(gzipped, gzipped.length - 8)), "trailer");
        assertFalse(assertThrows(IOException.class, () -> Idx.read(write("no-trailer.gz", Arrays.copyOf(gzipped,
                gzipped.length - 8)))).getMessage().contains("null"), "no '(null)' for a missing trailer");
        byte[] junk = Arrays.copyOf(gzipped, gzipped.length + 4);
        junk[gzipped.length] = 7;
        assertMessage(write("junk.gz", junk), "trailing bytes after the end of the gzip stream");
    }

    @Test
    void fuzzedFilesFailWithAnIoExceptionNamingTheFile() throws IOException {
        byte[] valid = idx(0x0B, new int[] {2, 3}, new byte[12]);
        byte[] gzipped = gzip(valid);
        for (byte[] original : new byte[][] {valid, gzipped}) {
            for (int length = 0; length < original.length; length++) {
                assertFailsCleanly(Arrays.copyOf(original, length), "truncated to " + length);
            }
        }
        SplittableRandom random = new SplittableRandom(7);
        for (int trial = 0; trial < 300; trial++) {
            byte[] corrupted = valid.clone();
            int at = random.nextInt(4 + 8); // the header
            corrupted[at] = (byte) random.nextInt(256);
            try {
                Tensor x = Idx.read(write("fuzz", corrupted));
                assertEquals(valid.length - 12, 2 * x.size(), "a header that still parses matches the payload");
            } catch (IOException e) {
                assertTrue(e.getMessage().contains("fuzz"), e.getMessage());
            }
            byte[] garbage = new byte[1 + random.nextInt(40)];
            random.nextBytes(garbage);
            garbage[0] = 0;
            assertFailsOrReads(garbage);
        }
    }

    private void assertFailsCleanly(byte[] bytes, String what) throws IOException {
        Path file = write("fuzz-file", bytes);
        IOException error = assertThrows(IOException.class, () -> Idx.read(file), what);
        assertTrue(error.getMessage().contains("fuzz-file"), what + ": " + error.getMessage());
    }

    private void assertFailsOrReads(byte[] bytes) throws IOException {
        try {
            Idx.read(write("garbage", bytes));
        } catch (IOException e) {
            assertTrue(e.getMessage().contains("garbage"), e.getMessage());
        }
    }

    private void assertMessage(Path file, String... fragments) {
        String message = assertThrows(IOException.class, () -> Idx.read(file)).getMessage();
        assertTrue(message.contains(file.toString()), message);
        for (String fragment : fragments) {
            assertTrue(message.contains(fragment), "'" + fragment + "' missing from: " + message);
        }
    }
}
