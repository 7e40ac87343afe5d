package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.DeployCreateRequest;
import dev.catapult.api.DeployView;
import dev.catapult.api.StatusEntry;
import dev.catapult.common.DomainException;
import dev.catapult.common.NotFound;
import dev.catapult.deploy.Deployments;
import dev.catapult.platform.RateLimited;
import dev.catapult.status.StatusMatrix;
import dev.catapult.target.Targets;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Commands from the app page. Each one is a GET that shows what will happen (the confirmation step) and a
 * POST that does it; the POST redirects back to the app page with a notice (post/redirect/get).
 */
@Controller
class DeployActionsController {
  private final Deployments deployments;
  private final StatusMatrix matrix;
  private final Targets targets;

  DeployActionsController(Deployments deployments, StatusMatrix matrix, Targets targets) {
    this.deployments = deployments;
    this.matrix = matrix;
    this.targets = targets;
  }

  @GetMapping("/ui/apps/{app}/deploy")
  String confirmDeploy(Actor actor, @PathVariable String app, @RequestParam String environment,
      @RequestParam long version, Model model) {
    actor.grants().require(new Permission.Deploy(app, environment));
    StatusEntry now = matrix.read(List.of(environment), app).entries().stream().findFirst()
        .orElseThrow(() -> new NotFound("app '" + app + "' or environment '" + environment + "' not found"));
    boolean rollback = now.version() != null && version < now.version();
    Map<String, String> fields = new LinkedHashMap<>();
    fields.put("environment", environment);
    fields.put("version", Long.toString(version));
    fields.put("rollback", Boolean.toString(rollback));
    model.addAttribute("title", rollback ? "Roll back " + app + " in " + environment : "Deploy " + app + " to " + environment);
    model.addAttribute("summary", (rollback ? "Roll back from v" + now.version() + " to v" + version
        : "Deploy v" + version + (now.version() == null ? "" : " (running: v" + now.version() + ")"))
        + " in " + environment + "." + (rollback ? " Auto-deploy for this environment is held until released." : ""));
    model.addAttribute("action", "/ui/apps/" + path(app) + "/deploys");
    model.addAttribute("fields", fields);
    model.addAttribute("confirmLabel", rollback ? "Roll back to v" + version : "Deploy v" + version);
    model.addAttribute("danger", rollback);
    model.addAttribute("askOtp", actor.human() && actor.totpEnrolled());
    model.addAttribute("back", "/ui/apps/" + path(app));
    return "ui/confirm";
  }

  @PostMapping("/ui/apps/{app}/deploys")
  String deploy(Actor actor, @PathVariable String app, @RequestParam String environment, @RequestParam long version,
      @RequestParam(defaultValue = "false") boolean rollback, @RequestParam(required = false) @Nullable String otp,
      RedirectAttributes flash) {
    try {
      DeployView d = deployments.request(actor, app, new DeployCreateRequest(environment, version, rollback,
          null, otp == null || otp.isBlank() ? null : otp.strip()));
      flash.addFlashAttribute("notice", (d.rollback() ? "Rollback" : "Deploy") + " of v" + d.version() + " to "
          + environment + " requested (" + d.status().replace('_', ' ') + ").");
    } catch (DomainException | RateLimited e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/ui/apps/" + path(app);
  }

  @GetMapping("/ui/apps/{app}/targets/{env}/auto-deploy")
  String confirmAutoDeploy(Actor actor, @PathVariable String app, @PathVariable String env, @RequestParam boolean enabled,
      Model model) {
    actor.grants().require(new Permission.Watch(app, env));
    model.addAttribute("title", (enabled ? "Turn on" : "Turn off") + " auto-deploy for " + app + " in " + env);
    model.addAttribute("summary", enabled
        ? "New releases that match the watch policy will be deployed to " + env + " without asking."
        : "New releases will no longer be deployed to " + env + " automatically.");
    model.addAttribute("action", "/ui/apps/" + path(app) + "/targets/" + path(env) + "/auto-deploy");
    model.addAttribute("fields", Map.of("enabled", Boolean.toString(enabled)));
    model.addAttribute("confirmLabel", enabled ? "Turn auto-deploy on" : "Turn auto-deploy off");
    model.addAttribute("danger", false);
    model.addAttribute("askOtp", false);
    model.addAttribute("back", "/ui/apps/" + path(app));
    return "ui/confirm";
  }

  @PostMapping("/ui/apps/{app}/targets/{env}/auto-deploy")
  String autoDeploy(Actor actor, @PathVariable String app, @PathVariable String env, @RequestParam boolean enabled,
      RedirectAttributes flash) {
    try {
      targets.patchWatch(actor, app, env, Map.of("autoDeploy", enabled));
      flash.addFlashAttribute("notice", "Auto-deploy for " + env + " is now " + (enabled ? "on" : "off") + ".");
    } catch (DomainException e) {
      flash.addFlashAttribute("error", e.getMessage());
    }
    return "redirect:/ui/apps/" + path(app);
  }

  private static String path(String segment) {
    return UriUtils.encodePathSegment(segment, StandardCharsets.UTF_8);
  }
}
