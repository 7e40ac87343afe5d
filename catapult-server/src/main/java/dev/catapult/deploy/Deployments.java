package dev.catapult.deploy;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.catapult.access.AccessControl;
import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.app.AppRecord;
import dev.catapult.app.Apps;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.DeployApproved;
import dev.catapult.audit.DeployCancelled;
import dev.catapult.audit.DeployReported;
import dev.catapult.audit.DeployRequested;
import dev.catapult.common.Conflict;
import dev.catapult.common.InvalidInput;
import dev.catapult.environment.EnvironmentRecord;
import dev.catapult.environment.Environments;
import dev.catapult.environment.Promotion;
import dev.catapult.platform.AfterCommit;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import dev.catapult.release.CommitSha;
import dev.catapult.release.ReleaseLedger;
import dev.catapult.targets.DeployerSpec;
import dev.catapult.targets.Targets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
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

    /** Requests a deploy (SPEC §3): a rollback must say so, protected environments need step-up. */
    @Transactional
    public Deploy request(Actor actor, String app, NewDeploy req) {
        String environment = req.environment();
        if (environment == null) {
            throw new InvalidInput("environment", "is required");
        }
        DeployReason reason = req.reason() == null ? null : DeployReason.fromClient(req.reason());
        return create(actor, app, environment, req.version(), req.rollback(), reason, req.otp());
    }

    @Transactional
    public Deploy promote(Actor actor, String app, @Nullable String from, @Nullable String to, @Nullable String otp) {
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
    public Deploy autoDeploy(Actor automation, String app, String env, long version) {
        return create(automation, app, env, version, false, DeployReason.AUTO, null);
    }

    private Deploy create(
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
        RunningRelease running = store.lockEnvironmentState(a.id(), e.id());
        DeployPlan plan =
                DeployPlan.decide(running, version, target, () -> releases.history(a.id()), rollbackRequested, reason);
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
        boolean held = plan.holdsAutomation()
                && targets.holdForRollback(a, e, "rolled back to v" + version + " by " + actor.name(), actor.name());
        audit.record(
                actor.name(),
                new DeployRequested(
                        app,
                        env,
                        id,
                        version,
                        running == null ? null : running.version(),
                        plan.reason(),
                        plan.rollback(),
                        status,
                        deployer.type(),
                        held));
        AfterCommit.run(worker::wake);
        return store.view(id);
    }

    @Transactional
    public Deploy approve(Actor actor, String id, @Nullable String otp) {
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
                    new DeployTransition(d.status(), next),
                    now,
                    actor.name(),
                    "approved by " + (store.approvers(id).size()) + " of " + d.requiredApprovals(),
                    null);
            AfterCommit.run(worker::wake);
        }
        audit.record(actor.name(), new DeployApproved(d.app(), d.environment(), id, next));
        return store.view(id);
    }

    @Transactional
    public Deploy cancel(Actor actor, String id) {
        DeployRow d = store.lock(id);
        actor.grants().require(new Permission.Deploy(d.app(), d.environment()));
        DeployStatus next = StatusReports.cancel(d.status());
        store.transition(
                id,
                new DeployTransition(d.status(), next),
                clock.instant(),
                actor.name(),
                "cancelled by " + actor.name(),
                null);
        audit.record(actor.name(), new DeployCancelled(d.app(), d.environment(), id, d.status()));
        return store.view(id);
    }

    /** An external CD system reports progress or the outcome; repeating a final report changes nothing. */
    @Transactional
    public Deploy report(Actor actor, String id, StatusReport report) {
        actor.grants().require(new Permission.DeployReport());
        String status = report.status();
        if (status == null) {
            throw new InvalidInput("status", "is required (in_progress, succeeded or failed)");
        }
        if (report.message() != null && report.message().length() > 4000) {
            throw new InvalidInput("message", "at most 4000 characters");
        }
        if (report.externalRef() != null && report.externalRef().length() > 512) {
            throw new InvalidInput("externalRef", "at most 512 characters");
        }
        DeployStatus reported = DeployStatus.fromWire("status", status);
        DeployRow d = store.lock(id);
        DeployStatus next = StatusReports.accept(d.status(), reported);
        if (StatusReports.isRepeat(d.status(), reported)) {
            return store.view(id);
        }
        Instant now = clock.instant();
        DeployStatus from = d.status();
        if (from == DeployStatus.QUEUED && next != DeployStatus.IN_PROGRESS) {
            // An outcome reported for a deploy nobody started: it started when the external system took it.
            store.transition(
                    id,
                    new DeployTransition(from, DeployStatus.IN_PROGRESS),
                    now,
                    actor.name(),
                    "reported by " + actor.name(),
                    report.externalRef());
            from = DeployStatus.IN_PROGRESS;
        }
        store.transition(
                id, new DeployTransition(from, next), now, actor.name(), report.message(), report.externalRef());
        if (d.status() == DeployStatus.QUEUED) {
            // The external system took over: the worker must not dispatch it as well.
            jdbc.sql("update deploys set dispatched = true where id = ?")
                    .param(id)
                    .update();
        }
        audit.record(
                actor.name(),
                new DeployReported(d.app(), d.environment(), id, next, report.message(), report.externalRef()));
        return store.view(id);
    }

    @Transactional(readOnly = true)
    public Deploy get(String id) {
        return store.view(id);
    }

    @Transactional(readOnly = true)
    public Slice<Deploy> list(String app, @Nullable String env, @Nullable String status, PageRequest page) {
        AppRecord a = apps.find(app);
        Long envId = env == null ? null : environments.find(env).id();
        DeployStatus s = status == null ? null : DeployStatus.fromWire("status", status);
        List<Deploy> items = store.list(a.id(), envId, s, page.after(), page.limit() + 1);
        return page.page(items, Deploy::id);
    }

    /**
     * What a rollback of {@code app} in {@code env} goes to ({@link RollbackTarget}): the one answer the API,
     * the CLI and the UI give.
     */
    @Transactional(readOnly = true)
    public RollbackTarget rollbackTarget(String app, String env) {
        AppRecord a = apps.find(app);
        EnvironmentRecord e = environments.find(env);
        return RollbackTarget.of(app, env, store.current(a.id(), e.id()).orElse(null), store.succeeded(a.id(), e.id()));
    }
}
