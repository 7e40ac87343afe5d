package dev.catapult.compat.registrywatcher;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.targets.Target;
import dev.catapult.targets.Targets;
import dev.catapult.targets.WatchSpec;
import dev.catapult.watch.SemVerTag;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * registrywatcher's model on top of Catapult's: a "repo" is an app; its watch is the app's watched target
 * (in {@code catapult.compat.registrywatcher.environment} when the app watches several environments);
 * {@code pinned_tag = ""} means "follow versioned tags" (policy {@code semver}), any other value pins that
 * tag (policy {@code pinned}); {@code auto_deploy} is the watch's auto-deploy switch.
 */
@Service
public class RegistrywatcherRepos {
    private final JdbcClient jdbc;
    private final Targets targets;
    private final @Nullable String environment;

    RegistrywatcherRepos(
            JdbcClient jdbc,
            Targets targets,
            @Value("${catapult.compat.registrywatcher.environment:}") @Nullable String environment) {
        this.jdbc = jdbc;
        this.targets = targets;
        this.environment = environment == null || environment.isBlank() ? null : environment;
    }

    /** One repo as registrywatcher shows it. */
    public record Repo(boolean autoDeploy, String pinnedTag, String pinnedTagValue, List<String> tags) {}

    @Transactional(readOnly = true)
    public Map<String, Repo> all(Actor actor) {
        actor.grants().require(Permission.read());
        Map<String, Repo> out = new LinkedHashMap<>();
        for (String app : targets.watchedApps()) {
            watchedTarget(app).ifPresent(t -> out.put(app, repo(t)));
        }
        return out;
    }

    @Transactional(readOnly = true)
    public Repo get(Actor actor, String app) {
        actor.grants().require(Permission.read());
        return repo(target(app));
    }

    /** Changes the pin and/or auto-deploy; the watch is evaluated again at once. */
    @Transactional
    public Repo update(Actor actor, String app, @Nullable String pinnedTag, @Nullable Boolean autoDeploy) {
        if (pinnedTag == null && autoDeploy == null) {
            throw new InvalidInput("pinned_tag", "give pinned_tag and/or auto_deploy");
        }
        Target t = target(app);
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        if (pinnedTag != null) {
            changes.put("policy", pinnedTag.isEmpty() ? "semver" : "pinned");
            changes.put("pinnedTag", pinnedTag.isEmpty() ? null : pinnedTag);
        }
        if (autoDeploy != null) {
            changes.put("autoDeploy", autoDeploy);
        }
        return repo(targets.patchWatch(actor, t.app(), t.environment(), changes));
    }

    /** Back to following versioned tags with auto-deploy on. */
    @Transactional
    public Repo reset(Actor actor, String app) {
        Target t = target(app);
        Map<String, @Nullable Object> changes = new LinkedHashMap<>();
        changes.put("policy", "semver");
        changes.put("pinnedTag", null);
        changes.put("autoDeploy", true);
        return repo(targets.patchWatch(actor, t.app(), t.environment(), changes));
    }

    private Target target(String app) {
        return watchedTarget(app).orElseThrow(() -> new NotFound("repo '" + app + "' is not watched"));
    }

    private Optional<Target> watchedTarget(String app) {
        List<Target> watched = jdbc.sql("select 1 from apps where name = ?")
                        .param(app)
                        .query()
                        .listOfRows()
                        .isEmpty()
                ? List.of()
                : targets.list(app).stream()
                        // A hold alone has always counted as watched here (the API shows it inside "watch").
                        .filter(t -> t.watch() != null || t.hold() != null)
                        .toList();
        if (environment != null) {
            return watched.stream()
                    .filter(t -> t.environment().equals(environment))
                    .findFirst();
        }
        if (watched.size() > 1) {
            throw new InvalidInput(
                    "repo",
                    "'" + app
                            + "' is watched in several environments; set catapult.compat.registrywatcher.environment");
        }
        return watched.stream().findFirst();
    }

    private Repo repo(Target t) {
        WatchSpec w = t.watch();
        boolean pinned = w != null && w.policy().equals("pinned");
        String pinnedTag = pinned && w != null ? String.valueOf(w.pinnedTag()) : "";
        List<String> tags = tags(t.app());
        String value = pinned ? pinnedTag : deployedTag(t).orElseGet(() -> highestVersion(tags));
        return new Repo(w != null && w.autoDeploy(), pinnedTag, value, tags);
    }

    private List<String> tags(String app) {
        return jdbc.sql("""
        select t.tag from artifact_tags t join registries r on r.id = t.registry_id join apps a on a.image = r.host || '/' || t.repository
        where a.name = ? order by t.tag
        """).param(app).query(String.class).list();
    }

    private Optional<String> deployedTag(Target t) {
        return jdbc.sql("""
        select r.image_tag from environment_state s join apps a on a.id = s.app_id join environments e on e.id = s.environment_id
        join releases r on r.app_id = s.app_id and r.version = s.current_version
        where a.name = ? and e.name = ? and r.image_tag is not null
        """)
                .params(t.app(), t.environment())
                .query(String.class)
                .optional();
    }

    private static String highestVersion(List<String> tags) {
        return tags.stream()
                .map(SemVerTag::parse)
                .flatMap(Optional::stream)
                .max(Comparator.naturalOrder())
                .map(SemVerTag::tag)
                .orElse("");
    }
}
