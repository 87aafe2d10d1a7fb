package org.equireg.benchmarks;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import org.equireg.core.kernels.Parallel;
import org.equireg.core.kernels.Simd;

/**
 * Prints, as one JSON object, what a performance table must state about the machine and the kernels
 * this JVM runs: JDK, CPU model, processors, the vector width the kernels use (0 on the scalar path,
 * with the reason) and the kernel thread count. Usage: {@code java --add-modules jdk.incubator.vector
 * [-Dequireg.threads=N] -cp benchmarks.jar org.equireg.benchmarks.MachineInfo}.
 */
public final class MachineInfo {
    private MachineInfo() {
    }

    public static void main(String[] arguments) throws IOException {
        int lanes = Simd.vectorized() ? Simd.lanes() : 0;
        System.out.printf(Locale.ROOT, "{\"jdk\": \"%s\", \"vm\": \"%s\", \"cpu\": \"%s\", \"processors\": %d, "
                        + "\"vector_bits\": %d, \"double_lanes\": %d, \"simd\": \"%s\", \"kernel_threads\": %d}%n",
                Runtime.version(), System.getProperty("java.vm.name"), cpuModel(),
                Runtime.getRuntime().availableProcessors(), lanes * Double.SIZE, lanes,
                Simd.reason().replace("\"", "'"), Parallel.threads());
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
}
