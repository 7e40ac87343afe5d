package dev.catapult.bench.notify;

import dev.catapult.bench.notify.NotificationToDeployBenchmark.DeployInfo;
import dev.catapult.bench.notify.NotificationToDeployBenchmark.Result;
import dev.catapult.bench.notify.NotificationToDeployBenchmark.Stages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Splits each push's latency into four stages that add up to it exactly, from the times the server wrote:
 * <ol>
 *   <li>intake: notification forwarded → event archived ({@code registry_events.received_at}): HTTP, secret
 *       check, archive insert (the {@code resolve-tag} job is queued in the same transaction);</li>
 *   <li>resolve: event archived → {@code scan-artifact} job queued: the resolve job's pickup, its {@code HEAD}
 *       and the catalogue transaction that maps the tag and queues the scan;</li>
 *   <li>scan: scan queued → {@code evaluate-watch} job queued: the scan's pickup, manifest, config and layer
 *       fetches, catalogue writes, then the request for an evaluation;</li>
 *   <li>evaluate: evaluation queued → deploy queued: its pickup and the evaluation up to the deploy insert
 *       (candidate query, release create, deploy create).</li>
 * </ol>
 * The evaluation counted is the last one of the app queued before its deploy (normally the scan's).
 * Job pickup cannot be told apart from the work: the jobs table keeps no claim time.
 */
final class StageAnalysis {
    private final Map<String, Instant> archived = new HashMap<>();
    private final Map<String, List<StageProbe.JobRow>> resolve = new HashMap<>();
    private final Map<String, List<StageProbe.JobRow>> scan = new HashMap<>();
    private final Map<String, List<StageProbe.JobRow>> evaluate = new HashMap<>();
    private final List<StageProbe.JobRow> jobs;

    private StageAnalysis(List<StageProbe.Event> events, List<StageProbe.JobRow> jobs, List<StageProbe.AppRow> apps) {
        this.jobs = jobs;
        events.forEach(
                e -> archived.merge(e.repository() + ":" + e.tag(), e.receivedAt(), (a, b) -> a.isBefore(b) ? a : b));
        Map<String, String> appNames = new HashMap<>();
        apps.forEach(a -> appNames.put(Long.toString(a.id()), a.name()));
        for (StageProbe.JobRow j : jobs) {
            switch (j.kind()) {
                case "resolve-tag" ->
                    resolve.computeIfAbsent(j.subject(), k -> new ArrayList<>()).add(j);
                case "scan-artifact" ->
                    scan.computeIfAbsent(j.subject(), k -> new ArrayList<>()).add(j);
                default ->
                    evaluate.computeIfAbsent(
                                    appNames.getOrDefault(j.subject(), "?" + j.subject()), k -> new ArrayList<>())
                            .add(j);
            }
        }
    }

    static StageAnalysis of(StageProbe probe, List<String> apps) throws Exception {
        return new StageAnalysis(probe.events(), probe.jobs(), probe.apps());
    }

    List<Result> attach(List<Result> results) {
        return results.stream()
                .map(r -> new Result(r.push(), r.forward(), r.deploys(), stages(r)))
                .toList();
    }

    private Optional<Stages> stages(Result r) {
        if (r.forward().isEmpty() || !r.exactlyOne()) {
            return Optional.empty();
        }
        String tagKey = r.push().repository() + ":" + r.push().tag();
        Instant forwarded = r.forward().get().forwardedAt();
        DeployInfo deploy = r.deploys().getFirst();
        Instant a = archived.get(tagKey);
        Optional<StageProbe.JobRow> s =
                scan
                        .getOrDefault(
                                r.push().repository() + "@" + r.push().pushed().digest(), List.of())
                        .stream()
                        .min(Comparator.comparing(StageProbe.JobRow::createdAt));
        Optional<StageProbe.JobRow> e = evaluate.getOrDefault(r.push().app(), List.of()).stream()
                .filter(j -> !j.createdAt().isAfter(deploy.queuedAt()))
                .max(Comparator.comparing(StageProbe.JobRow::createdAt));
        if (a == null || s.isEmpty() || e.isEmpty()) {
            return Optional.empty();
        }
        int resolveAttempts = resolve.getOrDefault(tagKey, List.of()).stream()
                .mapToInt(StageProbe.JobRow::attempts)
                .max()
                .orElse(0);
        return Optional.of(new Stages(
                NotificationToDeployBenchmark.millis(forwarded, a),
                NotificationToDeployBenchmark.millis(a, s.get().createdAt()),
                NotificationToDeployBenchmark.millis(
                        s.get().createdAt(), e.get().createdAt()),
                NotificationToDeployBenchmark.millis(e.get().createdAt(), deploy.queuedAt()),
                e.get().trigger(),
                resolveAttempts,
                s.get().attempts()));
    }

    /** Jobs of the chain over the whole run by kind, trigger and outcome, e.g. {@code evaluate-watch, trigger scan: 350 succeeded}. */
    Map<String, String> jobCounts() {
        Map<String, Map<String, Integer>> counts = new TreeMap<>();
        Map<String, Integer> retried = new TreeMap<>();
        for (StageProbe.JobRow j : jobs) {
            String key = j.kind() + ", " + (j.kind().equals("scan-artifact") ? "all" : "trigger " + j.trigger());
            counts.computeIfAbsent(key, k -> new TreeMap<>()).merge(j.status(), 1, Integer::sum);
            if (j.attempts() > 1) {
                retried.merge(key, 1, Integer::sum);
            }
        }
        Map<String, String> out = new java.util.LinkedHashMap<>();
        counts.forEach((k, v) -> out.put(
                k,
                v.entrySet().stream()
                                .map(e -> e.getValue() + " " + e.getKey())
                                .reduce((x, y) -> x + ", " + y)
                                .orElse("")
                        + (retried.containsKey(k) ? "; " + retried.get(k) + " took more than one attempt" : "")));
        return out;
    }
}
