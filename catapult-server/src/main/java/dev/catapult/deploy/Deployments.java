package dev.catapult.deploy;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.catapult.access.AccessControl;
import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.DeployCreateRequest;
import dev.catapult.api.DeployStatusReport;
import dev.catapult.api.DeployView;
import dev.catapult.api.Page;
import dev.catapult.app.AppRecord;
import dev.catapult.app.Apps;
import dev.catapult.audit.AuditTrail;
import dev.catapult.common.Conflict;
import dev.catapult.common.InvalidInput;
import dev.catapult.environment.EnvironmentRecord;
import dev.catapult.environment.Environments;
import dev.catapult.environment.Promotion;
import dev.catapult.platform.AfterCommit;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import dev.catapult.release.CommitContainment;
import dev.catapult.release.CommitSha;
import dev.catapult.release.Containment;
import dev.catapult.release.ReleaseLedger;
import dev.catapult.targets.DeployerSpec;
import dev.catapult.targets.Targets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.databind.json.JsonMapper;

/**
 * Deploys: requests (with rollback detection, step-up and approvals), promotion, cancellation and status
 * reports. Execution is the {@link DeployWorker}'s; every accepted deploy is a row it will pick up (I3).
 * Requests for one app and environment are serialised by locking that pair's environment-state row.
 */
@Service
public class Deployments {
    private final JdbcClient jdbc;
    private final DeployStore store;
    private final Apps apps;
    private final Environments environments;
    private final Targets targets;
    private final ReleaseLedger releases;
    private final AccessControl access;
    private final AuditTrail audit;
    private final DeployWorker worker;
    private final JsonMapper json;
    private final Clock clock;

    Deployments(
            JdbcClient jdbc,
            DeployStore store,
            Apps apps,
            Environments environments,
            Targets targets,
            ReleaseLedger releases,
            AccessControl access,
            AuditTrail audit,
            DeployWorker worker,
            JsonMapper json,
            Clock clock) {
        this.jdbc = jdbc;
        this.store = store;
        this.apps = apps;
        this.environments = environments;
        this.targets = targets;
        this.releases = releases;
        this.access = access;
        this.audit = audit;
        this.worker = worker;
        this.json = json;
        this.clock = clock;
    }

    @Transactional
    public DeployView request(Actor actor, String app, DeployCreateRequest req) {
        if (req.environment() == null) {
            throw new InvalidInput("environment", "is required");
        }
        DeployReason reason = req.reason() == null ? null : DeployReason.fromClient(req.reason());
        return create(
                actor, app, req.environment(), req.version(), Boolean.TRUE.equals(req.rollback()), reason, req.otp());
    }

    @Transactional
    public DeployView promote(
            Actor actor, String app, @Nullable String from, @Nullable String to, @Nullable String otp) {
        if (from == null || to == null) {
            throw new InvalidInput(from == null ? "from" : "to", "is required");
        }
        AppRecord a = apps.find(app);
        EnvironmentRecord source = environments.find(from);
        EnvironmentRecord dest = environments.find(to);
        actor.grants().require(new Permission.Deploy(app, to));
        Promotion.check(source.name(), source.rank(), dest.name(), dest.rank());
        Long version = jdbc.sql("select current_version from environment_state where app_id = ? and environment_id = ?")
                .params(a.id(), source.id())
                .query(Long.class)
                .optional()
                .orElse(null);
        if (version == null) {
            throw new Conflict("app '" + app + "' has no successful deploy in '" + from + "' to promote");
        }
        return create(actor, app, to, version, false, DeployReason.PROMOTION, otp);
    }

    /**
     * Deploys {@code version} for the server's automation (reason {@code auto}). Automation never rolls back:
     * a deploy that would is refused with a conflict like any other rollback without the flag.
     */
    @Transactional
    public DeployView autoDeploy(Actor automation, String app, String env, long version) {
        return create(automation, app, env, version, false, DeployReason.AUTO, null);
    }

    private DeployView create(
            Actor actor,
            String app,
            String env,
            @Nullable Long requestedVersion,
            boolean rollbackRequested,
            @Nullable DeployReason reason,
            @Nullable String otp) {
        AppRecord a = apps.find(app);
        EnvironmentRecord e = environments.find(env);
        actor.grants().require(new Permission.Deploy(app, env));
        if (a.archived()) {
            throw new Conflict("app '" + app + "' is archived");
        }
        long version = requestedVersion != null ? requestedVersion : a.lastVersion();
        if (version <= 0) {
            throw requestedVersion == null
                    ? new Conflict("app '" + app + "' has no releases to deploy")
                    : new InvalidInput("version", "must be a positive release number");
        }
        CommitSha target = new CommitSha(releases.get(app, version).commit());
        DeployStore.Running running = store.lockEnvironmentState(a.id(), e.id());
        Containment containment = running == null || running.version() >= version
                ? Containment.UNKNOWN
                : CommitContainment.of(releases.history(a.id()), version, new CommitSha(running.commit()));
        if (running != null && running.commit().equals(target.value())) {
            containment = Containment.TRUE;
        }
        DeployPlan plan = DeployPlan.decide(
                running == null ? null : running.version(), version, containment, rollbackRequested, reason);
        if (e.isProtected()) {
            access.requireStepUp(actor, otp);
        }
        DeployerSpec deployer = targets.deployerFor(a.id(), e.id());
        DeployStatus status = Approvals.initialStatus(e.requiredApprovals());
        String id = "d_" + UlidCreator.getMonotonicUlid().toLowerCase();
        Instant now = clock.instant();
        jdbc.sql("""
        insert into deploys (id, app_id, environment_id, version, previous_version, actor, reason, rollback, status,
          deployer_type, deployer_settings, required_approvals, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
        """)
                .params(
                        id,
                        a.id(),
                        e.id(),
                        version,
                        running == null ? null : running.version(),
                        actor.name(),
                        plan.reason().wireName(),
                        plan.rollback(),
                        status.wireName(),
                        deployer.type(),
                        json.writeValueAsString(deployer.toMap()),
                        e.requiredApprovals(),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        jdbc.sql("insert into deploy_transitions (deploy_id, seq, status, at, actor) values (?, 1, ?, ?, ?)")
                .params(id, status.wireName(), Timestamp.from(now), actor.name())
                .update();
        jdbc.sql("update environment_state set latest_deploy_id = ? where app_id = ? and environment_id = ?")
                .params(id, a.id(), e.id())
                .update();
        // I5: when a human goes back, automation must not undo it; the hold lasts until a human releases it.
        boolean held = plan.rollback()
                && plan.reason() != DeployReason.AUTO
                && targets.holdForRollback(a, e, "rolled back to v" + version + " by " + actor.name(), actor.name());
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", id);
        details.put("version", version);
        details.put("previousVersion", running == null ? null : running.version());
        details.put("reason", plan.reason().wireName());
        details.put("rollback", plan.rollback());
        details.put("status", status.wireName());
        details.put("deployer", deployer.type());
        details.put("heldAutomation", held);
        audit.record(actor.name(), "deploy.requested", "app/" + app + "/env/" + env, details);
        AfterCommit.run(worker::wake);
        return store.view(id);
    }

    @Transactional
    public DeployView approve(Actor actor, String id, @Nullable String otp) {
        DeployRow d = store.lock(id);
        actor.grants().require(new Permission.Deploy(d.app(), d.environment()));
        DeployStatus next =
                Approvals.approve(d.status(), d.actor(), actor.name(), store.approvers(id), d.requiredApprovals());
        if (environments.find(d.environment()).isProtected()) {
            access.requireStepUp(actor, otp);
        }
        Instant now = clock.instant();
        jdbc.sql("insert into deploy_approvals (deploy_id, approver, at) values (?, ?, ?)")
                .params(id, actor.name(), Timestamp.from(now))
                .update();
        if (next != d.status()) {
            store.transition(
                    id,
                    next,
                    now,
                    actor.name(),
                    "approved by " + (store.approvers(id).size()) + " of " + d.requiredApprovals(),
                    null);
            AfterCommit.run(worker::wake);
        }
        audit.record(
                actor.name(),
                "deploy.approved",
                "app/" + d.app() + "/env/" + d.environment(),
                Map.of("id", id, "status", next.wireName()));
        return store.view(id);
    }

    @Transactional
    public DeployView cancel(Actor actor, String id) {
        DeployRow d = store.lock(id);
        actor.grants().require(new Permission.Deploy(d.app(), d.environment()));
        DeployStatus next = StatusReports.cancel(d.status());
        store.transition(id, next, clock.instant(), actor.name(), "cancelled by " + actor.name(), null);
        audit.record(
                actor.name(),
                "deploy.cancelled",
                "app/" + d.app() + "/env/" + d.environment(),
                Map.of("id", id, "from", d.status().wireName()));
        return store.view(id);
    }

    /** An external CD system reports progress or the outcome; repeating a final report changes nothing. */
    @Transactional
    public DeployView report(Actor actor, String id, DeployStatusReport report) {
        actor.grants().require(new Permission.DeployReport());
        if (report.status() == null) {
            throw new InvalidInput("status", "is required (in_progress, succeeded or failed)");
        }
        if (report.message() != null && report.message().length() > 4000) {
            throw new InvalidInput("message", "at most 4000 characters");
        }
        if (report.externalRef() != null && report.externalRef().length() > 512) {
            throw new InvalidInput("externalRef", "at most 512 characters");
        }
        DeployStatus reported = DeployStatus.fromWire("status", report.status());
        DeployRow d = store.lock(id);
        DeployStatus next = StatusReports.accept(d.status(), reported);
        if (StatusReports.isRepeat(d.status(), reported)) {
            return store.view(id);
        }
        Instant now = clock.instant();
        if (d.status() == DeployStatus.QUEUED && next != DeployStatus.IN_PROGRESS) {
            store.transition(
                    id,
                    DeployStatus.IN_PROGRESS,
                    now,
                    actor.name(),
                    "reported by " + actor.name(),
                    report.externalRef());
        }
        store.transition(id, next, now, actor.name(), report.message(), report.externalRef());
        if (d.status() == DeployStatus.QUEUED) {
            // The external system took over: the worker must not dispatch it as well.
            jdbc.sql("update deploys set dispatched = true where id = ?")
                    .param(id)
                    .update();
        }
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("id", id);
        details.put("status", next.wireName());
        details.put("message", report.message());
        details.put("externalRef", report.externalRef());
        audit.record(actor.name(), "deploy.reported", "app/" + d.app() + "/env/" + d.environment(), details);
        return store.view(id);
    }

    @Transactional(readOnly = true)
    public DeployView get(String id) {
        return store.view(id);
    }

    @Transactional(readOnly = true)
    public Page<DeployView> list(String app, @Nullable String env, @Nullable String status, PageRequest page) {
        AppRecord a = apps.find(app);
        Long envId = env == null ? null : environments.find(env).id();
        DeployStatus s = status == null ? null : DeployStatus.fromWire("status", status);
        List<DeployView> items = store.list(a.id(), envId, s, page.after(), page.limit() + 1);
        Slice<DeployView> kept = page.page(items, DeployView::id);
        return new Page<>(kept.items(), kept.nextCursor());
    }
}
