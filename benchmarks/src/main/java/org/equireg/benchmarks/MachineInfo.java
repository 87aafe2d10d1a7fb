package org.equireg.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import jdk.incubator.vector.DoubleVector;

/**
 * Prints, as one JSON object, what a performance table must state about the machine: JDK, CPU model,
 * processors, the Vector API's preferred width for doubles (0 when the module is absent) and the
 * kernel thread setting. Usage: {@code java --add-modules jdk.incubator.vector -cp benchmarks.jar
 * org.equireg.benchmarks.MachineInfo}.
 */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static void main(String[] arguments) throws IOException {
        boolean vectorModule = ModuleLayer.boot().findModule("jdk.incubator.vector").isPresent();
        int vectorBits = vectorModule ? PreferredVector.bits() : 0;
        System.out.printf(Locale.ROOT, "{\"jdk\": \"%s\", \"vm\": \"%s\", \"cpu\": \"%s\", \"processors\": %d, "
                        + "\"vector_bits\": %d, \"double_lanes\": %d, \"equireg_threads\": \"%s\"}%n",
                Runtime.version(), System.getProperty("java.vm.name"), cpuModel(),
                Runtime.getRuntime().availableProcessors(), vectorBits, vectorBits / Double.SIZE,
                System.getProperty("equireg.threads", "default"));
    }

    /** The first "model name" of /proc/cpuinfo, or the OS architecture where there is none. */
    private static String cpuModel() throws IOException {
        Path cpuInfo = Path.of("/proc/cpuinfo");
        if (!Files.isReadable(cpuInfo)) {
            return System.getProperty("os.arch");
        }
        return Files.readAllLines(cpuInfo).stream().filter(line -> line.startsWith("model name"))
                .map(line -> line.substring(line.indexOf(':') + 1).trim().replace("\"", "'"))
                .findFirst().orElse(System.getProperty("os.arch"));
    }

    /** Touches the Vector API only when the module is there (loading this class would fail otherwise). */
    private static final class PreferredVector {
        static int bits() {
            return DoubleVector.SPECIES_PREFERRED.vectorBitSize();
        }
    }
}
