package org.equireg.core.kernels;

/**
 * Blocked matrix product in the layered loop order of Goto and van de Geijn ("Anatomy of
 * High-Performance Matrix Multiplication", ACM TOMS 34(3), 2008) as used by BLIS: for each panel
 * of B ({@link #KC} x {@link #NC}), each block of A ({@link #MC} x {@link #KC}) is packed into
 * strips of MR rows and a {@link MicroKernel} computes one MR x NR tile of C per pair of strips.
 * Blocks of C are spread over the {@link Parallel} pool.
 *
 * <p>B is packed into strips of NR columns when it is transposed or reused by many blocks of A;
 * when A has a single block of rows and B is stored (k, n), the micro-kernel reads B in place,
 * which saves a copy of B that so little reuse would not repay (only a last, narrower strip is
 * copied, zero-padded to NR columns).
 *
 * <p>Blocking splits the sum over p into chunks, but each chunk continues the previous chunk's
 * accumulation in C (the micro-kernel loads C for every chunk but the first), so every element is
 * still the one fused multiply-add chain of the {@link Gemm} contract, whatever the tiling, thread
 * count or micro-kernel.
 */
final class PackedGemm {
    /** Depth of a panel: a B strip of KC x NR doubles stays in L1 while a block of A streams past it. */
    static final int KC = 256;
    /** Rows of a packed A block (MC x KC doubles, 192 KiB, fits L2); a multiple of every micro-kernel's rows. */
    static final int MC = 96;
    /** Columns of a B panel (KC x NC doubles, 4 MiB when packed, meant for L3). */
    static final int NC = 2048;

    private static final MicroKernel KERNEL =
            Simd.VECTORIZED ? VectorMicroKernel.INSTANCE : ScalarMicroKernel.INSTANCE;
    private static final Scratch PACKED_A = new Scratch();
    private static final Scratch PACKED_B = new Scratch();

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
        boolean packB = transB || m > MC;
        double[] packedB = packB ? PACKED_B.take(roundUp(Math.min(n, NC), nr) * Math.min(k, KC)) : null;
        Operand left = new Operand(a, aOffset, transA, m, k);
        Operand right = new Operand(b, bOffset, transB, k, n);
        for (int jc = 0; jc < n; jc += NC) {
            int width = Math.min(NC, n - jc);
            for (int pc = 0; pc < k; pc += KC) {
                int depth = Math.min(KC, k - pc);
                if (packB) {
                    packColumnStrips(right, pc, depth, jc, width, nr, packedB);
                }
                Panel panel = new Panel(kernel, left, right, packedB, pc, depth, jc, width, c, cOffset,
                        accumulate || pc > 0, columnRuns(kernel, m, width));
                Parallel.forEach(panel.tasks(), 2L * m * width * depth, panel::run);
            }
        }
        if (packB) {
            PACKED_B.give(packedB);
        }
    }

    /** A row-major matrix X at {@code offset} used as op(X), of {@code rows x columns} after the transpose. */
    private record Operand(double[] data, int offset, boolean transposed, int rows, int columns) {
    }

    /**
     * One panel of B (rows [pc, pc + depth), columns [jc, jc + width)) times all of A: that block of
     * C cut into tasks of one block of rows of A ({@link #MC}) by one run of column strips.
     *
     * @param packedB the panel packed in strips of NR columns, or null to read B in place
     */
    private record Panel(MicroKernel kernel, Operand left, Operand right, double[] packedB, int pc, int depth,
                         int jc, int width, double[] c, int cOffset, boolean load, int runs) {
        int tasks() {
            return (left.rows() + MC - 1) / MC * runs;
        }

        void run(int task) {
            int mr = kernel.rows();
            int nr = kernel.columns();
            int strips = (width + nr - 1) / nr;
            int ic = task / runs * MC;
            int run = task % runs;
            int height = Math.min(MC, left.rows() - ic);
            double[] packedA = PACKED_A.take(MC * KC);
            packRowStrips(left, ic, height, pc, depth, mr, packedA);
            double[] edge = null;
            for (int strip = strips * run / runs; strip < strips * (run + 1) / runs; strip++) {
                int j = jc + strip * nr;
                int columns = Math.min(nr, jc + width - j);
                double[] bData = packedB;
                int bOffset = strip * depth * nr;
                int bStride = nr;
                if (packedB == null && columns == nr) {
                    bData = right.data();
                    bOffset = right.offset() + pc * right.columns() + j;
                    bStride = right.columns();
                } else if (packedB == null) {
                    bData = new double[depth * nr];
                    bOffset = 0;
                    packColumnStrips(right, pc, depth, j, columns, nr, bData);
                }
                for (int ir = 0; ir < height; ir += mr) {
                    int rows = Math.min(mr, height - ir);
                    int cIndex = cOffset + (ic + ir) * right.columns() + j;
                    if (rows == mr && columns == nr) {
                        kernel.multiply(depth, packedA, ir * depth, bData, bOffset, bStride,
                                c, cIndex, right.columns(), load);
                    } else {
                        // A partial tile: run the full tile on a copy, keep only its valid part.
                        edge = edge == null ? new double[mr * nr] : edge;
                        copyTile(c, cIndex, right.columns(), edge, 0, nr, rows, columns);
                        kernel.multiply(depth, packedA, ir * depth, bData, bOffset, bStride, edge, 0, nr, load);
                        copyTile(edge, 0, nr, c, cIndex, right.columns(), rows, columns);
                    }
                }
            }
            PACKED_A.give(packedA);
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

    /**
     * Packs rows [ic, ic + height) x columns [pc, pc + depth) of op(A) into strips of mr rows,
     * element (i, p) of a strip at {@code p * mr + i}; rows past the end are zeros.
     */
    private static void packRowStrips(Operand a, int ic, int height, int pc, int depth, int mr, double[] packed) {
        double[] data = a.data();
        for (int first = 0; first < height; first += mr) {
            int base = first * depth;
            int rows = Math.min(mr, height - first);
            if (a.transposed()) {
                // op(A)[i][p] = A[p][i]: each p reads a run of rows.
                for (int p = 0; p < depth; p++) {
                    int source = a.offset() + (pc + p) * a.rows() + ic + first;
                    for (int ii = 0; ii < rows; ii++) {
                        packed[base + p * mr + ii] = data[source + ii];
                    }
                }
            } else {
                for (int ii = 0; ii < rows; ii++) {
                    int source = a.offset() + (ic + first + ii) * a.columns() + pc;
                    for (int p = 0; p < depth; p++) {
                        packed[base + p * mr + ii] = data[source + p];
                    }
                }
            }
            for (int ii = rows; ii < mr; ii++) {
                for (int p = 0; p < depth; p++) {
                    packed[base + p * mr + ii] = 0.0;
                }
            }
        }
    }

    /**
     * Packs rows [pc, pc + depth) x columns [jc, jc + width) of op(B) into strips of nr columns,
     * element (p, j) of a strip at {@code p * nr + j}; columns past the end are zeros.
     */
    private static void packColumnStrips(Operand b, int pc, int depth, int jc, int width, int nr, double[] packed) {
        double[] data = b.data();
        for (int first = 0; first < width; first += nr) {
            int base = first * depth;
            int columns = Math.min(nr, width - first);
            if (b.transposed()) {
                // op(B)[p][j] = B[j][p]: each column of op(B) is a run of B.
                for (int jj = 0; jj < columns; jj++) {
                    int source = b.offset() + (jc + first + jj) * b.rows() + pc;
                    for (int p = 0; p < depth; p++) {
                        packed[base + p * nr + jj] = data[source + p];
                    }
                }
            } else {
                for (int p = 0; p < depth; p++) {
                    System.arraycopy(data, b.offset() + (pc + p) * b.columns() + jc + first,
                            packed, base + p * nr, columns);
                }
            }
            for (int p = 0; columns < nr && p < depth; p++) {
                java.util.Arrays.fill(packed, base + p * nr + columns, base + (p + 1) * nr, 0.0);
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
