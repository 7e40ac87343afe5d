package dev.catapult.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server itself and the machine say about a run: the server's release-create timer (Prometheus),
 * its GC pauses, its WARN/ERROR lines, and the machine's busy CPU time.
 */
public final class ServerObservations {
    private static final Pattern LEVEL = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s");
    private static final Pattern TIMED_GC_PAUSE =
            Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s].*\\bPause\\b.*\\s(\\d+(?:\\.\\d+)?)ms$");
    private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux
    // Label values may contain braces (uri="/api/v1/apps/{app}/releases"), so match up to the last one.
    private static final Pattern GC_PAUSE = Pattern.compile("\\bPause\\b.*\\s(\\d+(?:\\.\\d+)?)ms$");
    private static final Pattern SAMPLE =
            Pattern.compile("^(http_server_requests_seconds_(?:count|sum))\\{(.*)}\\s+(\\S+)$");

    private ServerObservations() {}

    /** Server-side totals of {@code POST /api/v1/apps/{app}/releases} answered 201; absent when not exported. */
    public record CreateTimer(double count, double seconds) {
        static final CreateTimer NONE = new CreateTimer(Double.NaN, Double.NaN);

        /** Mean server-side milliseconds per request between two snapshots. */
        double meanMillisSince(CreateTimer before) {
            double n = count - before.count;
            return n > 0 ? (seconds - before.seconds) * 1000 / n : Double.NaN;
        }
    }

    public static CreateTimer createTimer(CatapultClient client) {
        try {
            CatapultClient.Response r = client.get("/metrics", "text/plain");
            if (r.status() != 200) {
                return CreateTimer.NONE;
            }
            double count = 0;
            double sum = 0;
            boolean seen = false;
            for (String line : r.body().split("\n")) {
                Matcher m = SAMPLE.matcher(line);
                if (m.find()
                        && m.group(2).contains("method=\"POST\"")
                        && m.group(2).contains("status=\"201\"")
                        && m.group(2).contains("uri=\"/api/v1/apps/{app}/releases\"")) {
                    seen = true;
                    if (m.group(1).endsWith("count")) {
                        count += Double.parseDouble(m.group(3));
                    } else {
                        sum += Double.parseDouble(m.group(3));
                    }
                }
            }
            return seen ? new CreateTimer(count, sum) : CreateTimer.NONE;
        } catch (IOException | RuntimeException e) {
            return CreateTimer.NONE;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return CreateTimer.NONE;
        }
    }

    /** Stop-the-world pauses from the server's {@code -Xlog:gc} file, over the server's whole life. */
    public record GcPauses(int count, double totalMs, double maxMs) {
        static final GcPauses NONE = new GcPauses(0, 0, 0);

        /** These and one more pause of {@code ms}. */
        GcPauses plus(double ms) {
            return new GcPauses(count + 1, totalMs + ms, Math.max(maxMs, ms));
        }

        @Override
        public String toString() {
            return count == 0
                    ? "no pauses logged"
                    : String.format(Locale.ROOT, "%d pauses, %.0f ms in total, longest %.1f ms", count, totalMs, maxMs);
        }
    }

    public static GcPauses gc(Path gcLog) {
        GcPauses pauses = GcPauses.NONE;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = GC_PAUSE.matcher(line);
                if (m.find()) {
                    pauses = pauses.plus(Double.parseDouble(m.group(1)));
                }
            }
        } catch (IOException | RuntimeException e) {
            return GcPauses.NONE;
        }
        return pauses;
    }

    /** Stop-the-world pauses from the server's {@code -Xlog:gc} file: during a window and over the server's life. */
    public record WindowGcPauses(GcPauses window, GcPauses all) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "during the stream %d pauses, %.0f ms in total, longest %.1f ms; whole run %d pauses, "
                            + "%.0f ms, longest %.1f ms",
                    window.count(),
                    window.totalMs(),
                    window.maxMs(),
                    all.count(),
                    all.totalMs(),
                    all.maxMs());
        }
    }

    /** Pauses between {@code from} and {@code to}; the GC log's times count from {@code serverStart}. */
    public static WindowGcPauses gc(Path gcLog, Instant serverStart, Instant from, Instant to) {
        double lo = Duration.between(serverStart, from).toNanos() / 1e9;
        double hi = Duration.between(serverStart, to).toNanos() / 1e9;
        GcPauses window = GcPauses.NONE;
        GcPauses all = GcPauses.NONE;
        try {
            for (String line : Files.readAllLines(gcLog)) {
                Matcher m = TIMED_GC_PAUSE.matcher(line);
                if (m.find()) {
                    double at = Double.parseDouble(m.group(1));
                    double ms = Double.parseDouble(m.group(2));
                    all = all.plus(ms);
                    if (at >= lo && at <= hi) {
                        window = window.plus(ms);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            return new WindowGcPauses(GcPauses.NONE, GcPauses.NONE);
        }
        return new WindowGcPauses(window, all);
    }

    /** WARN and ERROR lines the server logged (Spring Boot's default console format). */
    public record LogSummary(int warnings, int errors, List<String> firstLines) {}

    public static LogSummary log(Path log) {
        int warnings = 0;
        int errors = 0;
        List<String> first = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(log)) {
                Matcher m = LEVEL.matcher(line);
                if (m.find()) {
                    if (m.group(1).equals("WARN")) {
                        warnings++;
                    } else {
                        errors++;
                    }
                    if (first.size() < 8) {
                        first.add(line.length() > 240 ? line.substring(0, 240) + "…" : line);
                    }
                }
            }
        } catch (IOException | RuntimeException e) {
            first.add("(server log unreadable: " + e.getMessage() + ")");
        }
        return new LogSummary(warnings, errors, first);
    }

    /** Busy CPU seconds of the whole machine so far (/proc/stat), NaN when unreadable. */
    public static double machineBusySeconds() {
        try {
            String[] f =
                    Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
            long[] v = Arrays.stream(f).skip(1).mapToLong(Long::parseLong).toArray();
            return (v[0] + v[1] + v[2] + v[5] + v[6]) / TICKS_PER_SECOND;
        } catch (IOException | RuntimeException e) {
            return Double.NaN;
        }
    }
}
