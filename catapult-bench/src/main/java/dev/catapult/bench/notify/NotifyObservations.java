package dev.catapult.bench.notify;

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

/** What the server's logs and the machine say about a run: GC pauses, WARN/ERROR lines, machine CPU. */
final class NotifyObservations {
  private static final Pattern LEVEL = Pattern.compile("^\\S+\\s+(WARN|ERROR)\\s");
  private static final Pattern GC_PAUSE = Pattern.compile("^\\[(\\d+(?:\\.\\d+)?)s].*\\bPause\\b.*\\s(\\d+(?:\\.\\d+)?)ms$");
  private static final double TICKS_PER_SECOND = 100; // USER_HZ, 100 on every mainstream Linux

  private NotifyObservations() {}

  /** Stop-the-world pauses from the server's {@code -Xlog:gc} file: during the stream and over the server's life. */
  record GcPauses(int count, double totalMs, double maxMs, int allCount, double allTotalMs, double allMaxMs) {
    @Override
    public String toString() {
      return String.format(Locale.ROOT, "during the stream %d pauses, %.0f ms in total, longest %.1f ms; whole run %d pauses, "
          + "%.0f ms, longest %.1f ms", count, totalMs, maxMs, allCount, allTotalMs, allMaxMs);
    }
  }

  static GcPauses gc(Path gcLog, Instant serverStart, Instant from, Instant to) {
    double lo = Duration.between(serverStart, from).toNanos() / 1e9;
    double hi = Duration.between(serverStart, to).toNanos() / 1e9;
    int count = 0;
    int all = 0;
    double total = 0;
    double allTotal = 0;
    double max = 0;
    double allMax = 0;
    try {
      for (String line : Files.readAllLines(gcLog)) {
        Matcher m = GC_PAUSE.matcher(line);
        if (m.find()) {
          double at = Double.parseDouble(m.group(1));
          double ms = Double.parseDouble(m.group(2));
          all++;
          allTotal += ms;
          allMax = Math.max(allMax, ms);
          if (at >= lo && at <= hi) {
            count++;
            total += ms;
            max = Math.max(max, ms);
          }
        }
      }
    } catch (IOException | RuntimeException e) {
      return new GcPauses(0, 0, 0, 0, 0, 0);
    }
    return new GcPauses(count, total, max, all, allTotal, allMax);
  }

  /** WARN and ERROR lines the server logged (Spring Boot's default console format). */
  record LogSummary(int warnings, int errors, List<String> firstLines) {}

  static LogSummary log(Path log) {
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
  static double machineBusySeconds() {
    try {
      String[] f = Files.readAllLines(Path.of("/proc/stat")).getFirst().trim().split("\\s+");
      long[] v = Arrays.stream(f).skip(1).mapToLong(Long::parseLong).toArray();
      return (v[0] + v[1] + v[2] + v[5] + v[6]) / TICKS_PER_SECOND;
    } catch (IOException | RuntimeException e) {
      return Double.NaN;
    }
  }
}
