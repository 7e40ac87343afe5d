package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.AppView;
import dev.catapult.api.DeployView;
import dev.catapult.api.ReleaseView;
import dev.catapult.api.StatusEntry;
import dev.catapult.api.TargetView;
import dev.catapult.app.Apps;
import dev.catapult.deploy.Deployments;
import dev.catapult.platform.PageRequest;
import dev.catapult.release.ReleaseLedger;
import dev.catapult.status.StatusMatrix;
import dev.catapult.target.Targets;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/** One app: its environments with deploy, rollback and auto-deploy controls, its releases and deploy history. */
@Controller
class AppPageController {
  private final Apps apps;
  private final ReleaseLedger releases;
  private final Deployments deployments;
  private final StatusMatrix matrix;
  private final Targets targets;

  AppPageController(Apps apps, ReleaseLedger releases, Deployments deployments, StatusMatrix matrix, Targets targets) {
    this.apps = apps;
    this.releases = releases;
    this.deployments = deployments;
    this.matrix = matrix;
    this.targets = targets;
  }

  /**
   * One environment row. {@code rollbackTo} is the newest version below the running one that once ran here;
   * {@code autoDeploy} is null when the environment is not watched.
   */
  record EnvRow(String name, StatusEntry status, @Nullable Boolean autoDeploy, @Nullable Long rollbackTo,
      boolean canDeploy, boolean canWatch) {}

  @GetMapping("/ui/apps/{app}")
  String page(Actor actor, @PathVariable String app, Model model) {
    actor.grants().require(Permission.read());
    AppView view = apps.get(app);
    List<ReleaseView> releaseList = releases.list(app, PageRequest.of(100, null), null).items();
    List<DeployView> deploys = deployments.list(app, null, null, PageRequest.of(50, null)).items();
    Map<String, TargetView> byEnv = targets.list(app).stream()
        .collect(Collectors.toMap(TargetView::environment, Function.identity()));
    List<EnvRow> envs = matrix.read(null, app).entries().stream().map(e -> {
      TargetView t = byEnv.get(e.environment());
      Boolean auto = t == null || t.watch() == null ? null : Boolean.TRUE.equals(t.watch().get("autoDeploy"));
      return new EnvRow(e.environment(), e, auto, rollbackTo(e, deploys),
          actor.grants().allow(new Permission.Deploy(app, e.environment())),
          actor.grants().allow(new Permission.Watch(app, e.environment())));
    }).toList();
    model.addAttribute("actor", actor);
    model.addAttribute("app", view);
    model.addAttribute("envs", envs);
    model.addAttribute("releases", releaseList);
    model.addAttribute("deploys", deploys);
    return "ui/app";
  }

  private static @Nullable Long rollbackTo(StatusEntry e, List<DeployView> deploys) {
    if (e.version() == null) {
      return null;
    }
    return deploys.stream()
        .filter(d -> d.environment().equals(e.environment()) && d.status().equals("succeeded") && d.version() < e.version())
        .map(DeployView::version).max(Long::compare).orElse(null);
  }
}
