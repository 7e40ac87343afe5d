package dev.catapult.bench.poll;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the server and the registry say about a polling run: the server's poll timer ({@code /metrics}), its
 * per-cycle log line, and the registry's own access log (WARN/ERROR lines: {@code ServerObservations.log}).
 */
final class PollObservations {
    private static final Pattern TIMER =
            Pattern.compile("^catapult_registry_poll_seconds_(count|sum|max)\\{(.*)}\\s+(\\S+)$");
    private static final Pattern CYCLE =
            Pattern.compile("Polled registry (\\S+): (\\d+) repositories, (\\d+) new or vanished tags, "
                    + "(\\d+) moved pinned tags, (\\d+) failures in (\\d+) ms");
    private static final Pattern ACCESS =
            Pattern.compile("\"(GET|HEAD|PUT|POST|PATCH|DELETE) (\\S+) HTTP/[0-9.]+\" (\\d{3}) .*\"([^\"]*)\"$");

    private PollObservations() {}

    /** The server's {@code catapult_registry_poll_seconds} timer for one registry (zero before its first cycle). */
    record Timer(long count, double sumSeconds, double maxSeconds) {
        static final Timer NONE = new Timer(0, 0, 0);
    }

    static Timer timer(String metrics, String registry) {
        long count = 0;
        double sum = 0;
        double max = 0;
        String label = "registry=\"" + registry + "\"";
        for (String line : metrics.split("\n")) {
            Matcher m = TIMER.matcher(line);
            if (m.find() && m.group(2).contains(label)) {
                double v = Double.parseDouble(m.group(3));
                switch (m.group(1)) {
                    case "count" -> count = (long) v;
                    case "sum" -> sum = v;
                    default -> max = v;
                }
            }
        }
        return new Timer(count, sum, max);
    }

    /** One "Polled registry …" log line. */
    record CycleLine(int repositories, int newOrGone, int moved, int failures, long millis) {
        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%d repos, %d new/vanished, %d moved, %d failures, %d ms",
                    repositories,
                    newOrGone,
                    moved,
                    failures,
                    millis);
        }
    }

    /** Every cycle line the server logged for {@code registry}, in order (line i is timer count i + 1). */
    static List<CycleLine> cycleLines(Path serverLog, String registry) {
        List<CycleLine> lines = new ArrayList<>();
        try {
            for (String line : Files.readAllLines(serverLog)) {
                Matcher m = CYCLE.matcher(line);
                if (m.find() && m.group(1).equals(registry)) {
                    lines.add(new CycleLine(
                            Integer.parseInt(m.group(2)),
                            Integer.parseInt(m.group(3)),
                            Integer.parseInt(m.group(4)),
                            Integer.parseInt(m.group(5)),
                            Long.parseLong(m.group(6))));
                }
            }
        } catch (IOException | RuntimeException e) {
            // a line being written right now; the caller retries
        }
        return lines;
    }

    /** Requests the registry logged, by kind, leaving out the benchmark's own (its User-Agent). */
    record Served(
            long headManifest,
            long getManifest,
            long tagList,
            long catalog,
            long blob,
            long other,
            long notOk,
            List<String> samples) {
        long total() {
            return headManifest + getManifest + tagList + catalog + blob + other;
        }
    }

    /** Reads the registry's access log incrementally: each {@link #next()} covers what was logged since the last. */
    static final class AccessLog {
        private final Path file;
        private long offset;

        AccessLog(Path file) {
            this.file = file;
        }

        /** Skips everything logged so far. */
        AccessLog skipToEnd() throws IOException {
            offset = Files.size(file);
            return this;
        }

        Served next() throws IOException {
            long head = 0;
            long get = 0;
            long tags = 0;
            long catalog = 0;
            long blob = 0;
            long other = 0;
            long notOk = 0;
            List<String> samples = new ArrayList<>();
            byte[] bytes;
            try (RandomAccessFile f = new RandomAccessFile(file.toFile(), "r")) {
                long end = f.length();
                bytes = new byte[(int) (end - offset)];
                f.seek(offset);
                f.readFully(bytes);
            }
            // Only whole lines: a line being written now is read next time.
            int lastNewline = -1;
            for (int i = bytes.length - 1; i >= 0; i--) {
                if (bytes[i] == '\n') {
                    lastNewline = i;
                    break;
                }
            }
            offset += lastNewline + 1;
            for (String line : new String(bytes, 0, lastNewline + 1, StandardCharsets.UTF_8).split("\n")) {
                Matcher m = ACCESS.matcher(line);
                if (!m.find() || m.group(4).contains("catapult-poll-bench")) {
                    continue;
                }
                String method = m.group(1);
                String path = m.group(2);
                if (!m.group(3).startsWith("2")) {
                    notOk++;
                }
                boolean usual = false;
                if (path.contains("/manifests/")) {
                    if (method.equals("HEAD")) {
                        head++;
                        usual = true;
                    } else {
                        get++;
                    }
                } else if (path.contains("/tags/list")) {
                    tags++;
                    usual = true;
                } else if (path.startsWith("/v2/_catalog")) {
                    catalog++;
                } else if (path.contains("/blobs/")) {
                    blob++;
                } else {
                    other++;
                }
                if (!usual && samples.size() < 5) {
                    samples.add(method + " " + path + " → " + m.group(3));
                }
            }
            return new Served(head, get, tags, catalog, blob, other, notOk, samples);
        }
    }
}
