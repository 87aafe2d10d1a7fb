package org.equireg.regularizer.reliability;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.equireg.core.DType;
import org.equireg.core.Tensor;
import org.equireg.nn.Init;
import org.equireg.nn.Module;
import org.equireg.regularizer.Distance;
import org.junit.jupiter.api.Test;

/**
 * Every place in core, nn and the regularizer that writes a tensor's values in place, found in the
 * source, with a verdict: it bumps the tensor's version (checked: {@code bumpVersion()} follows
 * within a few lines), or it writes a tensor no graph can have saved, or the buffer it hands on is
 * only read. A new writer, or a changed one, fails {@link #everyWriteSiteHasAVerdict} until it has a row; a
 * new public {@code *InPlace} method fails {@link #everyPublicInPlaceMethodBumpsTheVersion} until it
 * has a row that runs it and sees the version rise (kernels' {@code *InPlace} methods write arrays,
 * not tensors, and are left out).
 *
 * <p>Found: indexed assignments ({@code =, +=, ..., ++}) to {@code x.buffer()[i]} or to a local
 * array assigned from a tensor's buffer, and {@code set} calls on a tensor's {@code storage()} or a
 * local assigned from it; a buffer or storage (or such a local) as the target of
 * {@code System.arraycopy}, {@code Arrays.fill} or an {@code *InPlace} kernel; and a buffer or
 * storage handed straight to any call but the kernel facades' reading methods ({@code Maps},
 * {@code Movement}, {@code Reduce}, {@code LinearAlgebra}: each returns a new storage). Not followed:
 * a local alias handed to a call (ops hand their inputs'
 * arrays to kernels that only read them; the kernels' contracts say "Not modified"). Kernels are
 * left out: they see arrays, never tensors.
 */
class InPlaceWriterInventoryTest {
    private static final int BUMP_WITHIN_LINES = 8;
    private static final Pattern ALIAS = Pattern.compile(
            "(?:double|float)\\[\\]\\s+(\\w+)\\s*=\\s*[^;]*(?:\\.(?:buffer|floatBuffer)\\(\\)|\\.(?:data|floats)\\b)[^;]*;"
                    + "|Storage\\s+(\\w+)\\s*=\\s*[^;]*\\.storage\\(\\)[^;]*;");
    private static final String INDEXED_WRITE = "\\s*\\[[^\\]]*\\]\\s*(?:[-+*/]?=(?!=)|\\+\\+|--)";
    private static final Pattern HANDED = Pattern.compile("\\w\\((?:[^()]|\\([^()]*\\))*?\\.(?:buffer|floatBuffer)\\(\\)\\s*[,)]");
    private static final Pattern STORAGE_ARGUMENT = Pattern.compile("\\.storage\\(\\)\\s*[,)]");
    /**
     * The kernel facades' methods, which return new storages and never write their arguments (but their
     * *InPlace methods, and Maps.backward, which writes into g only when a backward pass donated it: an
     * intermediate gradient no tensor outside the engine can reach, which no graph saved).
     */
    private static final Pattern FACADE_READ = Pattern.compile("\\b(?:Maps|Movement|Reduce|LinearAlgebra)\\.(?!\\w*InPlace)\\w+$");

    /** Whether the line hands a {@code storage()} straight to a call other than a facade's reading method. */
    private static boolean storageHandedOn(String line) {
        Matcher argument = STORAGE_ARGUMENT.matcher(line);
        while (argument.find()) {
            int depth = 0;
            int open = -1;
            for (int i = argument.start() - 1; i >= 0 && open < 0; i--) {
                char c = line.charAt(i);
                if (c == ')') {
                    depth++;
                } else if (c == '(') {
                    if (depth == 0) {
                        open = i;
                    } else {
                        depth--;
                    }
                }
            }
            if (open > 0 && !FACADE_READ.matcher(line.substring(0, open)).find()) {
                return true;
            }
        }
        return false;
    }

    private enum Verdict { BUMPS, OWN_TENSOR, READ_ONLY }

    private record Row(String file, String fragment, Verdict verdict, String reason) {
    }

    private static Row bumps(String file, String fragment) {
        return new Row(file, fragment, Verdict.BUMPS, "bumpVersion() follows");
    }

    private static Row own(String file, String fragment, String reason) {
        return new Row(file, fragment, Verdict.OWN_TENSOR, reason);
    }

    private static Row reads(String file, String fragment, String reason) {
        return new Row(file, fragment, Verdict.READ_ONLY, reason);
    }

    private static final String CORE = "core/src/main/java/org/equireg/core/";
    private static final String NN = "nn/src/main/java/org/equireg/nn/";
    private static final String REGULARIZER = "regularizer/src/main/java/org/equireg/regularizer/";

    /** The inventory: one row per write site (a file and a fragment of the line). */
    private static final List<Row> ROWS = List.of(
            bumps(CORE + "Tensor.java", "Maps.addInPlace(grad.storage, increment.storage)"),
            bumps(NN + "Optimizer.java", "update(parameter.storage(), gradient.storage()"),
            bumps(NN + "Module.java", "values.set(i, source.get(i))"),
            bumps(NN + "Init.java", "values.set(i, low + (high - low)"),
            bumps(NN + "Init.java", "values.set(i, mean + std * random.nextGaussian())"),
            bumps(NN + "Init.java", "values.set(i, value)"),
            bumps(NN + "Gradients.java", "values.set(i, values.get(i) * coefficient)"),
            bumps(NN + "BatchNorm.java", "runningMeanValues.set(c,"),
            bumps(NN + "BatchNorm.java", "runningVarValues.set(c,"),
            bumps(NN + "BatchNorm.java", "count.set(0, count.get(0) + 1)"),
            own(NN + "Dropout.java", "values.set(i, random.nextDouble() < probability ? 0 : scale)", "fills the mask it created a line above"),
            own(CORE + "GradCheck.java", "values[i] = original + epsilon", "GradCheck's own copies of the inputs, after the analytic backward released its graph; perturbed runs are under noGrad"),
            own(CORE + "GradCheck.java", "values[i] = original - epsilon", "as above"),
            own(CORE + "GradCheck.java", "values[i] = original;", "as above"),
            own(CORE + "GradCheck.java", "values[i] += step * direction[t][i]", "as above"),
            own(CORE + "GradCheck.java", "System.arraycopy(saved[t], 0, leaves[t].buffer()", "as above: restores the copies"),
            own(REGULARIZER + "samplers/Gaussian.java", "values[i] = mean + std * values[i]", "scales points it drew a line above"),
            own(REGULARIZER + "samplers/UnitSphere.java", "values[i] /= norm", "normalises points it drew itself"),
            reads(CORE + "GradCheck.java", "Arrays.equals(first[t].buffer(), second[t].buffer())", "compares"),
            reads(CORE + "GradientBuffers.java", "Buffers.arrayOf(grad.storage())", "the array's identity, the key of the reference counts"),
            reads(CORE + "GradientBuffers.java", "Buffers.arrayOf(gradOutput.storage())", "as above"),
            reads(CORE + "GradientBuffers.java", "Buffers.arrayOf(increment.storage())", "as above"),
            reads(CORE + "io/SafeTensorsWriter.java", "dtype.encode(values.buffer()", "encodes the values into a file buffer"),
            reads(CORE + "io/SafeTensorsWriter.java", "dtype.encode(values.floatBuffer()", "encodes the values into a file buffer"),
            reads(CORE + "ops/Reshape.java", "Tensor.fromOp(Op.RESHAPE, x.storage()", "a view: it shares the input's version"));

    /** The modules' root: the directory holding core/, nn/ and regularizer/. */
    private static Path root() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isDirectory(dir.resolve("core/src/main/java")) && Files.isDirectory(dir.resolve("nn/src/main/java"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no core/ and nn/ above " + Path.of("").toAbsolutePath());
    }

    /** Write sites as "file: line" (the line trimmed), with the lines after each. */
    private static Map<String, List<String>> sites() throws IOException {
        Path root = root();
        Map<String, List<String>> sites = new TreeMap<>();
        for (String module : new String[] {"core", "nn", "regularizer"}) {
            List<Path> files;
            try (Stream<Path> walk = Files.walk(root.resolve(module + "/src/main/java"))) {
                // Relative to the root: a checkout under a directory named kernels must not hide every file.
                files = walk.filter(path -> path.toString().endsWith(".java")
                                && !root.relativize(path).toString().replace('\\', '/').contains("/kernels/"))
                        .sorted().collect(Collectors.toList());
            }
            for (Path file : files) {
                String name = root.relativize(file).toString().replace('\\', '/');
                List<String> lines = Files.readAllLines(file);
                Set<String> aliases = new TreeSet<>();
                for (String line : lines) {
                    Matcher alias = ALIAS.matcher(line);
                    if (alias.find()) {
                        aliases.add(alias.group(1) != null ? alias.group(1) : alias.group(2));
                    }
                }
                String buffer = "(?:\\.(?:buffer|floatBuffer|storage)\\(\\)|\\.(?:data|floats|storage)\\b" + (aliases.isEmpty() ? "" : "|\\b(?:" + String.join("|", aliases) + ")\\b") + ")";
                Pattern write = Pattern.compile(buffer + "(?:" + INDEXED_WRITE + "|\\.set\\()");
                Pattern target = Pattern.compile("(?:System\\.arraycopy\\([^,]+,[^,]+,\\s*|Arrays\\.fill\\(|\\w+InPlace\\()\\s*[\\w.()\\[\\]]*?" + buffer);
                for (int i = 0; i < lines.size(); i++) {
                    String line = lines.get(i).trim();
                    boolean comment = line.startsWith("*") || line.startsWith("//") || line.startsWith("/*");
                    boolean handed = HANDED.matcher(line).find() || storageHandedOn(line);
                    if (!comment && (write.matcher(line).find() || target.matcher(line).find() || handed)) {
                        sites.put(name + ": " + line, lines.subList(i + 1, Math.min(lines.size(), i + 1 + BUMP_WITHIN_LINES)));
                    }
                }
            }
        }
        return sites;
    }

    @Test
    void everyWriteSiteHasAVerdict() throws IOException {
        Map<String, List<String>> sites = sites();
        List<String> problems = new ArrayList<>();
        sites.forEach((site, following) -> {
            List<Row> matching = ROWS.stream().filter(row -> site.startsWith(row.file() + ": ") && site.contains(row.fragment()))
                    .collect(Collectors.toList());
            if (matching.size() != 1) {
                problems.add(matching.size() + " rows for the write site " + site
                        + (matching.isEmpty() ? " (bump the tensor's version after writing, then add a row)" : ""));
            } else if (matching.get(0).verdict() == Verdict.BUMPS
                    && following.stream().noneMatch(line -> line.contains("bumpVersion()"))) {
                problems.add("no bumpVersion() within " + BUMP_WITHIN_LINES + " lines after " + site);
            }
        });
        for (Row row : ROWS) {
            if (sites.keySet().stream().noneMatch(site -> site.startsWith(row.file() + ": ") && site.contains(row.fragment()))) {
                problems.add("a row matches no write site: " + row);
            }
        }
        if (!problems.isEmpty()) {
            fail(problems.size() + " problem(s):\n" + String.join("\n", problems));
        }
        assertTrue(sites.size() >= ROWS.size(), "the scan found " + sites.size() + " sites");
        System.out.println("InPlaceWriterInventoryTest: " + sites.size() + " write sites, "
                + ROWS.stream().filter(row -> row.verdict() == Verdict.BUMPS).count() + " bump the version");
    }

    /** Runs one public in-place method on a tensor. */
    private static final Map<String, Consumer<Tensor>> IN_PLACE_CALLS = Map.of(
            "nn.Init#uniformInPlace(Tensor, double, double, RandomGenerator)", t -> Init.uniformInPlace(t, 0, 1, new SplittableRandom(1)),
            "nn.Init#normalInPlace(Tensor, double, double, RandomGenerator)", t -> Init.normalInPlace(t, 0, 1, new SplittableRandom(1)),
            "nn.Init#constantInPlace(Tensor, double)", t -> Init.constantInPlace(t, 3),
            "nn.Init#kaimingUniformInPlace(Tensor, double, FanMode, Nonlinearity, RandomGenerator)",
            t -> Init.kaimingUniformInPlace(t, 0, Init.FanMode.FAN_IN, Init.Nonlinearity.RELU, new SplittableRandom(1)),
            "nn.Init#kaimingUniformInPlace(Tensor, double, RandomGenerator)", t -> Init.kaimingUniformInPlace(t, 0, new SplittableRandom(1)),
            "nn.Init#kaimingNormalInPlace(Tensor, double, FanMode, Nonlinearity, RandomGenerator)",
            t -> Init.kaimingNormalInPlace(t, 0, Init.FanMode.FAN_OUT, Init.Nonlinearity.RELU, new SplittableRandom(1)),
            "nn.Init#xavierUniformInPlace(Tensor, double, RandomGenerator)", t -> Init.xavierUniformInPlace(t, 1, new SplittableRandom(1)),
            "nn.Init#xavierNormalInPlace(Tensor, double, RandomGenerator)", t -> Init.xavierNormalInPlace(t, 1, new SplittableRandom(1)),
            "nn.Init#layerDefaultsInPlace(Tensor, Tensor, RandomGenerator)", t -> Init.layerDefaultsInPlace(t, null, new SplittableRandom(1)),
            "core.Tensor#toInPlace(DType)", t -> t.toInPlace(t.dtype() == DType.FLOAT64 ? DType.FLOAT32 : DType.FLOAT64));

    @Test
    void everyPublicInPlaceMethodBumpsTheVersion() {
        Set<String> inPlace = PublicApi.signatures(Tensor.class, Module.class, Distance.class).stream()
                .filter(signature -> signature.contains("InPlace(") && !signature.startsWith("core.kernels."))
                .collect(Collectors.toCollection(TreeSet::new));
        assertEquals(new TreeSet<>(IN_PLACE_CALLS.keySet()), inPlace, "public *InPlace methods and the rows that run them");
        for (DType dtype : DType.values()) {
            IN_PLACE_CALLS.forEach((signature, call) -> {
                Tensor tensor = Tensor.zeros(dtype, 4, 3);
                int before = tensor.version();
                call.accept(tensor);
                assertTrue(tensor.version() > before, signature + " left the version of a " + dtype + " tensor at " + before);
            });
        }
    }
}
