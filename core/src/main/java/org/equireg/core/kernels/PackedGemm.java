package org.equireg.core.kernels;

/**
 * Blocked, packed matrix product in the layered loop order of Goto and van de Geijn ("Anatomy of
 * High-Performance Matrix Multiplication", ACM TOMS 34(3), 2008) as used by BLIS: a panel of B
 * ({@link #KC} x {@link #NC}) is packed once into column strips, each block of A ({@link #MC} x
 * {@link #KC}) into row strips, and a {@link MicroKernel} computes one tile of C per pair of strips.
 * Blocks of C are spread over the {@link Parallel} pool.
 *
 * <p>Blocking splits the sum over p into chunks, but each chunk continues the previous chunk's
 * accumulation in C (the micro-kernel loads C for every chunk but the first), so every element is
 * still the one fused multiply-add chain of the {@link Gemm} contract, whatever the tiling, thread
 * count or micro-kernel.
 */
final class PackedGemm {
    /** Depth of a packed panel: a B strip of KC x NR doubles stays in L1 while a block of A streams past it. */
    static final int KC = 256;
    /** Rows of a packed A block (MC x KC doubles, 192 KiB, fits L2); a multiple of every micro-kernel's rows. */
    static final int MC = 96;
    /** Columns of a packed B panel (KC x NC doubles, 4 MiB, meant for L3). */
    static final int NC = 2048;

    private static final MicroKernel KERNEL =
            Simd.VECTORIZED ? VectorMicroKernel.INSTANCE : ScalarMicroKernel.INSTANCE;
    private static final ThreadLocal<double[]> PACKED_A = ThreadLocal.withInitial(() -> new double[MC * KC]);

    private PackedGemm() {
    }

    /** {@link Gemm#gemm} with the micro-kernel of the current {@link Simd} path; needs k &gt;= 1. */
    static void gemm(boolean transA, boolean transB, int m, int n, int k, double[] a, int aOffset,
                     double[] b, int bOffset, double[] c, int cOffset, boolean accumulate) {
        gemm(KERNEL, transA, transB, m, n, k, a, aOffset, b, bOffset, c, cOffset, accumulate);
    }

    /** {@link Gemm#gemm} with the given micro-kernel, so tests can compare the twins; needs k &gt;= 1. */
    static void gemm(MicroKernel kernel, boolean transA, boolean transB, int m, int n, int k,
                     double[] a, int aOffset, double[] b, int bOffset, double[] c, int cOffset, boolean accumulate) {
        int nr = kernel.columns();
        double[] packedB = new double[roundUp(Math.min(n, NC), nr) * Math.min(k, KC)];
        Matrix left = new Matrix(a, aOffset, transA, m, k);
        Matrix right = new Matrix(b, bOffset, transB, k, n);
        for (int jc = 0; jc < n; jc += NC) {
            int width = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int depth = Math.min(KC, k - pc);
                packColumnStrips(right, pc, depth, jc, width, nr, packedB);
                Panel panel = new Panel(kernel, left, packedB, pc, depth, jc, width, c, cOffset, n,
                        accumulate || pc > 0, columnRuns(kernel, m, width));
                Parallel.forEach(panel.tasks(), 2L * m * width * depth, panel::run);
            }
        }
    }

    /** A row-major matrix seen through an optional transpose: element (row, column) of op(X). */
    private record Matrix(double[] data, int offset, boolean transposed, int rows, int columns) {
        double get(int row, int column) {
            return transposed ? data[offset + column * rows + row] : data[offset + row * columns + column];
        }
    }

    /**
     * One packed panel of B times all of A: the C block (m x width) cut into tasks of one block of
     * rows of A ({@link #MC}) by one run of column strips.
     */
    private record Panel(MicroKernel kernel, Matrix left, double[] packedB, int pc, int depth, int jc, int width,
                         double[] c, int cOffset, int rowStride, boolean load, int runs) {
        int tasks() {
            return (left.rows() + MC - 1) / MC * runs;
        }

        int strips() {
            return (width + kernel.columns() - 1) / kernel.columns();
        }

        void run(int task) {
            int ic = (task / runs) * MC;
            int run = task % runs;
            int firstStrip = (int) ((long) strips() * run / runs);
            int endStrip = (int) ((long) strips() * (run + 1) / runs);
            int height = Math.min(MC, left.rows() - ic);
            double[] packedA = PACKED_A.get();
            packRowStrips(left, ic, height, pc, depth, kernel.rows(), packedA);
            int mr = kernel.rows();
            int nr = kernel.columns();
            double[] edge = null;
            for (int strip = firstStrip; strip < endStrip; strip++) {
                int j = jc + strip * nr;
                int columns = Math.min(nr, jc + width - j);
                for (int ir = 0; ir < height; ir += mr) {
                    int rows = Math.min(mr, height - ir);
                    int cIndex = cOffset + (ic + ir) * rowStride + j;
                    if (rows == mr && columns == nr) {
                        kernel.multiply(depth, packedA, ir * depth, packedB, strip * depth * nr, c, cIndex, rowStride, load);
                    } else {
                        edge = edge == null ? new double[mr * nr] : edge;
                        copyTile(c, cIndex, rowStride, edge, 0, nr, rows, columns);
                        kernel.multiply(depth, packedA, ir * depth, packedB, strip * depth * nr, edge, 0, nr, load);
                        copyTile(edge, 0, nr, c, cIndex, rowStride, rows, columns);
                    }
                }
            }
        }
    }

    /**
     * Column runs per block of rows: enough that every thread gets about two tasks even when A has
     * few row blocks. Read once by the calling thread (the thread count is a per-thread setting).
     */
    private static int columnRuns(MicroKernel kernel, int m, int width) {
        int rowBlocks = (m + MC - 1) / MC;
        int strips = (width + kernel.columns() - 1) / kernel.columns();
        int wanted = (2 * Parallel.threads() + rowBlocks - 1) / rowBlocks;
        return Math.max(1, Math.min(strips, wanted));
    }

    /** Packs rows [ic, ic + height) x columns [pc, pc + depth) of A into strips of mr rows, zero-padded. */
    private static void packRowStrips(Matrix a, int ic, int height, int pc, int depth, int mr, double[] packed) {
        for (int strip = 0; strip * mr < height; strip++) {
            int base = strip * mr * depth;
            int rows = Math.min(mr, height - strip * mr);
            for (int ii = 0; ii < mr; ii++) {
                int row = ic + strip * mr + ii;
                for (int p = 0; p < depth; p++) {
                    packed[base + p * mr + ii] = ii < rows ? a.get(row, pc + p) : 0.0;
                }
            }
        }
    }

    /** Packs rows [pc, pc + depth) x columns [jc, jc + width) of B into strips of nr columns, zero-padded. */
    private static void packColumnStrips(Matrix b, int pc, int depth, int jc, int width, int nr, double[] packed) {
        for (int strip = 0; strip * nr < width; strip++) {
            int base = strip * nr * depth;
            int columns = Math.min(nr, width - strip * nr);
            for (int p = 0; p < depth; p++) {
                for (int jj = 0; jj < nr; jj++) {
                    packed[base + p * nr + jj] = jj < columns ? b.get(pc + p, jc + strip * nr + jj) : 0.0;
                }
            }
        }
    }

    private static void copyTile(double[] from, int fromOffset, int fromStride, double[] to, int toOffset, int toStride,
                                 int rows, int columns) {
        for (int i = 0; i < rows; i++) {
            System.arraycopy(from, fromOffset + i * fromStride, to, toOffset + i * toStride, columns);
        }
    }

    private static int roundUp(int value, int multiple) {
        return (value + multiple - 1) / multiple * multiple;
    }
}
