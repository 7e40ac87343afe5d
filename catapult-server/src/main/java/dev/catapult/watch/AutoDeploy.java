package dev.catapult.watch;

import dev.catapult.access.Actor;
import dev.catapult.api.DeployView;
import dev.catapult.api.ReleaseCreateRequest;
import dev.catapult.common.DomainException;
import dev.catapult.deploy.Deployments;
import dev.catapult.registry.Registries;
import dev.catapult.release.Digest;
import dev.catapult.release.ReleaseLedger;
import dev.catapult.release.ReleaseSource;
import dev.catapult.targets.WatchSpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
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
 * deploy with reason {@code auto}. Evaluations of one target are serialised by locking its row; an image is
 * auto-deployed to a target at most once (primary key), so two servers handling one push deploy once; a hold
 * (I5) stops everything; automation never rolls back.
 */
@Service
public class AutoDeploy {
    private static final Pattern SHA = Pattern.compile("^[0-9a-f]{40}$");
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

    /** Evaluates one target now and records the outcome. */
    public Evaluation evaluate(long appId, long environmentId, String trigger) {
        Evaluation result;
        try {
            result = tx.execute(status -> decideAndAct(appId, environmentId, trigger));
        } catch (DomainException e) {
            // The deploy was refused (it would roll back, the app is archived…): nothing happened; say why.
            result = new Evaluation("refused", e.getMessage(), null, null, null, trigger, clock.instant());
        }
        Evaluation recorded = result;
        tx.executeWithoutResult(status -> jdbc.sql(
                        "update targets set last_evaluated_at = ?, last_evaluation = cast(? as jsonb) where app_id = ? and environment_id = ?")
                .params(Timestamp.from(recorded.at()), json.writeValueAsString(recorded.toMap()), appId, environmentId)
                .update());
        return recorded;
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
        if (row.isEmpty() || row.get().watch() == null) {
            return new Evaluation("not-watched", "the target has no watch", null, null, null, trigger, now);
        }
        TargetRow t = row.get();
        WatchSpec spec = Objects.requireNonNull(WatchSpec.parse(json.readValue(t.watch(), MAP))); // null only for null
        if (t.hold() != null && HoldState.isActive(t.hold(), now)) {
            return new Evaluation(
                    "held", "held by " + t.hold().by() + ": " + t.hold().reason(), null, null, null, trigger, now);
        }
        Optional<Registries.Location> location = registries.locate(t.image());
        if (location.isEmpty()) {
            return new Evaluation(
                    "no-registry", "no registry is configured for " + t.image(), null, null, null, trigger, now);
        }
        List<CandidateRow> rows =
                candidates(location.get().registry().id(), location.get().path());
        Selection selection = TagSelection.choose(
                WatchPolicy.of(spec),
                deployed(appId, environmentId),
                rows.stream().map(CandidateRow::candidate).toList(),
                now);
        return switch (selection) {
            case Selection.NothingNewer n -> new Evaluation("up-to-date", n.why(), null, null, null, trigger, now);
            case Selection.Ineligible i -> new Evaluation("ineligible", i.why(), null, null, null, trigger, now);
            case Selection.Chosen c -> act(appId, environmentId, t, spec, rows, c.candidate(), trigger, now);
        };
    }

    private Evaluation act(
            long appId,
            long environmentId,
            TargetRow t,
            WatchSpec spec,
            List<CandidateRow> rows,
            Candidate chosen,
            String trigger,
            Instant now) {
        String digest = chosen.digest().value();
        if (!spec.autoDeploy()) {
            return new Evaluation(
                    "auto-deploy-off",
                    "would deploy " + chosen.tag() + " if auto-deploy were on",
                    chosen.tag(),
                    digest,
                    null,
                    trigger,
                    now);
        }
        if (jdbc.sql("select count(*) from auto_deploys where app_id = ? and environment_id = ? and digest = ?")
                        .params(appId, environmentId, digest)
                        .query(Long.class)
                        .single()
                > 0) {
            return new Evaluation(
                    "already-deployed",
                    chosen.tag() + " (" + digest + ") was auto-deployed here before",
                    chosen.tag(),
                    digest,
                    null,
                    trigger,
                    now);
        }
        String revision = rows.stream()
                .filter(r -> r.candidate() == chosen)
                .findFirst()
                .map(CandidateRow::revision)
                .orElse(null);
        String imageRef = t.image() + "@" + digest;
        Long version = jdbc.sql(
                        "select version from releases where app_id = ? and image = ? order by version desc limit 1")
                .params(appId, imageRef)
                .query(Long.class)
                .optional()
                .orElse(null);
        if (version == null) {
            if (revision == null || !SHA.matcher(revision).matches()) {
                return new Evaluation(
                        "ineligible",
                        chosen.tag() + " has no org.opencontainers.image.revision label with a full commit id; "
                                + "create its release yourself (catapult release) to deploy it",
                        chosen.tag(),
                        digest,
                        null,
                        trigger,
                        now);
            }
            version = releases.create(
                            AUTOMATION,
                            t.app(),
                            new ReleaseCreateRequest(
                                    revision,
                                    imageRef,
                                    chosen.tag(),
                                    "Automatic release of " + chosen.tag() + " (" + digest.substring(7, 19) + ")",
                                    null,
                                    null),
                            "auto:" + digest,
                            ReleaseSource.REGISTRY)
                    .release()
                    .version();
        }
        DeployView deploy = deployments.autoDeploy(AUTOMATION, t.app(), t.environment(), version);
        jdbc.sql(
                        "insert into auto_deploys (app_id, environment_id, digest, tag, version, deploy_id, created_at) values (?, ?, ?, ?, ?, ?, ?)")
                .params(appId, environmentId, digest, chosen.tag(), version, deploy.id(), Timestamp.from(now))
                .update();
        return new Evaluation(
                "deployed",
                "deploying " + chosen.tag() + " as v" + version,
                chosen.tag(),
                digest,
                deploy.id(),
                trigger,
                now);
    }

    private record CandidateRow(
            Candidate candidate, @Nullable String revision) {}

    /** The repository's tags whose artifacts are scanned (their provenance is known), with their revision. */
    private List<CandidateRow> candidates(long registryId, String repository) {
        return jdbc.sql("""
        select t.tag, t.digest, a.first_seen_at,
               coalesce(a.revision, (select c.revision from artifacts c where c.registry_id = a.registry_id
                   and c.repository = a.repository and c.parent_digest = a.digest and c.revision is not null
                   order by c.id limit 1)) as revision
        from artifact_tags t join artifacts a on a.registry_id = t.registry_id and a.repository = t.repository and a.digest = t.digest
        where t.registry_id = ? and t.repository = ? and a.scan_status = 'scanned'
        """)
                .params(registryId, repository)
                .query((rs, n) -> new CandidateRow(
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
                .query((rs, n) -> new Deployed(
                        rs.getString(2),
                        new Digest(rs.getString(1).substring(rs.getString(1).indexOf('@') + 1))))
                .optional()
                .orElse(null);
    }
}
