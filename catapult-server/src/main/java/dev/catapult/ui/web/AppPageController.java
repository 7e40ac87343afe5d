package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.DeployView;
import dev.catapult.app.App;
import dev.catapult.app.Apps;
import dev.catapult.artifact.ArtifactQueries;
import dev.catapult.deploy.Deployments;
import dev.catapult.deploy.RollbackTarget;
import dev.catapult.deploy.web.DeployViews;
import dev.catapult.platform.PageRequest;
import dev.catapult.release.Release;
import dev.catapult.release.ReleaseLedger;
import dev.catapult.status.StatusCell;
import dev.catapult.status.StatusMatrix;
import dev.catapult.targets.Target;
import dev.catapult.targets.TargetHold;
import dev.catapult.targets.Targets;
import dev.catapult.targets.WatchSpec;
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
            StatusCell status,
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
        App view = apps.get(app);
        List<Release> releaseList =
                releases.list(app, PageRequest.of(100, null), null).items();
        List<DeployView> deploys = deployments.list(app, null, null, PageRequest.of(50, null)).items().stream()
                .map(DeployViews::of)
                .toList();
        Map<String, Target> byEnv =
                targets.list(app).stream().collect(Collectors.toMap(Target::environment, Function.identity()));
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

    private static @Nullable Watch watch(@Nullable Target t) {
        if (t == null || (t.watch() == null && t.hold() == null)) {
            return null;
        }
        TargetHold h = t.hold();
        WatchSpec w = t.watch();
        return new Watch(
                w == null ? null : w.policy(),
                w != null && w.autoDeploy(),
                w == null ? null : w.pinnedTag(),
                h == null ? null : new Hold(h.reason(), h.until(), h.by()));
    }

    private @Nullable Long rollbackTo(String app, StatusCell e) {
        if (e.version() == null) {
            return null;
        }
        return switch (deployments.rollbackTarget(app, e.environment())) {
            case RollbackTarget.To to -> to.version();
            case RollbackTarget.None none -> null;
        };
    }
}
