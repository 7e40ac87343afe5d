package dev.catapult.app;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.audit.AppArchived;
import dev.catapult.audit.AppCreated;
import dev.catapult.audit.AppUpdated;
import dev.catapult.audit.AuditTrail;
import dev.catapult.common.Conflict;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import java.net.URI;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Apps: the deployable services. Archived, never deleted, once they have history. */
@Service
public class Apps {
    public static final String DEFAULT_TAG_TEMPLATE = "ref-{sha}";
    private static final Pattern TEAM = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9 ._-]{0,63}$");
    private static final Pattern LABEL_KEY = Pattern.compile("^[A-Za-z0-9][A-Za-z0-9._/-]{0,127}$");
    private static final Pattern TAG_TEMPLATE = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.{}-]{0,80}$");

    private final JdbcClient jdbc;
    private final JsonMapper json;
    private final AuditTrail audit;
    private final Clock clock;

    Apps(JdbcClient jdbc, JsonMapper json, AuditTrail audit, Clock clock) {
        this.jdbc = jdbc;
        this.json = json;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional
    public App create(Actor actor, NewApp req) {
        requireWrite(actor);
        AppName name = new AppName(req.name());
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (req.image() == null) {
            errors.add(new InvalidInput.FieldError("image", "is required (an image repository without tag)"));
        } else if (!ImageRepository.isValid(req.image())) {
            errors.add(new InvalidInput.FieldError(
                    "image",
                    "'" + req.image()
                            + "' is not an image repository like registry.example/team/app (no tag, no digest)"));
        }
        validateOptional(errors, req.repoUrl(), req.team(), req.labels(), req.imageTagTemplate());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        Instant now = clock.instant();
        String template = req.imageTagTemplate() == null ? DEFAULT_TAG_TEMPLATE : req.imageTagTemplate();
        int inserted = jdbc.sql("""
        insert into apps (name, image, repo_url, team, labels, image_tag_template, created_at, updated_at)
        values (?, ?, ?, ?, cast(? as jsonb), ?, ?, ?) on conflict (name) do nothing
        """)
                .params(
                        name.value(),
                        req.image(),
                        req.repoUrl(),
                        req.team(),
                        json.writeValueAsString(labels(req.labels())),
                        template,
                        Timestamp.from(now),
                        Timestamp.from(now))
                .update();
        if (inserted == 0) {
            throw new Conflict("app '" + name + "' already exists");
        }
        // validated above: the image is there
        String image = Objects.requireNonNull(req.image());
        audit.record(actor.name(), new AppCreated(name.value(), image, req.repoUrl(), req.team()));
        return get(name.value());
    }

    @Transactional
    public App patch(Actor actor, String app, AppChanges req) {
        requireWrite(actor);
        AppRecord existing = find(app);
        List<InvalidInput.FieldError> errors = new ArrayList<>();
        if (req.image() != null && !ImageRepository.isValid(req.image())) {
            errors.add(new InvalidInput.FieldError(
                    "image", "'" + req.image() + "' is not an image repository (no tag, no digest)"));
        }
        validateOptional(errors, req.repoUrl(), req.team(), req.labels(), req.imageTagTemplate());
        if (!errors.isEmpty()) {
            throw new InvalidInput(errors);
        }
        jdbc.sql("""
        update apps set image = coalesce(?, image), repo_url = coalesce(?, repo_url), team = coalesce(?, team),
          labels = coalesce(cast(? as jsonb), labels), image_tag_template = coalesce(?, image_tag_template), updated_at = ?
        where id = ?
        """)
                .params(
                        req.image(),
                        req.repoUrl(),
                        req.team(),
                        req.labels() == null ? null : json.writeValueAsString(labels(req.labels())),
                        req.imageTagTemplate(),
                        Timestamp.from(clock.instant()),
                        existing.id())
                .update();
        audit.record(
                actor.name(),
                new AppUpdated(app, req.image(), req.repoUrl(), req.team(), req.labels(), req.imageTagTemplate()));
        return get(app);
    }

    @Transactional
    public App archive(Actor actor, String app) {
        requireWrite(actor);
        AppRecord existing = find(app);
        if (!existing.archived()) {
            jdbc.sql("update apps set archived_at = ?, updated_at = ? where id = ?")
                    .params(Timestamp.from(clock.instant()), Timestamp.from(clock.instant()), existing.id())
                    .update();
            audit.record(actor.name(), new AppArchived(app));
        }
        return get(app);
    }

    @Transactional(readOnly = true)
    public App get(String app) {
        return jdbc.sql("select * from apps where name = ?")
                .param(app)
                .query(this::view)
                .optional()
                .orElseThrow(() -> new NotFound("app '" + app + "' not found"));
    }

    @Transactional(readOnly = true)
    public Slice<App> list(PageRequest page, boolean includeArchived) {
        List<App> items = jdbc.sql("""
        select * from apps where name > :after and (:archived or archived_at is null) order by name limit :limit
        """)
                .param("after", page.after() == null ? "" : page.after())
                .param("archived", includeArchived)
                .param("limit", page.limit() + 1)
                .query(this::view)
                .list();
        return page.page(items, App::name);
    }

    /** The app named {@code app}, or 404. */
    @Transactional(readOnly = true)
    public AppRecord find(String app) {
        return record(app, "");
    }

    /** Locks the app's row for the rest of the transaction (serialises release creation per app). */
    @Transactional
    public AppRecord lock(String app) {
        AppRecord r = record(app, " for update");
        if (r.archived()) {
            throw new Conflict("app '" + app + "' is archived");
        }
        return r;
    }

    private AppRecord record(String app, String lockClause) {
        return jdbc.sql(
                        "select id, name, image, image_tag_template, archived_at is not null, last_version from apps where name = ?"
                                + lockClause)
                .param(app)
                .query((rs, n) -> new AppRecord(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5),
                        rs.getLong(6)))
                .optional()
                .orElseThrow(() -> new NotFound("app '" + app + "' not found"));
    }

    /** Takes the app's next release version (the row must be locked by {@link #lock}). */
    @Transactional
    public long nextVersion(long appId) {
        return jdbc.sql("update apps set last_version = last_version + 1 where id = ? returning last_version")
                .param(appId)
                .query(Long.class)
                .single();
    }

    private static void requireWrite(Actor actor) {
        actor.grants().require(new Permission.AppWrite());
    }

    private static void validateOptional(
            List<InvalidInput.FieldError> errors,
            @Nullable String repoUrl,
            @Nullable String team,
            @Nullable Map<String, String> labels,
            @Nullable String template) {
        if (repoUrl != null) {
            try {
                URI u = URI.create(repoUrl);
                if (u.getScheme() == null || repoUrl.length() > 2048) {
                    throw new IllegalArgumentException();
                }
            } catch (IllegalArgumentException e) {
                errors.add(new InvalidInput.FieldError("repoUrl", "must be a URL like https://github.com/acme/api"));
            }
        }
        if (team != null && !TEAM.matcher(team).matches()) {
            errors.add(new InvalidInput.FieldError(
                    "team", "must be 1–64 letters, digits, spaces, dots, dashes or underscores"));
        }
        if (labels != null) {
            if (labels.size() > 64) {
                errors.add(new InvalidInput.FieldError("labels", "at most 64 labels"));
            }
            labels.forEach((k, v) -> {
                if (!LABEL_KEY.matcher(k).matches()) {
                    errors.add(new InvalidInput.FieldError("labels." + k, "is not a valid label key"));
                } else if (v == null || v.length() > 512) {
                    errors.add(
                            new InvalidInput.FieldError("labels." + k, "must be a string of at most 512 characters"));
                }
            });
        }
        if (template != null && (!TAG_TEMPLATE.matcher(template).matches() || !template.contains("{sha}"))) {
            errors.add(
                    new InvalidInput.FieldError("imageTagTemplate", "must be a tag containing {sha}, e.g. ref-{sha}"));
        }
    }

    private static Map<String, String> labels(@Nullable Map<String, String> labels) {
        return labels == null ? Map.of() : labels;
    }

    private App view(ResultSet rs, int n) throws SQLException {
        Map<String, String> labels =
                json.readValue(rs.getString("labels"), new TypeReference<Map<String, String>>() {});
        return new App(
                rs.getString("name"),
                rs.getString("image"),
                rs.getString("repo_url"),
                rs.getString("team"),
                labels,
                rs.getString("image_tag_template"),
                rs.getTimestamp("archived_at") != null,
                rs.getLong("last_version"),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("updated_at").toInstant());
    }
}
