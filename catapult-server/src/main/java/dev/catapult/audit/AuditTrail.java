package dev.catapult.audit;

import dev.catapult.platform.PageRequest;
import dev.catapult.platform.RequestIds;
import dev.catapult.platform.Slice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The append-only, hash-chained audit trail (I2). {@link #record} joins the caller's transaction, so an
 * accepted mutation and its event commit or roll back together. Appends are serialised by a transaction
 * advisory lock: sequence numbers stay gapless and each event chains to the one committed before it.
 */
@Service
public class AuditTrail {
    /** Arbitrary constant naming the audit append lock. */
    private static final long APPEND_LOCK = 0x6361_7461_7564_6974L;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;

    AuditTrail(JdbcClient jdbc, JsonMapper json, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
    }

    /** Appends one event by {@code actor} (a principal's name, or {@code system}) in the current transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void record(String actor, AuditEvent event) {
        // Normalise through JSON so the hashed form is exactly what reading the jsonb column gives back.
        String detailsJson = json.writeValueAsString(event.details());
        Map<String, Object> normalised = json.readValue(detailsJson, MAP);
        jdbc.sql("select pg_advisory_xact_lock(?)").param(APPEND_LOCK).query().singleRow();
        var last = jdbc.sql("select seq, hash from audit_events order by seq desc limit 1")
                .query((rs, n) -> Map.entry(rs.getLong(1), rs.getString(2)))
                .optional();
        long prevSeq = last.map(Map.Entry::getKey).orElse(0L);
        String prevHash = last.map(Map.Entry::getValue).orElse(AuditChain.GENESIS);
        AuditRecord e = AuditChain.next(
                prevSeq,
                prevHash,
                clock.instant(),
                actor,
                event.action(),
                event.subject(),
                normalised,
                RequestIds.current());
        jdbc.sql("""
        insert into audit_events (seq, at, actor, action, subject, details, request_id, prev_hash, hash)
        values (?, ?, ?, ?, ?, cast(? as jsonb), ?, ?, ?)
        """)
                .params(
                        e.seq(),
                        Timestamp.from(e.at()),
                        e.actor(),
                        e.action(),
                        e.subject(),
                        detailsJson,
                        e.requestId(),
                        e.prevHash(),
                        e.hash())
                .update();
    }

    /** Events newest first, filtered; {@code after} is an exclusive lower bound on the sequence number. */
    @Transactional(readOnly = true)
    public Slice<AuditRecord> list(
            @Nullable String actor,
            @Nullable String subject,
            @Nullable String action,
            @Nullable Long after,
            PageRequest page) {
        long before = page.afterAsLong();
        List<AuditRecord> fetched = jdbc.sql("""
        select * from audit_events
        where seq < :before and seq > :after
          and (cast(:actor as text) is null or actor = :actor)
          and (cast(:subject as text) is null or subject = :subject or subject like :subjectPrefix)
          and (cast(:action as text) is null or action = :action)
        order by seq desc limit :limit
        """)
                .param("before", before)
                .param("after", after == null ? 0L : after)
                .param("actor", actor)
                .param("subject", subject)
                .param(
                        "subjectPrefix",
                        subject == null ? null : subject.replace("%", "\\%").replace("_", "\\_") + "/%")
                .param("action", action)
                .param("limit", page.limit() + 1)
                .query((rs, n) -> read(rs))
                .list();
        return page.page(fetched, AuditRecord::seq);
    }

    /** Recomputes the chain from the first event; reports the first altered, reordered or missing one. */
    @Transactional(readOnly = true)
    public AuditChain.Result verify() {
        AuditChain.Verifier verifier = AuditChain.verifier();
        jdbc.sql("select * from audit_events order by seq")
                .withFetchSize(1000)
                .query((org.springframework.jdbc.core.RowCallbackHandler) rs -> verifier.accept(read(rs)));
        return verifier.result();
    }

    private AuditRecord read(ResultSet rs) throws SQLException {
        return new AuditRecord(
                rs.getLong("seq"),
                rs.getTimestamp("at").toInstant(),
                rs.getString("actor"),
                rs.getString("action"),
                rs.getString("subject"),
                json.readValue(rs.getString("details"), MAP),
                rs.getString("request_id"),
                rs.getString("prev_hash"),
                rs.getString("hash"));
    }
}
