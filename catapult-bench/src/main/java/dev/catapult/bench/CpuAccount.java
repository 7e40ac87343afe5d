package dev.catapult.bench;

import dev.catapult.testkit.server.ServerProcess;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;

/**
 * How busy the machine was while we measured, and how much of that was us (driver, server, embedded
 * PostgreSQL): on a shared machine the rest is noise the figures carry. Linux only; degrades to "unknown".
 */
final class CpuAccount {
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux

    private final ServerProcess server;
    private final boolean externalDatabase;
    private final long startNanos;
    private final double machineBusyStart;
    private final double[] oursStart;

    CpuAccount(ServerProcess server, boolean externalDatabase) {
        this.server = server;
        this.externalDatabase = externalDatabase;
        this.startNanos = System.nanoTime();
        this.machineBusyStart = machineBusySeconds();
        this.oursStart = ourSeconds();
    }

    /** CPU seconds per party since construction, and the share of the machine other processes took. */
    String summary() {
        double wall = (System.nanoTime() - startNanos) / 1e9;
        double busy = machineBusySeconds() - machineBusyStart;
        double[] now = ourSeconds();
        double driver = now[0] - oursStart[0];
        double jvm = now[1] - oursStart[1];
        double postgres = now[2] - oursStart[2];
        double ours = driver + jvm + postgres;
        if (Double.isNaN(busy)) {
            return "unknown (no /proc/stat)";
        }
        double others = Math.max(0, busy - ours);
        int cores = Runtime.getRuntime().availableProcessors();
        String pg = externalDatabase
                ? "PostgreSQL (external) counted with the"
                : String.format(Locale.ROOT, "PostgreSQL %.0f,", postgres);
        return String.format(
                Locale.ROOT,
                "%.0f s wall on %d cores: driver %.0f, server JVM %.0f, %s "
                        + "other processes %.0f core-s (others: %.0f %% of the machine)",
                wall,
                cores,
                driver,
                jvm,
                pg,
                others,
                100 * others / (cores * wall));
    }

    /** {driver, server JVM, embedded PostgreSQL} CPU seconds so far (PostgreSQL: 0 when external). */
    private double[] ourSeconds() {
        double[] seconds = {cpu(ProcessHandle.current()), 0, 0};
        for (ProcessHandle p : server.processes()) {
            seconds[p.pid() == server.pid() ? 1 : 2] += cpu(p);
        }
        return seconds;
    }

    private static double cpu(ProcessHandle p) {
        return p.info().totalCpuDuration().orElse(Duration.ZERO).toNanos() / 1e9;
    }

    private static double machineBusySeconds() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] v = Arrays.stream(f).skip(1).mapToLong(Long::parseLong).toArray();
            // user nice system idle iowait irq softirq steal …: busy in this machine = user+nice+system+irq+softirq
            long busy = v[0] + v[1] + v[2] + v[5] + v[6];
            return busy / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
