package dev.catapult.bench.runtime;

import static dev.catapult.bench.BenchRun.say;

import dev.catapult.bench.Parallel;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The months of runtime history a large installation has, sent through the runtime webhook so that the server's
 * own intake archives them and derives instances and rollouts from them — nothing but the server writes its
 * tables. Per app × environment ("cell"), {@value #EVENTS_PER_CELL} events: four tasks that ran and stopped
 * (pending, running, stopped), two that run now (pending, running) and two completed rollouts (in progress,
 * completed). A cell's events go in order from one sender; cells are spread over the senders.
 */
final class RuntimeHistory {
    static final int EVENTS_PER_CELL = 20;

    private RuntimeHistory() {}

    /** Sends every cell's events from {@code senders} concurrent clients and returns how many were accepted. */
    static long send(RuntimeHooks hooks, int apps, int environments, int senders) throws Exception {
        int cells = apps * environments;
        Instant now = Instant.now();
        AtomicLong accepted = new AtomicLong();
        Parallel.run(senders, cells, cell -> {
            for (Map<String, Object> event : cell(cell / environments, cell % environments, now)) {
                RuntimeHooks.Sent sent = hooks.send(event);
                if (!sent.accepted()) {
                    throw new IllegalStateException("history event refused ("
                            + sent.response().status() + "): " + sent.response().body());
                }
            }
            long done = accepted.addAndGet(EVENTS_PER_CELL);
            if (done % 100_000 == 0) {
                say("  sent %,d of %,d history events", done, (long) cells * EVENTS_PER_CELL);
            }
        });
        return accepted.get();
    }

    /** The {@value #EVENTS_PER_CELL} events of app {@code a} in environment {@code e}, oldest first per task. */
    static List<Map<String, Object>> cell(int a, int e, Instant now) {
        String app = WhatsRunningWhereBenchmark.app(a);
        String account = WhatsRunningWhereBenchmark.account(e);
        List<Map<String, Object>> events = new ArrayList<>();
        for (int t = 0; t < 6; t++) {
            boolean present = t >= 4;
            String task = "task/" + app + "/" + account + "/" + t;
            Instant started = now.minus(Duration.ofDays(6 - t));
            for (int step = 0; step < (present ? 2 : 3); step++) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("id", "history-" + task + "-" + step);
                event.put("type", "instance");
                event.put("time", started.plus(Duration.ofMinutes(step)).toString());
                event.put("account", account);
                event.put("instance", task);
                event.put("service", app);
                event.put("container", "app");
                event.put("image", WhatsRunningWhereBenchmark.repository(a) + ":" + (present ? "1.2.0" : "1.1.0"));
                event.put("digest", "sha256:" + sha256(app + (present ? ":2" : ":1")));
                event.put("status", step == 0 ? "pending" : step == 1 ? "running" : "stopped");
                event.put("version", step + 1);
                if (step == 2) {
                    event.put("exitCode", 143);
                    event.put("stopCode", "ServiceSchedulerInitiated");
                }
                events.add(event);
            }
        }
        for (int r = 1; r <= 2; r++) {
            String rollout = "ecs-svc/" + app + "-" + account + "-" + r;
            for (int st = 0; st < 2; st++) {
                Map<String, Object> event = new LinkedHashMap<>();
                event.put("id", "history-rollout-" + app + "-" + account + "-" + r + "-" + st);
                event.put("type", "rollout");
                event.put(
                        "time",
                        now.minus(Duration.ofDays(3 - r))
                                .plus(Duration.ofMinutes(5L * st))
                                .toString());
                event.put("account", account);
                event.put("rollout", rollout);
                event.put("service", app);
                event.put("state", st == 0 ? "in_progress" : "completed");
                event.put("rollback", false);
                event.put("reason", "history");
                events.add(event);
            }
        }
        return events;
    }

    static String sha256(String text) {
        try {
            return HexFormat.of()
                    .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
