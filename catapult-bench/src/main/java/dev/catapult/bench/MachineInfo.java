package dev.catapult.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The machine the figures came from, read at run time (Linux: /proc, /etc/os-release, nproc). */
public record MachineInfo(String cpus, String cpuModel, String memory, String os, String jdk) {

    public static MachineInfo read() {
        String cpus = run("nproc").orElse(Integer.toString(Runtime.getRuntime().availableProcessors()));
        String model = lines(Path.of("/proc/cpuinfo")).stream()
                .filter(l -> l.startsWith("model name"))
                .map(l -> l.substring(l.indexOf(':') + 1).strip())
                .findFirst()
                .orElse("unknown");
        String memory = lines(Path.of("/proc/meminfo")).stream()
                .filter(l -> l.startsWith("MemTotal:"))
                .map(l -> l.replaceAll("\\D+", ""))
                .map(kb -> String.format("%.1f GiB", Long.parseLong(kb) / 1024.0 / 1024.0))
                .findFirst()
                .orElse("unknown");
        String distro = lines(Path.of("/etc/os-release")).stream()
                .filter(l -> l.startsWith("PRETTY_NAME="))
                .map(l -> l.substring("PRETTY_NAME=".length()).replace("\"", ""))
                .findFirst()
                .orElse(System.getProperty("os.name"));
        String os =
                distro + ", kernel " + System.getProperty("os.version") + " (" + System.getProperty("os.arch") + ")";
        String jdk = System.getProperty("java.vm.vendor") + " " + System.getProperty("java.vm.name") + " "
                + System.getProperty("java.runtime.version");
        return new MachineInfo(cpus, model, memory, os, jdk);
    }

    /** The 1/5/15-minute load averages, to show how busy the shared machine was. */
    public static String loadAverage() {
        return lines(Path.of("/proc/loadavg")).stream()
                .findFirst()
                .map(l -> String.join(" / ", List.of(l.split(" ")).subList(0, 3)))
                .orElse("unknown");
    }

    private static List<String> lines(Path file) {
        try {
            return Files.readAllLines(file);
        } catch (IOException e) {
            return List.of();
        }
    }

    private static Optional<String> run(String command) {
        try {
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            return p.waitFor(5, TimeUnit.SECONDS) && p.exitValue() == 0 ? Optional.of(out) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }
}
