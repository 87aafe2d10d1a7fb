package org.equireg.examples.mnist;

import java.lang.management.ManagementFactory;
import java.lang.management.OperatingSystemMXBean;

/** CPU time of this process, all threads together, where the JVM reports it. */
final class ProcessCpu {
    private static final OperatingSystemMXBean SYSTEM = ManagementFactory.getOperatingSystemMXBean();

    private ProcessCpu() {
    }

    /** Nanoseconds of CPU used so far, or 0 when the platform does not say (then every difference is 0). */
    static long nanos() {
        if (SYSTEM instanceof com.sun.management.OperatingSystemMXBean bean) {
            return Math.max(0, bean.getProcessCpuTime());
        }
        return 0;
    }
}
