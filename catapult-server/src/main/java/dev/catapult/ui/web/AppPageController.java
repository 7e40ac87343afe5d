package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.AppView;
import dev.catapult.api.DeployView;
import dev.catapult.api.ReleaseView;
import dev.catapult.api.StatusEntry;
import dev.catapult.api.TargetView;
import dev.catapult.app.Apps;
import dev.catapult.artifact.ArtifactQueries;
import dev.catapult.deploy.Deployments;
import dev.catapult.deploy.RollbackTarget;
import dev.catapult.deploy.web.DeployViews;
import dev.catapult.platform.PageRequest;
import dev.catapult.release.ReleaseLedger;
import dev.catapult.status.StatusMatrix;
import dev.catapult.targets.Targets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * One app: its environments with deploy, rollback, promote and watch controls (auto-deploy, pin, hold), its
 * releases (linked to their artifacts) and deploy history.
 */
@Controller
class AppPageController {
    private final Apps apps;
    private final ReleaseLedger releases;
    private final Deployments deployments;
    private final StatusMatrix matrix;
    private final Targets targets;
    private final ArtifactQueries artifacts;

    AppPageController(
            Apps apps,
            ReleaseLedger releases,
            Deployments deployments,
            StatusMatrix matrix,
            Targets targets,
            ArtifactQueries artifacts) {
        this.apps = apps;
        this.releases = releases;
        this.deployments = deployments;
        this.matrix = matrix;
        this.targets = targets;
        this.artifacts = artifacts;
    }

    /**
     * One environment row. {@code rollbackTo} is what a rollback goes to ({@link RollbackTarget}, the answer the
     * API and the CLI give too);
     * {@code watch} is null when the environment has no target with a watch policy or hold.
     */
    record EnvRow(
            String name,
            StatusEntry status,
            @Nullable Watch watch,
            @Nullable Long rollbackTo,
            boolean canDeploy,
            boolean canWatch) {}

    /** A target's watch as the page shows it; {@code policy} is null for a hold on a target without a watch. */
    record Watch(
            @Nullable String policy,
            boolean autoDeploy,
            @Nullable String pinnedTag,
            @Nullable Hold hold) {}

    record Hold(
            String reason,
            @Nullable Instant until,
            @Nullable String by) {}

    @GetMapping("/ui/apps/{app}")
    String page(Actor actor, @PathVariable String app, Model model) {
        actor.grants().require(Permission.read());
        AppView view = apps.get(app);
        List<ReleaseView> releaseList =
                releases.list(app, PageRequest.of(100, null), null).items();
        List<DeployView> deploys = deployments.list(app, null, null, PageRequest.of(50, null)).items().stream()
                .map(DeployViews::of)
                .toList();
        Map<String, TargetView> byEnv =
                targets.list(app).stream().collect(Collectors.toMap(TargetView::environment, Function.identity()));
        List<EnvRow> envs = matrix.read(null, app).entries().stream()
                .map(e -> new EnvRow(
                        e.environment(),
                        e,
                        watch(byEnv.get(e.environment())),
                        rollbackTo(app, e),
                        actor.grants().allow(new Permission.Deploy(app, e.environment())),
                        actor.grants().allow(new Permission.Watch(app, e.environment()))))
                .toList();
        model.addAttribute("actor", actor);
        model.addAttribute("app", view);
        model.addAttribute("envs", envs);
        List<String> promoteFrom = envs.stream()
                .filter(r -> r.status().version() != null)
                .map(EnvRow::name)
                .toList();
        List<String> promoteTo =
                envs.stream().filter(EnvRow::canDeploy).map(EnvRow::name).toList();
        model.addAttribute("promoteFrom", promoteFrom);
        model.addAttribute("promoteTo", promoteTo);
        // Preselected: the next environment (in rank order) after the first one something runs in.
        List<String> order = envs.stream().map(EnvRow::name).toList();
        model.addAttribute(
                "promoteDefaultTo",
                promoteFrom.isEmpty()
                        ? null
                        : promoteTo.stream()
                                .filter(n -> order.indexOf(n) > order.indexOf(promoteFrom.getFirst()))
                                .findFirst()
                                .orElse(null));
        model.addAttribute("releases", releaseList);
        model.addAttribute(
                "catalogued",
                artifacts.catalogued(releaseList.stream()
                        .map(r -> UiFormat.INSTANCE.digestOf(r.image()))
                        .filter(Objects::nonNull)
                        .toList()));
        model.addAttribute("deploys", deploys);
        return "ui/app";
    }

    private static @Nullable Watch watch(@Nullable TargetView t) {
        if (t == null || t.watch() == null) {
            return null;
        }
        Map<String, Object> w = t.watch();
        Hold hold = w.get("hold") instanceof Map<?, ?> h && h.get("reason") != null
                ? new Hold(
                        h.get("reason").toString(),
                        h.get("until") == null
                                ? null
                                : Instant.parse(h.get("until").toString()),
                        h.get("by") == null ? null : h.get("by").toString())
                : null;
        return new Watch(
                w.get("policy") == null ? null : w.get("policy").toString(),
                Boolean.TRUE.equals(w.get("autoDeploy")),
                w.get("pinnedTag") == null ? null : w.get("pinnedTag").toString(),
                hold);
    }

    private @Nullable Long rollbackTo(String app, StatusEntry e) {
        if (e.version() == null) {
            return null;
        }
        return switch (deployments.rollbackTarget(app, e.environment())) {
            case RollbackTarget.To to -> to.version();
            case RollbackTarget.None none -> null;
        };
    }
}
