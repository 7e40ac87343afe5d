package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.app.App;
import dev.catapult.app.Apps;
import dev.catapult.artifact.ArtifactQueries;
import dev.catapult.environment.Environment;
import dev.catapult.environment.Environments;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.Slice;
import dev.catapult.runtime.RuntimeQueries;
import dev.catapult.runtime.TrackedInstance;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** Runtime instances (what the runtime sources report running), newest update first, filtered by app and environment. */
@Controller
class InstancesPageController {
    static final int LIMIT = 200;
    private final RuntimeQueries runtime;
    private final Apps apps;
    private final Environments environments;
    private final ArtifactQueries artifacts;

    InstancesPageController(RuntimeQueries runtime, Apps apps, Environments environments, ArtifactQueries artifacts) {
        this.runtime = runtime;
        this.apps = apps;
        this.environments = environments;
        this.artifacts = artifacts;
    }

    @GetMapping("/ui/instances")
    String page(
            Actor actor,
            @RequestParam(required = false) @Nullable String app,
            @RequestParam(required = false) @Nullable String environment,
            @RequestParam(required = false) @Nullable String cursor,
            Model model) {
        actor.grants().require(Permission.read());
        String byApp = blankToNull(app);
        String byEnv = blankToNull(environment);
        // An unknown name is a wrong link, not an empty result: 404 like the app page.
        if (byApp != null) {
            apps.find(byApp);
        }
        if (byEnv != null) {
            environments.find(byEnv);
        }
        Slice<TrackedInstance> page = runtime.instances(byApp, byEnv, null, PageRequest.of(LIMIT, blankToNull(cursor)));
        List<TrackedInstance> instances = page.items();
        model.addAttribute("actor", actor);
        model.addAttribute("instances", instances);
        model.addAttribute("nextCursor", page.nextCursor());
        model.addAttribute("limit", LIMIT);
        model.addAttribute(
                "catalogued",
                artifacts.catalogued(instances.stream()
                        .map(TrackedInstance::digest)
                        .filter(Objects::nonNull)
                        .toList()));
        model.addAttribute(
                "apps",
                apps.list(PageRequest.of(PageRequest.MAX_LIMIT, null), false).items().stream()
                        .map(App::name)
                        .toList());
        model.addAttribute(
                "environments",
                environments.list().stream().map(Environment::name).toList());
        model.addAttribute("filterApp", byApp == null ? "" : byApp);
        model.addAttribute("filterEnvironment", byEnv == null ? "" : byEnv);
        return "ui/instances";
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
