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
 * copied, zero-padded to NR columns), and panels are deeper than {@link #KC} (see
 * {@link #inPlaceDepth}).
 *
 * <p>Blocking splits the sum over p into panels; within one chunk of the {@link Cascade} each panel
 * continues the previous panel's accumulation (the micro-kernel loads its tile for every panel but the
 * chunk's first), and a panel that ends a chunk merges the chunk's tile into the cascade, so every
 * element is the sum the {@link Gemm} contract fixes, whatever the tiling, thread count or micro-kernel.
 */
final class PackedGemm {
    /**
     * Depth of a panel: a B strip of KC x NR elements (KC times two vectors, 32 KiB with AVX-512) stays in
     * L1 while a block of A streams past it.
     */
    static final int KC = 256;
    /**
     * Rows of a packed A block (MC x KC elements, 192 KiB, fits L2); a multiple of every micro-kernel's
     * rows (4 and 8). Budgeted in bytes, as is {@link #NC}, so that both element types fill the caches alike.
     */
    static final int MC = 768 / Double.BYTES;
    /** Columns of a B panel (KC x NC elements, 4 MiB when packed, meant for L3). */
    static final int NC = (16 << 10) / Double.BYTES;
    /** Work worth a task of its own: about 0.1 ms, ten times the cost of packing its block of A. */
    static final long TASK_FLOPS = 8_000_000;

    private static final MicroKernel KERNEL = kernel();
    private static final Scratch PACKED_A = new Scratch();
    private static final Scratch PACKED_B = new Scratch();
    private static final Scratch EDGE_B = new Scratch();
    private static final Scratch WORK = new Scratch();

    private PackedGemm() {
    }

    /**
     * The micro-kernel whose tile fits the register file: 8 x 2 vectors (19 live registers) with 512-bit
     * vectors, which come with 32 registers (AVX-512); 4 x 2 (at most 14 live) with narrower ones, which
     * x86 has 16 of (AVX2). All give the same bits.
     */
    private static MicroKernel kernel() {
        if (!Simd.VECTORIZED) {
            return ScalarMicroKernel.INSTANCE;
        }
        return VectorShape.LANES * Double.BYTES >= 64 ? VectorMicroKernel.INSTANCE : VectorMicroKernel256.INSTANCE;
    }

    /** The micro-kernel {@link #gemm} uses on this JVM. */
    static MicroKernel microKernel() {
        return KERNEL;
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
        int chunks = Cascade.chunks(k);
        boolean packB = transB || m > MC;
        // Several chunks: panels of KC, which divides Cascade.DEPTH, so that no panel straddles two chunks.
        int panelDepth = packB || chunks > 1 ? KC : inPlaceDepth(kernel, m);
        double[] packedB = packB ? PACKED_B.take(roundUp(Math.min(n, NC), nr) * Math.min(k, KC)) : null;
        double[] work = chunks > 1 ? WORK.take(Cascade.slots(chunks) * m * n) : null;
        Operand left = new Operand(a, aOffset, transA, m, k);
        Operand right = new Operand(b, bOffset, transB, k, n);
        for (int jc = 0; jc < n; jc += NC) {
            int width = Math.min(NC, n - jc);
            long panelFlops = 2L * m * width * Math.min(panelDepth, k);
            Grid grid = Grid.of(kernel, m, width, Parallel.plannedThreads(panelFlops), panelFlops);
            for (int pc = 0; pc < k; pc += panelDepth) {
                int depth = Math.min(panelDepth, k - pc);
                if (packB) {
                    packPanel(right, pc, depth, jc, width, nr, packedB, grid.tasks(), 2L * m * width * depth);
                }
                Target target = chunks == 1 ? Target.direct(c, cOffset, accumulate || pc > 0)
                        : Target.chunked(c, cOffset, accumulate, work, m * n, chunks, pc, depth, k);
                Panel panel = new Panel(kernel, grid, left, right, packedB, pc, depth, jc, width, target);
                Parallel.forEach(grid.tasks(), 2L * m * width * depth, panel::run);
            }
        }
        if (packB) {
            PACKED_B.give(packedB);
        }
        if (work != null) {
            WORK.give(work);
        }
    }

    /**
     * Where a panel's micro-kernels write: straight into C when the sum is one chunk (see {@link Cascade});
     * else into the cascade's work storage, {@code work}, laid out as C with {@code slotSize = m n} per
     * slot, in the slot {@link Cascade#slot} names, merged into the cascade when the panel ends a chunk.
     *
     * @param load tiles start from the values in {@code data}, not from zero
     * @param fromC copy C's tile into slot 0 before the first panel (the first chunk starts from C)
     * @param chunk the chunk this panel belongs to
     * @param ends this panel ends its chunk
     */
    private record Target(double[] c, int cOffset, double[] work, int slotSize, int chunks, int chunk, boolean load,
                          boolean fromC, boolean ends) {
        static Target direct(double[] c, int cOffset, boolean load) {
            return new Target(c, cOffset, null, 0, 1, 0, load, false, false);
        }

        static Target chunked(double[] c, int cOffset, boolean accumulate, double[] work, int slotSize, int chunks,
                              int pc, int depth, int k) {
            boolean first = pc % Cascade.DEPTH == 0;
            return new Target(c, cOffset, work, slotSize, chunks, pc / Cascade.DEPTH,
                    !first || pc == 0 && accumulate, pc == 0 && accumulate,
                    (pc + depth) % Cascade.DEPTH == 0 || pc + depth == k);
        }

        double[] data() {
            return work == null ? c : work;
        }

        /** The slot of the work storage the chunk is written to ({@link Cascade#slot}); 0 when direct. */
        int slot() {
            return work == null ? 0 : Cascade.slot(chunk, chunks);
        }

        int offset() {
            return work == null ? cOffset : slot() * slotSize;
        }
    }

    /**
     * Packs a panel of B, split over the pool like the product that will read it (same {@code flops}),
     * in up to {@code tasks} runs of strips.
     */
    private static void packPanel(Operand b, int pc, int depth, int jc, int width, int nr, double[] packed,
                                  int tasks, long flops) {
        int strips = (width + nr - 1) / nr;
        int runs = Math.min(strips, tasks);
        Parallel.forEach(runs, flops, run -> packColumnStrips(b, pc, depth, jc, width, nr, packed,
                Grid.first(strips, runs, run), Grid.first(strips, runs, run + 1)));
    }

    /**
     * Panel depth when B is read in place (A has at most {@link #MC} rows): as deep as the packed A
     * budget ({@code MC * KC} elements) allows, at least {@link #KC}. With few rows of A a B strip is
     * reused by few tiles, so L1 blocking gains little, while every panel costs a round of packing
     * and dispatch; deep panels keep products with a small C and a long sum (weight gradients) efficient.
     */
    private static int inPlaceDepth(MicroKernel kernel, int m) {
        return Math.max(KC, MC * KC / roundUp(m, kernel.rows()));
    }

    /** A row-major matrix X at {@code offset} used as op(X), of {@code rows x columns} after the transpose. */
    private record Operand(double[] data, int offset, boolean transposed, int rows, int columns) {
    }

    /**
     * How a block of C (m x width) is cut into tasks: runs of row strips (at most {@link #MC} rows
     * each, which share one packed block of A) by runs of column strips. Chosen once by the calling
     * thread, since the thread count is a per-thread setting; results do not depend on it. A job
     * that will run on one thread is cut only as far as the blocking requires.
     */
    private record Grid(int rowStrips, int rowRuns, int columnStrips, int columnRuns) {
        /**
         * Up to eight tasks per thread, so that the last round leaves little idle time (11 tasks on
         * 2 threads would cap the speed-up at 11/6), but none much below {@link #TASK_FLOPS}, since
         * each task packs its own rows of A; columns are split first, then rows.
         */
        static Grid of(MicroKernel kernel, int m, int width, int threads, long panelFlops) {
            int rowStrips = (m + kernel.rows() - 1) / kernel.rows();
            int columnStrips = (width + kernel.columns() - 1) / kernel.columns();
            int rowBlocks = (rowStrips + MC / kernel.rows() - 1) / (MC / kernel.rows());
            // A whole number of tasks per thread: 3 tasks on 2 threads would leave one idle half the time.
            int wanted = threads == 1 ? 1
                    : roundUp((int) Math.max(threads, Math.min(8L * threads, panelFlops / TASK_FLOPS)), threads);
            int columnRuns = Math.max(1, Math.min(columnStrips, (wanted + rowBlocks - 1) / rowBlocks));
            int rowRuns = Math.max(rowBlocks, Math.min(rowStrips, (wanted + columnRuns - 1) / columnRuns));
            return new Grid(rowStrips, rowRuns, columnStrips, columnRuns);
        }

        int tasks() {
            return rowRuns * columnRuns;
        }

        /** First strip of run {@code run} of {@code runs} over {@code strips} strips. */
        static int first(int strips, int runs, int run) {
            return (int) ((long) strips * run / runs);
        }
    }

    /**
     * One panel of B (rows [pc, pc + depth), columns [jc, jc + width)) times all of A, as the tasks
     * of {@code grid}.
     *
     * @param packedB the panel packed in strips of NR columns, or null to read B in place
     */
    private record Panel(MicroKernel kernel, Grid grid, Operand left, Operand right, double[] packedB, int pc,
                         int depth, int jc, int width, Target target) {
        void run(int task) {
            int mr = kernel.rows();
            int nr = kernel.columns();
            int rowRun = task / grid.columnRuns();
            int columnRun = task % grid.columnRuns();
            int ic = Grid.first(grid.rowStrips(), grid.rowRuns(), rowRun) * mr;
            int height = Math.min(left.rows(), Grid.first(grid.rowStrips(), grid.rowRuns(), rowRun + 1) * mr) - ic;
            double[] packedA = PACKED_A.take(roundUp(height, mr) * depth);
            packRowStrips(left, ic, height, pc, depth, mr, packedA);
            double[] edgeB = null;
            double[] edgeC = null;
            double[] out = target.data();
            int stride = right.columns();
            int endStrip = Grid.first(grid.columnStrips(), grid.columnRuns(), columnRun + 1);
            for (int strip = Grid.first(grid.columnStrips(), grid.columnRuns(), columnRun); strip < endStrip; strip++) {
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
                    // The last, narrower strip cannot be read in place: copy it, zero-padded.
                    edgeB = EDGE_B.take(depth * nr);
                    bData = edgeB;
                    bOffset = 0;
                    packColumnStrips(right, pc, depth, j, columns, nr, edgeB);
                }
                for (int ir = 0; ir < height; ir += mr) {
                    int rows = Math.min(mr, height - ir);
                    int at = (ic + ir) * stride + j;
                    int cIndex = target.cOffset() + at;
                    int index = target.offset() + at;
                    if (target.fromC()) {
                        copyTile(target.c(), cIndex, stride, out, index, stride, rows, columns);
                    }
                    if (rows == mr && columns == nr) {
                        kernel.multiply(depth, packedA, ir * depth, bData, bOffset, bStride,
                                out, index, stride, target.load());
                    } else {
                        // A partial tile: run the full tile on a copy, keep only its valid part.
                        edgeC = edgeC == null ? new double[mr * nr] : edgeC;
                        copyTile(out, index, stride, edgeC, 0, nr, rows, columns);
                        kernel.multiply(depth, packedA, ir * depth, bData, bOffset, bStride, edgeC, 0, nr,
                                target.load());
                        copyTile(edgeC, 0, nr, out, index, stride, rows, columns);
                    }
                    if (target.ends()) {
                        Cascade.merge(target.chunk(), target.chunks(), target.slot(), target.work(), target.slotSize(),
                                at, stride, rows, columns, target.c(), cIndex, stride);
                    }
                }
            }
            if (edgeB != null) {
                EDGE_B.give(edgeB);
            }
            PACKED_A.give(packedA);
        }
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
                int source = a.offset() + (ic + first) * a.columns() + pc;
                interleave(data, source, a.columns(), rows, depth, packed, base, mr);
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
        packColumnStrips(b, pc, depth, jc, width, nr, packed, 0, (width + nr - 1) / nr);
    }

    /** {@link #packColumnStrips(Operand, int, int, int, int, int, double[])} for strips [firstStrip, endStrip) only. */
    private static void packColumnStrips(Operand b, int pc, int depth, int jc, int width, int nr, double[] packed,
                                         int firstStrip, int endStrip) {
        double[] data = b.data();
        for (int strip = firstStrip; strip < endStrip; strip++) {
            int first = strip * nr;
            int base = first * depth;
            int columns = Math.min(nr, width - first);
            if (b.transposed()) {
                // op(B)[p][j] = B[j][p]: each column of op(B) is a run of B.
                interleave(data, b.offset() + (jc + first) * b.rows() + pc, b.rows(), columns, depth, packed, base, nr);
            } else {
                for (int p = 0; p < depth; p++) {
                    int source = b.offset() + (pc + p) * b.columns() + jc + first;
                    int target = base + p * nr;
                    for (int jj = 0; jj < columns; jj++) {
                        packed[target + jj] = data[source + jj];
                    }
                }
            }
            for (int p = 0; columns < nr && p < depth; p++) {
                java.util.Arrays.fill(packed, base + p * nr + columns, base + (p + 1) * nr, 0.0);
            }
        }
    }

    /**
     * Writes {@code runs} runs of {@code depth} elements, run r at {@code source + r * runStride}, interleaved:
     * element p of run r to {@code packed[base + p * stride + r]}. Four runs at a time: their elements land
     * side by side, a quarter of the cache lines written per element of a run-by-run copy (measured about
     * 25% faster packing for a linear layer's transposed weights).
     */
    private static void interleave(double[] data, int source, int runStride, int runs, int depth, double[] packed,
                                   int base, int stride) {
        int r = 0;
        for (; r + 4 <= runs; r += 4) {
            int s0 = source + r * runStride;
            int s1 = s0 + runStride;
            int s2 = s1 + runStride;
            int s3 = s2 + runStride;
            for (int p = 0; p < depth; p++) {
                int t = base + p * stride + r;
                packed[t] = data[s0 + p];
                packed[t + 1] = data[s1 + p];
                packed[t + 2] = data[s2 + p];
                packed[t + 3] = data[s3 + p];
            }
        }
        for (; r < runs; r++) {
            int from = source + r * runStride;
            for (int p = 0; p < depth; p++) {
                packed[base + p * stride + r] = data[from + p];
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
