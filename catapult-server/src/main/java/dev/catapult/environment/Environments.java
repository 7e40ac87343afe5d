package dev.catapult.environment;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.EnvironmentCreated;
import dev.catapult.audit.EnvironmentUpdated;
import dev.catapult.common.Conflict;
import dev.catapult.common.NotFound;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Environments: ordered by rank (promotion order), optionally protected and requiring approvals. */
@Service
public class Environments {
    private final JdbcClient jdbc;
    private final AuditTrail audit;
    private final Clock clock;

    Environments(JdbcClient jdbc, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public Environment create(Actor actor, NewEnvironment req) {
        actor.grants().require(Permission.admin());
        EnvironmentName name = new EnvironmentName(req.name());
        int rank = EnvironmentRules.rank(req.rank());
        int approvals = EnvironmentRules.requiredApprovals(req.requiredApprovals());
        List<String> accounts = EnvironmentRules.accounts(req.accounts());
        boolean prot = Boolean.TRUE.equals(req.isProtected());
        Instant now = clock.instant();
        int inserted = jdbc.sql("""
        insert into environments (name, rank, protected, required_approvals, accounts, created_at, updated_at)
        values (?, ?, ?, ?, ?, ?, ?) on conflict (name) do nothing
        """)
                .params(
                        name.value(),
                        rank,
                        prot,
                        approvals,
                        accounts.toArray(String[]::new),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        if (inserted == 0) {
            throw new Conflict("environment '" + name + "' already exists");
        }
        audit.record(actor.name(), new EnvironmentCreated(name.value(), rank, prot, approvals, accounts));
        return get(name.value());
    }

    @Transactional
    public Environment patch(Actor actor, String env, EnvironmentChanges req) {
        actor.grants().require(Permission.admin());
        EnvironmentRecord existing = find(env);
        int rank = req.rank() == null ? existing.rank() : EnvironmentRules.rank(req.rank());
        int approvals = req.requiredApprovals() == null
                ? existing.requiredApprovals()
                : EnvironmentRules.requiredApprovals(req.requiredApprovals());
        List<String> accounts =
                req.accounts() == null ? existing.accounts() : EnvironmentRules.accounts(req.accounts());
        boolean prot = req.isProtected() == null ? existing.isProtected() : req.isProtected();
        jdbc.sql(
                        "update environments set rank = ?, protected = ?, required_approvals = ?, accounts = ?, updated_at = ? where id = ?")
                .params(
                        rank,
                        prot,
                        approvals,
                        accounts.toArray(String[]::new),
                        Timestamp.from(clock.instant()),
                        existing.id())
                .update();
        audit.record(
                actor.name(),
                new EnvironmentUpdated(
                        env,
                        req.rank() == null ? null : rank,
                        req.requiredApprovals() == null ? null : approvals,
                        req.accounts() == null ? null : accounts,
                        req.isProtected() == null ? null : prot));
        return get(env);
    }

    @Transactional(readOnly = true)
    public List<Environment> list() {
        return jdbc.sql("select * from environments order by rank, name")
                .query(this::view)
                .list();
    }

    @Transactional(readOnly = true)
    public Environment get(String env) {
        return jdbc.sql("select * from environments where name = ?")
                .param(env)
                .query(this::view)
                .optional()
                .orElseThrow(() -> new NotFound("environment '" + env + "' not found"));
    }

    /** The environment named {@code env}, or 404. */
    @Transactional(readOnly = true)
    public EnvironmentRecord find(String env) {
        return jdbc.sql(
                        "select id, name, rank, protected, required_approvals, accounts from environments where name = ?")
                .param(env)
                .query((rs, n) -> new EnvironmentRecord(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getInt(3),
                        rs.getBoolean(4),
                        rs.getInt(5),
                        Arrays.asList((String[]) rs.getArray(6).getArray())))
                .optional()
                .orElseThrow(() -> new NotFound("environment '" + env + "' not found"));
    }

    private Environment view(ResultSet rs, int n) throws SQLException {
        return new Environment(
                rs.getString("name"),
                rs.getInt("rank"),
                rs.getBoolean("protected"),
                rs.getInt("required_approvals"),
                Arrays.asList((String[]) rs.getArray("accounts").getArray()),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
