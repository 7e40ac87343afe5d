package dev.catapult.release;

import com.github.f4b6a3.ulid.UlidCreator;
import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.app.AppRecord;
import dev.catapult.app.Apps;
import dev.catapult.audit.AuditTrail;
import dev.catapult.audit.ReleaseCreated;
import dev.catapult.common.Conflict;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.common.Sha256;
import dev.catapult.notify.Notifications;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The release ledger. Versions are taken from the app's row under {@code FOR UPDATE}, so they are
 * gapless and increasing per app however many creators and replicas race (I1): the row lock orders them,
 * and a rolled-back transaction returns its number.
 */
@Service
public class ReleaseLedger {
    private static final Pattern IDEMPOTENCY_KEY = Pattern.compile("^[\\x21-\\x7e]{1,255}$");

    private final JdbcClient jdbc;
    private final Apps apps;
    private final AuditTrail audit;
    private final TagResolver tags;
    private final Notifications notifications;
    private final Clock clock;

    ReleaseLedger(
            JdbcClient jdbc, Apps apps, AuditTrail audit, TagResolver tags, Notifications notifications, Clock clock) {
        this.jdbc = jdbc;
        this.apps = apps;
        this.audit = audit;
        this.tags = tags;
        this.notifications = notifications;
        this.clock = clock;
    }

    /** A created release, and whether it was an idempotent replay of an earlier request. */
    public record Created(Release release, boolean replayed) {}

    @Transactional
    public Created create(
            Actor actor, String app, NewRelease req, @Nullable String idempotencyKey, ReleaseSource source) {
        actor.grants().require(new Permission.Release(app));
        if (idempotencyKey != null && !IDEMPOTENCY_KEY.matcher(idempotencyKey).matches()) {
            throw new InvalidInput("Idempotency-Key", "must be 1–255 printable ASCII characters");
        }
        ReleaseDraft draft = ReleaseDraft.of(
                req.commit(), req.image(), req.imageTag(), req.changelog(), req.commits(), req.noImage(), source);
        String requestHash = requestHash(req);
        // Resolve before taking the app's row lock: a registry round trip must not hold up other creators.
        if (draft.image() != null && draft.image().digest() == null) {
            draft = draft.pinnedTo(tags.resolve(draft.image()));
        }
        AppRecord a = apps.lock(app);
        if (idempotencyKey != null) {
            Optional<Created> replay = replay(a, idempotencyKey, requestHash);
            if (replay.isPresent()) {
                return replay.get();
            }
        }
        long version = apps.nextVersion(a.id());
        String revision = "r_" + UlidCreator.getMonotonicUlid().toLowerCase();
        Instant now = clock.instant();
        jdbc.sql("""
        insert into releases (app_id, version, commit_sha, image, image_tag, author, changelog, commits, source, revision, created_at)
        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
        """)
                .params(
                        a.id(),
                        version,
                        draft.commit().value(),
                        draft.image() == null ? null : draft.image().digestReference(),
                        draft.imageTag(),
                        actor.name(),
                        draft.changelog(),
                        draft.commits() == null
                                ? null
                                : draft.commits().stream().map(CommitSha::value).toArray(String[]::new),
                        source.wireName(),
                        revision,
                        Timestamp.from(now))
                .update();
        if (idempotencyKey != null) {
            jdbc.sql(
                            "insert into release_idempotency (app_id, key, request_hash, version, created_at) values (?, ?, ?, ?, ?)")
                    .params(a.id(), idempotencyKey, requestHash, version, Timestamp.from(now))
                    .update();
        }
        ReleaseCreated created = new ReleaseCreated(
                app,
                version,
                draft.commit().value(),
                draft.image() == null ? null : draft.image().digestReference(),
                source,
                revision);
        audit.record(actor.name(), created);
        Map<String, Object> details = new LinkedHashMap<>(created.details());
        details.put("author", actor.name());
        notifications.publish(Notifications.RELEASE_CREATED, "app/" + app, details);
        return new Created(get(app, version), false);
    }

    private Optional<Created> replay(AppRecord a, String key, String requestHash) {
        return jdbc.sql("select request_hash, version from release_idempotency where app_id = ? and key = ?")
                .params(a.id(), key)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getLong(2)))
                .optional()
                .map(e -> {
                    if (!e.getKey().equals(requestHash)) {
                        throw new Conflict(
                                "Idempotency-Key '" + key + "' was already used with a different request body");
                    }
                    return new Created(get(a.name(), e.getValue()), true);
                });
    }

    @Transactional(readOnly = true)
    public Release get(String app, long version) {
        AppRecord a = apps.find(app);
        return jdbc.sql("select * from releases where app_id = ? and version = ?")
                .params(a.id(), version)
                .query((rs, n) -> view(app, rs))
                .optional()
                .orElseThrow(() -> new NotFound("release " + version + " of app '" + app + "' not found"));
    }

    @Transactional(readOnly = true)
    public Release latest(String app) {
        AppRecord a = apps.find(app);
        if (a.lastVersion() == 0) {
            throw new NotFound("app '" + app + "' has no releases yet");
        }
        return get(app, a.lastVersion());
    }

    /** Releases newest first; with {@code containing}, only those known to contain that commit. */
    @Transactional(readOnly = true)
    public Slice<Release> list(String app, PageRequest page, @Nullable String containing) {
        AppRecord a = apps.find(app);
        CommitSha commit = containing == null ? null : CommitSha.of("contains", containing);
        List<ReleaseCommits> all = commit == null ? List.of() : history(a.id());
        List<Release> items = new ArrayList<>();
        long before = page.afterAsLong();
        while (items.size() <= page.limit()) {
            List<Release> batch = jdbc.sql(
                            "select * from releases where app_id = ? and version < ? order by version desc limit ?")
                    .params(a.id(), before, page.limit() + 1)
                    .query((rs, n) -> view(app, rs))
                    .list();
            for (Release r : batch) {
                if (commit == null || CommitContainment.of(all, r.version(), commit) == Containment.TRUE) {
                    items.add(r);
                }
            }
            if (batch.size() <= page.limit()) {
                break;
            }
            before = batch.getLast().version();
        }
        return page.page(items, Release::version);
    }

    @Transactional(readOnly = true)
    public ReleaseContainment contains(String app, long version, @Nullable String commit) {
        if (commit == null) {
            throw new InvalidInput("commit", "is required");
        }
        CommitSha sha = CommitSha.of("commit", commit);
        AppRecord a = apps.find(app);
        get(app, version);
        return new ReleaseContainment(app, version, sha.value(), CommitContainment.of(history(a.id()), version, sha));
    }

    /** Every release's commit and commit list, oldest first (what containment decisions need). */
    @Transactional(readOnly = true)
    public List<ReleaseCommits> history(long appId) {
        return jdbc.sql("select version, commit_sha, commits from releases where app_id = ? order by version")
                .param(appId)
                .query((rs, n) -> {
                    java.sql.Array arr = rs.getArray(3);
                    List<CommitSha> commits = arr == null
                            ? null
                            : Arrays.stream((String[]) arr.getArray())
                                    .map(CommitSha::new)
                                    .toList();
                    return new ReleaseCommits(rs.getLong(1), new CommitSha(rs.getString(2)), commits);
                })
                .list();
    }

    private static Release view(String app, ResultSet rs) throws SQLException {
        java.sql.Array arr = rs.getArray("commits");
        return new Release(
                app,
                rs.getLong("version"),
                rs.getString("commit_sha"),
                rs.getString("image"),
                rs.getString("image_tag"),
                rs.getString("author"),
                rs.getString("changelog"),
                arr == null ? null : Arrays.asList((String[]) arr.getArray()),
                rs.getString("source"),
                rs.getString("revision"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static String requestHash(NewRelease req) {
        return Sha256.hex(dev.catapult.audit.CanonicalJson.write(Arrays.asList(
                req.commit(), req.image(), req.imageTag(), req.changelog(), req.commits(), req.noImage())));
    }
}
