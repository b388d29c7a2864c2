package io.incidentledger.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the figures were taken on, printed under every table: other load makes them noisy. */
final class Machine {

    private Machine() {
    }

    /** The 1-minute load average, or "n/a" off Linux. */
    static String loadAverage() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).split(" ")[0];
        } catch (IOException | RuntimeException notLinux) {
            return "n/a";
        }
    }

    static String describe() {
        long memory = -1;
        try {
            for (var line : Files.readAllLines(Path.of("/proc/meminfo"))) {
                if (line.startsWith("MemTotal:")) {
                    memory = Long.parseLong(line.replaceAll("[^0-9]", "")) / (1024 * 1024);
                }
            }
        } catch (IOException | RuntimeException notLinux) {
            // leave it unknown
        }
        return Runtime.getRuntime().availableProcessors() + " cores, " + (memory < 0 ? "?" : memory) + " GiB, "
                + System.getProperty("os.name") + ", Java " + System.getProperty("java.version");
    }
}
