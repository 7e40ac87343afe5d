package dev.catapult.deploy;

import dev.catapult.audit.AuditEvent;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.DeployDispatched;
import dev.catapult.audit.DeployFailed;
import dev.catapult.audit.DeploySucceeded;
import dev.catapult.platform.CatapultProperties;
import dev.catapult.targets.DeployerSpec;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deploys table as a work queue (SPEC §12). A replica claims a deploy with {@code FOR UPDATE SKIP
 * LOCKED} and a lease; if it dies before dispatching, the lease runs out and another replica takes the
 * deploy over. A partial unique index keeps one deploy running per app and environment, so two replicas
 * can never run the same deploy, nor two deploys of one target, at once. Deadlines fail what never ends (I3).
 */
@Component
class DeployClaims {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final DeployStore store;
    private final AuditTrail audit;
    private final TransactionTemplate tx;
    private final JsonMapper json;
    private final Clock clock;
    private final CatapultProperties.Deploys settings;

    DeployClaims(
            JdbcClient jdbc,
            DeployStore store,
            AuditTrail audit,
            TransactionTemplate tx,
            JsonMapper json,
            Clock clock,
            CatapultProperties props) {
        this.jdbc = jdbc;
        this.store = store;
        this.audit = audit;
        this.tx = tx;
        this.json = json;
        this.clock = clock;
        this.settings = props.deploys();
    }

    /** Claims the oldest queued deploy of some free target, or a dispatch whose claimant died. */
    Optional<DeployTask> claim(String owner) {
        try {
            return tx.execute(status -> claimNew(owner).or(() -> reclaim(owner)));
        } catch (DuplicateKeyException e) {
            // Another replica started a deploy of the same target a moment ago; try again on the next round.
            return Optional.empty();
        }
    }

    private Optional<DeployTask> claimNew(String owner) {
        Optional<String> id = jdbc.sql("""
        select d.id from deploys d
        where d.status = 'queued'
          and d.id = (select min(q.id) from deploys q where q.app_id = d.app_id and q.environment_id = d.environment_id and q.status = 'queued')
          and not exists (select 1 from deploys r where r.app_id = d.app_id and r.environment_id = d.environment_id and r.status = 'in_progress')
        order by d.id limit 1 for update skip locked
        """).query(String.class).optional();
        return id.map(deployId -> {
            DeployRow d = store.lock(deployId);
            Instant now = clock.instant();
            Duration timeout = spec(d).timeout() != null ? spec(d).timeout() : settings.defaultTimeout();
            store.transition(
                    deployId,
                    new DeployTransition(d.status(), DeployStatus.IN_PROGRESS),
                    now,
                    "system",
                    "started by " + owner,
                    null);
            jdbc.sql(
                            "update deploys set attempts = attempts + 1, lease_owner = ?, lease_until = ?, deadline_at = ? where id = ?")
                    .params(
                            owner,
                            Timestamp.from(now.plus(settings.lease())),
                            Timestamp.from(now.plus(timeout)),
                            deployId)
                    .update();
            return task(store.lock(deployId));
        });
    }

    private Optional<DeployTask> reclaim(String owner) {
        Optional<String> id = jdbc.sql("""
        select id from deploys where status = 'in_progress' and not dispatched and lease_until < ?
        order by id limit 1 for update skip locked
        """)
                .param(Timestamp.from(clock.instant()))
                .query(String.class)
                .optional();
        return id.flatMap(deployId -> {
            DeployRow d = store.lock(deployId);
            Instant now = clock.instant();
            if (d.attempts() >= settings.maxAttempts()) {
                fail(
                        d,
                        "dispatch did not complete after " + d.attempts()
                                + " attempts (the servers running it stopped)");
                return Optional.empty();
            }
            jdbc.sql("update deploys set attempts = attempts + 1, lease_owner = ?, lease_until = ? where id = ?")
                    .params(owner, Timestamp.from(now.plus(settings.lease())), deployId)
                    .update();
            jdbc.sql("""
          insert into deploy_transitions (deploy_id, seq, status, at, actor, message)
          values (?, (select max(seq) + 1 from deploy_transitions where deploy_id = ?), 'in_progress', ?, 'system', ?)
          """)
                    .params(
                            deployId,
                            deployId,
                            Timestamp.from(now),
                            "taken over by " + owner + " after its previous claimant stopped")
                    .update();
            return Optional.of(task(store.lock(deployId)));
        });
    }

    /** Records a dispatch's outcome, unless the deploy was cancelled or taken over meanwhile. */
    void complete(DeployTask task, String owner, DispatchOutcome outcome) {
        tx.executeWithoutResult(status -> {
            Optional<DeployRow> row = store.find(task.id(), true);
            boolean stillOurs = row.isPresent()
                    && row.get().status() == DeployStatus.IN_PROGRESS
                    && owner.equals(jdbc.sql("select lease_owner from deploys where id = ?")
                            .param(task.id())
                            .query(String.class)
                            .optional()
                            .orElse(null));
            if (!stillOurs) {
                return;
            }
            DeployRow d = row.get();
            Instant now = clock.instant();
            switch (outcome) {
                case DispatchOutcome.Succeeded s ->
                    finish(d, DeployStatus.SUCCEEDED, s.message(), s.externalRef(), now);
                case DispatchOutcome.Failed f -> finish(d, DeployStatus.FAILED, f.message(), f.externalRef(), now);
                case DispatchOutcome.AwaitingReport w -> {
                    jdbc.sql(
                                    "update deploys set dispatched = true, lease_owner = null, lease_until = null, message = ?, external_ref = coalesce(?, external_ref), updated_at = ? where id = ?")
                            .params(w.message(), w.externalRef(), Timestamp.from(now), d.id())
                            .update();
                    audit.record(
                            "system", new DeployDispatched(d.app(), d.environment(), d.id(), d.version(), w.message()));
                }
            }
        });
    }

    /**
     * Extends the lease of every dispatch {@code owner} still has in flight, so a deployer that takes longer
     * than one lease (a Nomad rollout, a health check) is never taken over while its server is alive.
     */
    void renewLeases(String owner) {
        jdbc.sql(
                        "update deploys set lease_until = ? where lease_owner = ? and status = 'in_progress' and not dispatched")
                .params(Timestamp.from(clock.instant().plus(settings.lease())), owner)
                .update();
    }

    /** Fails every running deploy past its deadline; returns how many. */
    int expire() {
        Integer n = tx.execute(status -> {
            List<String> ids = jdbc.sql(
                            "select id from deploys where status = 'in_progress' and deadline_at < ? order by id limit 100 for update skip locked")
                    .param(Timestamp.from(clock.instant()))
                    .query(String.class)
                    .list();
            for (String id : ids) {
                DeployRow d = store.lock(id);
                fail(d, "timed out: no outcome before its deadline " + d.deadline());
            }
            return ids.size();
        });
        return n == null ? 0 : n;
    }

    private void fail(DeployRow d, String message) {
        finish(d, DeployStatus.FAILED, message, null, clock.instant());
    }

    private void finish(DeployRow d, DeployStatus status, String message, @Nullable String externalRef, Instant now) {
        store.transition(d.id(), new DeployTransition(d.status(), status), now, "system", message, externalRef);
        audit.record("system", finished(d, status, message));
    }

    private static AuditEvent finished(DeployRow d, DeployStatus status, String message) {
        return switch (status) {
            case SUCCEEDED -> new DeploySucceeded(d.app(), d.environment(), d.id(), d.version(), message);
            case FAILED -> new DeployFailed(d.app(), d.environment(), d.id(), d.version(), message);
            default -> throw new IllegalArgumentException("a deploy does not finish as " + status.wireName());
        };
    }

    private DeployerSpec spec(DeployRow d) {
        return DeployerSpec.parse(json.readValue(d.deployerSettings(), MAP));
    }

    private DeployTask task(DeployRow d) {
        var release = jdbc.sql("select commit_sha, image, image_tag from releases where app_id = ? and version = ?")
                .params(d.appId(), d.version())
                .query((rs, n) -> new String[] {rs.getString(1), rs.getString(2), rs.getString(3)})
                .single();
        return new DeployTask(
                d.id(),
                d.app(),
                d.environment(),
                d.version(),
                release[0],
                release[1],
                release[2],
                d.actor(),
                d.reason(),
                d.rollback(),
                spec(d),
                d.attempts(),
                // a claimed deploy has its deadline set by the claim
                Objects.requireNonNull(d.deadline()));
    }
}
