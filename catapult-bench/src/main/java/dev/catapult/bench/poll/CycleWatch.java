package dev.catapult.bench.poll;

import dev.catapult.bench.CatapultClient;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.server.ServerProcess;
import java.io.IOException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * Finds poll-cycle boundaries and measures what happened between two of them. A cycle has ended when the
 * server's {@code catapult_registry_poll_seconds_count} goes up (the timer is recorded as the cycle
 * returns); at that moment the benchmark reads the request counters, the registry's access log and CPU
 * times. A {@link Window} runs from one cycle's end to the next one's, so it holds exactly one cycle plus
 * the idle gap before it: anything the server sends between cycles is counted too.
 */
final class CycleWatch {
    private static final long POLL_MILLIS = 200;

    private final CatapultClient api;
    private final ServerProcess server;
    private final DockerRegistry registry;
    private final String registryName;
    private final PollObservations.AccessLog accessLog;
    private final WalProbe wal;
    private @Nullable Snapshot mark;

    CycleWatch(CatapultClient api, ServerProcess server, DockerRegistry registry, String registryName, WalProbe wal)
            throws IOException {
        this.wal = wal;
        this.api = api;
        this.server = server;
        this.registry = registry;
        this.registryName = registryName;
        this.accessLog = new PollObservations.AccessLog(registry.logFile()).skipToEnd();
    }

    /** The state right after a cycle ended. */
    record Snapshot(
            long nanos,
            PollObservations.Timer timer,
            CatapultClient.Stats stats,
            double serverCpu,
            double postgresCpu,
            double registryCpu,
            long walBytes) {}

    /** From the end of one cycle to the end of the next one (normally exactly one cycle: {@code cycles == 1}). */
    record Window(
            String label,
            long cycles,
            double cycleSeconds,
            double wallSeconds,
            CatapultClient.Stats requests,
            PollObservations.Served served,
            List<PollObservations.CycleLine> lines,
            double serverCpu,
            double postgresCpu,
            double registryCpu,
            long walBytes) {

        /** Requests beyond the idle budget: one HEAD per pinned tag and one tag-list page per repository per cycle. */
        CatapultClient.Stats beyond(long repositories, long pinnedTags) {
            return new CatapultClient.Stats(
                    requests.headManifest() - cycles * pinnedTags,
                    requests.getManifest(),
                    requests.tagList() - cycles * repositories,
                    requests.catalog(),
                    requests.blob(),
                    requests.token(),
                    requests.total() - cycles * (pinnedTags + repositories));
        }

        boolean idle(long repositories, long pinnedTags) {
            return cycles == 1
                    && requests.headManifest() == pinnedTags
                    && requests.tagList() == repositories
                    && requests.other() == 0
                    && lines.stream().allMatch(l -> l.newOrGone() == 0 && l.moved() == 0 && l.failures() == 0);
        }
    }

    /**
     * Waits for the current cycle (or the next one) to end and starts measuring from there: the next
     * {@link #next} window begins at this cycle end.
     */
    Snapshot mark(Duration timeout) throws IOException, InterruptedException {
        mark = awaitCountAbove(current().count(), timeout);
        accessLog.next();
        return mark;
    }

    /** The state at the end of the last window (or at {@link #mark}). */
    Snapshot last() {
        return Objects.requireNonNull(mark, "mark() first");
    }

    /** The timer now, without waiting. */
    PollObservations.Timer current() throws IOException, InterruptedException {
        return PollObservations.timer(api.metrics(), registryName);
    }

    /** Waits for the next cycle end after the last one and measures the window between them. */
    Window next(String label, Duration timeout) throws IOException, InterruptedException {
        if (mark == null) {
            throw new IllegalStateException("mark() first");
        }
        Snapshot from = mark;
        Snapshot to = awaitCountAbove(from.timer().count(), timeout);
        PollObservations.Served served = accessLog.next();
        mark = to;
        long cycles = to.timer().count() - from.timer().count();
        List<PollObservations.CycleLine> lines = List.of();
        for (int attempt = 0; attempt < 40; attempt++) { // the log line follows the timer by a moment
            List<PollObservations.CycleLine> all = PollObservations.cycleLines(server.log(), registryName);
            if (all.size() >= to.timer().count()) {
                lines = List.copyOf(
                        all.subList((int) from.timer().count(), (int) to.timer().count()));
                break;
            }
            Thread.sleep(POLL_MILLIS);
        }
        return new Window(
                label,
                cycles,
                to.timer().sumSeconds() - from.timer().sumSeconds(),
                (to.nanos() - from.nanos()) / 1e9,
                to.stats().minus(from.stats()),
                served,
                lines,
                to.serverCpu() - from.serverCpu(),
                to.postgresCpu() - from.postgresCpu(),
                to.registryCpu() - from.registryCpu(),
                from.walBytes() < 0 || to.walBytes() < 0 ? -1 : to.walBytes() - from.walBytes());
    }

    private Snapshot awaitCountAbove(long count, Duration timeout) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (System.nanoTime() < deadline) {
            PollObservations.Timer t = current();
            if (t.count() > count) {
                CatapultClient.Stats stats = api.stats(registryName);
                double[] cpu = server.cpuSeconds();
                double registryCpu = registry.cpu().map(d -> d.toNanos() / 1e9).orElse(Double.NaN);
                return new Snapshot(System.nanoTime(), t, stats, cpu[0], cpu[1], registryCpu, wal.walBytes());
            }
            Thread.sleep(POLL_MILLIS);
        }
        throw new IllegalStateException(
                "no poll cycle of registry '" + registryName + "' ended within " + timeout.toSeconds()
                        + " s (timer count stayed at " + count + "); server log tail:\n" + server.logTail(20));
    }
}
