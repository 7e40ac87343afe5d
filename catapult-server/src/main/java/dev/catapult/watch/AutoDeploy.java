package dev.catapult.watch;

import dev.catapult.access.Actor;
import dev.catapult.app.ImageRepository;
import dev.catapult.common.DomainException;
import dev.catapult.deploy.Deployments;
import dev.catapult.registry.Registries;
import dev.catapult.release.Digest;
import dev.catapult.release.ImageReference;
import dev.catapult.release.NewRelease;
import dev.catapult.release.ReleaseLedger;
import dev.catapult.release.ReleaseSource;
import dev.catapult.targets.WatchSpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Level-triggered auto-deploy (SPEC §6): each evaluation computes, from the registry's current tags and what
 * runs in the environment, the image the target's policy wants — so switching automation back on catches up
 * at once. A chosen image becomes a release (source {@code registry}, commit from its revision label) and a
 * deploy with reason {@code auto}. What to do is core's {@link WatchDecision}; this class loads its facts (the
 * target, the registry's scanned tags, what runs, which images were auto-deployed or released before), asks it,
 * and acts. Evaluations of one target are serialised by locking its row; an image is auto-deployed to a target
 * at most once (primary key), so two servers handling one push deploy once; automation never rolls back.
 */
@Service
public class AutoDeploy {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    static final Actor AUTOMATION = Actor.system("catapult-auto");

    private final JdbcClient jdbc;
    private final TransactionTemplate tx;
    private final Registries registries;
    private final ReleaseLedger releases;
    private final Deployments deployments;
    private final JsonMapper json;
    private final Clock clock;

    AutoDeploy(
            JdbcClient jdbc,
            TransactionTemplate tx,
            Registries registries,
            ReleaseLedger releases,
            Deployments deployments,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.tx = tx;
        this.registries = registries;
        this.releases = releases;
        this.deployments = deployments;
        this.json = json;
        this.clock = clock;
    }

    private record TargetRow(
            String app,
            String environment,
            String image,
            @Nullable String watch,
            @Nullable Hold hold) {}

    /**
     * Evaluates one target now and records the outcome. The outcome is recorded in the deciding transaction,
     * under the target's row lock: two evaluations of one target (a follow-up queued behind a running one) then
     * record in the order they decided, so an evaluation that read older registry state never overwrites a newer
     * one, and a deploy and the evaluation that made it commit together.
     */
    public Evaluation evaluate(long appId, long environmentId, String trigger) {
        Evaluation result;
        try {
            result = tx.execute(status -> record(appId, environmentId, decideAndAct(appId, environmentId, trigger)));
        } catch (DomainException e) {
            // The deploy was refused (it would roll back, the app is archived…): nothing happened; say why.
            Evaluation refused = Evaluation.of("refused", e.getMessage(), null, trigger, clock.instant());
            result = tx.execute(status -> record(appId, environmentId, refused));
        }
        return Objects.requireNonNull(result);
    }

    private Evaluation record(long appId, long environmentId, Evaluation evaluation) {
        jdbc.sql(
                        "update targets set last_evaluated_at = ?, last_evaluation = cast(? as jsonb) where app_id = ? and environment_id = ?")
                .params(
                        Timestamp.from(evaluation.at()),
                        json.writeValueAsString(evaluation.toMap()),
                        appId,
                        environmentId)
                .update();
        return evaluation;
    }

    private Evaluation decideAndAct(long appId, long environmentId, String trigger) {
        Instant now = clock.instant();
        Optional<TargetRow> row = jdbc.sql("""
        select a.name, e.name, a.image, t.watch, t.hold_reason, t.hold_until, t.hold_by from targets t
        join apps a on a.id = t.app_id join environments e on e.id = t.environment_id
        where t.app_id = ? and t.environment_id = ? and a.archived_at is null for update of t
        """)
                .params(appId, environmentId)
                .query((rs, n) -> new TargetRow(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5) == null
                                ? null
                                : new Hold(
                                        rs.getString(5),
                                        rs.getTimestamp(6) == null
                                                ? null
                                                : rs.getTimestamp(6).toInstant(),
                                        rs.getString(7))))
                .optional();
        WatchSpec spec = row.map(TargetRow::watch)
                .map(w -> WatchSpec.parse(json.readValue(w, MAP)))
                .orElse(null);
        if (spec == null) {
            return Evaluation.of("not-watched", "the target has no watch", null, trigger, now);
        }
        TargetRow t = row.get();
        ImageRepository repository = new ImageRepository(t.image());
        List<WatchedImage> registry = registries
                .locate(t.image())
                .map(l -> candidates(l.registry().id(), l.path()))
                .orElse(null);
        WatchDecision decision = WatchDecision.decide(
                new WatchedTarget(
                        repository, WatchPolicy.of(spec), spec.autoDeploy(), t.hold(), deployed(appId, environmentId)),
                registry,
                registry == null ? ImageHistory.NONE : history(appId, environmentId, repository, registry),
                now);
        return switch (decision) {
            case WatchDecision.Held held -> Evaluation.of("held", held.why(), null, trigger, now);
            case WatchDecision.NoRegistry none -> Evaluation.of("no-registry", none.why(), null, trigger, now);
            case WatchDecision.UpToDate upToDate -> Evaluation.of("up-to-date", upToDate.why(), null, trigger, now);
            case WatchDecision.Ineligible ineligible ->
                Evaluation.of("ineligible", ineligible.why(), ineligible.candidate(), trigger, now);
            case WatchDecision.Off off -> Evaluation.of("auto-deploy-off", off.why(), off.candidate(), trigger, now);
            case WatchDecision.AlreadyDeployed already ->
                Evaluation.of("already-deployed", already.why(), already.candidate(), trigger, now);
            case WatchDecision.Deploy deploy -> deploy(appId, environmentId, t, deploy, trigger, now);
        };
    }

    /** Makes the release if the image has none, deploys it, and remembers the image as auto-deployed here. */
    private Evaluation deploy(
            long appId, long environmentId, TargetRow t, WatchDecision.Deploy decision, String trigger, Instant now) {
        Candidate chosen = decision.candidate();
        String digest = chosen.digest().value();
        long version = switch (decision.release()) {
            case WatchDecision.Release.Existing existing -> existing.version();
            case WatchDecision.Release.Create create ->
                releases.create(
                                AUTOMATION,
                                t.app(),
                                new NewRelease(
                                        create.commit().value(),
                                        decision.image().digestReference(),
                                        chosen.tag(),
                                        create.changelog(),
                                        null,
                                        null),
                                "auto:" + digest,
                                ReleaseSource.REGISTRY)
                        .release()
                        .version();
        };
        String deployId = deployments
                .autoDeploy(AUTOMATION, t.app(), t.environment(), version)
                .id();
        jdbc.sql(
                        "insert into auto_deploys (app_id, environment_id, digest, tag, version, deploy_id, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(appId, environmentId, digest, chosen.tag(), version, deployId, Timestamp.from(now))
                .update();
        return new Evaluation("deployed", decision.deploying(version), chosen.tag(), digest, deployId, trigger, now);
    }

    /** Which of the candidate images were auto-deployed here before, and which already have a release. */
    private ImageHistory history(
            long appId, long environmentId, ImageRepository repository, List<WatchedImage> registry) {
        String[] digests = registry.stream()
                .map(i -> i.candidate().digest().value())
                .distinct()
                .toArray(String[]::new);
        Set<Digest> autoDeployed = new HashSet<>(
                jdbc.sql("select digest from auto_deploys where app_id = ? and environment_id = ? and digest = any(?)")
                        .params(appId, environmentId, digests)
                        .query((rs, n) -> new Digest(rs.getString(1)))
                        .list());
        Map<String, Digest> byReference = new HashMap<>();
        for (String digest : digests) {
            Digest d = new Digest(digest);
            byReference.put(new ImageReference(repository, null, d).digestReference(), d);
        }
        Map<Digest, Long> released = new HashMap<>();
        jdbc.sql("select image, max(version) from releases where app_id = ? and image = any(?) group by image")
                .params(appId, byReference.keySet().toArray(String[]::new))
                .query(rs -> {
                    released.put(byReference.get(rs.getString(1)), rs.getLong(2));
                });
        return new ImageHistory(autoDeployed, released);
    }

    /** The repository's tags whose artifacts are scanned (their provenance is known), with their revision. */
    private List<WatchedImage> candidates(long registryId, String repository) {
        return jdbc.sql("""
        select t.tag, t.digest, a.first_seen_at,
               coalesce(a.revision, (select c.revision from artifacts c where c.registry_id = a.registry_id
                   and c.repository = a.repository and c.parent_digest = a.digest and c.revision is not null
                   order by c.id limit 1)) as revision
        from artifact_tags t join artifacts a on a.registry_id = t.registry_id and a.repository = t.repository and a.digest = t.digest
        where t.registry_id = ? and t.repository = ? and a.scan_status = 'scanned'
        """)
                .params(registryId, repository)
                .query((rs, n) -> new WatchedImage(
                        new Candidate(
                                rs.getString(1),
                                new Digest(rs.getString(2)),
                                rs.getTimestamp(3).toInstant()),
                        rs.getString(4)))
                .list();
    }

    /** The image running in the environment (the release whose deploy last succeeded), if it has one. */
    private @Nullable Deployed deployed(long appId, long environmentId) {
        return jdbc.sql("""
        select r.image, r.image_tag from environment_state s join releases r on r.app_id = s.app_id and r.version = s.current_version
        where s.app_id = ? and s.environment_id = ? and r.image is not null
        """)
                .params(appId, environmentId)
                .query((rs, n) -> {
                    String tag = rs.getString(2);
                    return ImageReference.parse("image", rs.getString(1))
                            .pinned()
                            .map(digest -> new Deployed(tag, digest));
                })
                .optional()
                .flatMap(d -> d)
                .orElse(null);
    }
}
