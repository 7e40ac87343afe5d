package dev.catapult.compat.registrywatcher.web;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.catapult.access.Actor;
import dev.catapult.common.DomainException;
import dev.catapult.common.Forbidden;
import dev.catapult.common.NotFound;
import dev.catapult.compat.registrywatcher.RegistrywatcherRepos;
import java.util.LinkedHashMap;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * registrywatcher's API with its shapes (snake_case fields, {@code {"message": …}} answers), at its own
 * paths and under {@code /compat/registrywatcher}. Authenticated like every other route.
 */
@RestController
class RegistrywatcherController {
    private final RegistrywatcherRepos repos;

    RegistrywatcherController(RegistrywatcherRepos repos) {
        this.repos = repos;
    }

    /** registrywatcher's {@code POST /tags/{repo}} body. */
    record TagUpdate(
            @JsonProperty("pinned_tag") @Nullable String pinnedTag,
            @JsonProperty("auto_deploy") @Nullable Boolean autoDeploy) {}

    @GetMapping({"/ping", "/compat/registrywatcher/ping"})
    Map<String, String> ping(Actor actor) {
        return Map.of("message", "pong");
    }

    @GetMapping({"/repos", "/compat/registrywatcher/repos"})
    Map<String, Map<String, Object>> repos(Actor actor) {
        Map<String, Map<String, Object>> out = new LinkedHashMap<>();
        repos.all(actor).forEach((name, repo) -> out.put(name, shape(repo)));
        return out;
    }

    @GetMapping({"/tags/{repo}", "/compat/registrywatcher/tags/{repo}"})
    Map<String, String> tag(Actor actor, @PathVariable String repo) {
        return Map.of("repo_tag", repos.get(actor, repo).pinnedTagValue());
    }

    @PostMapping({"/tags/{repo}", "/compat/registrywatcher/tags/{repo}"})
    Map<String, String> update(Actor actor, @PathVariable String repo, @RequestBody TagUpdate body) {
        RegistrywatcherRepos.Repo r = repos.update(actor, repo, body.pinnedTag(), body.autoDeploy());
        return Map.of(
                "message",
                "repo " + repo + " now "
                        + (r.pinnedTag().isEmpty() ? "follows versioned tags" : "pins " + r.pinnedTag())
                        + " with auto_deploy " + r.autoDeploy());
    }

    @PostMapping({"/tags/{repo}/reset", "/compat/registrywatcher/tags/{repo}/reset"})
    Map<String, String> reset(Actor actor, @PathVariable String repo) {
        repos.reset(actor, repo);
        return Map.of("message", "repo " + repo + " reset to versioned tags with auto_deploy true");
    }

    /** registrywatcher answered errors as {@code {"message": …}}; its clients read that field. */
    @ExceptionHandler(DomainException.class)
    ResponseEntity<Map<String, String>> error(DomainException e) {
        int status = e instanceof NotFound
                ? 404
                : e instanceof Forbidden ? 403 : e instanceof dev.catapult.common.Conflict ? 409 : 400;
        return ResponseEntity.status(status).body(Map.of("message", e.getMessage()));
    }

    private static Map<String, Object> shape(RegistrywatcherRepos.Repo r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("auto_deploy", r.autoDeploy());
        m.put("pinned_tag", r.pinnedTag());
        m.put("pinned_tag_value", r.pinnedTagValue());
        m.put("tags", r.tags());
        return m;
    }
}
