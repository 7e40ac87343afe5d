package dev.catapult.job;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.catapult.common.NotFound;
import dev.catapult.platform.AfterCommit;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * Enqueues and reads jobs. Enqueueing joins the caller's transaction, so work and the state change that
 * asks for it commit together (I4: an accepted event is never lost). A dedupe key makes enqueueing the
 * same work again, while it is still queued or running, return the existing job instead.
 */
@Service
public class JobQueue {
    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};
    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final Clock clock;
    private final JobWakeups wakeups;

    JobQueue(JdbcClient jdbc, JsonMapper json, Clock clock, JobWakeups wakeups) {
        this.jdbc = jdbc;
        this.json = json;
        this.clock = clock;
        this.wakeups = wakeups;
    }

    /** Enqueues a job to run now; returns its id (or the id of the same queued or running work). */
    @Transactional
    public <P extends Record> String enqueue(JobKind<P> kind, @Nullable String dedupeKey, P payload, int maxAttempts) {
        return enqueueAt(kind, dedupeKey, payload, maxAttempts, Duration.ZERO);
    }

    @Transactional
    public <P extends Record> String enqueueAt(
            JobKind<P> kind, @Nullable String dedupeKey, P payload, int maxAttempts, Duration delay) {
        Instant now = clock.instant();
        String id = "j_" + UlidCreator.getMonotonicUlid().toLowerCase();
        Optional<String> inserted = jdbc.sql("""
        insert into jobs (id, kind, dedupe_key, payload, status, max_attempts, run_at, created_at, updated_at)
        values (?, ?, ?, cast(? as jsonb), 'queued', ?, ?, ?, ?)
        on conflict (dedupe_key) where status in ('queued', 'running') do nothing
        returning id
        """)
                .params(
                        id,
                        kind.name(),
                        dedupeKey,
                        json.writeValueAsString(payload),
                        maxAttempts,
                        Timestamp.from(now.plus(delay)),
                        Timestamp.from(now),
                        Timestamp.from(now))
                .query(String.class)
                .optional();
        if (inserted.isPresent()) {
            AfterCommit.run(wakeups::wake);
            return inserted.get();
        }
        return jdbc.sql("select id from jobs where dedupe_key = ? and status in ('queued', 'running')")
                .param(dedupeKey)
                .query(String.class)
                .optional()
                .orElseGet(() -> enqueueAt(kind, dedupeKey, payload, maxAttempts, delay));
    }

    @Transactional(readOnly = true)
    public JobView get(String id) {
        return jdbc.sql("select * from jobs where id = ?")
                .param(id)
                .query(this::view)
                .optional()
                .orElseThrow(() -> new NotFound("job '" + id + "' not found"));
    }

    /** The progress a job last reported (what a resumed job starts from). */
    @Transactional(readOnly = true)
    public Map<String, Object> progress(String id) {
        return jdbc.sql("select progress from jobs where id = ?")
                .param(id)
                .query(String.class)
                .optional()
                .map(p -> json.readValue(p, MAP))
                .orElse(Map.of());
    }

    private JobView view(ResultSet rs, int n) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new JobView(
                rs.getString("id"),
                rs.getString("kind"),
                rs.getString("status"),
                rs.getInt("attempts"),
                rs.getInt("max_attempts"),
                json.readValue(rs.getString("payload"), MAP),
                json.readValue(rs.getString("progress"), MAP),
                rs.getString("error"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant(),
                finished == null ? null : finished.toInstant());
    }
}
