package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.common.Conflict;
import dev.catapult.common.DomainException;
import dev.catapult.common.NotFound;
import dev.catapult.deploy.Deploy;
import dev.catapult.deploy.Deployments;
import dev.catapult.deploy.NewDeploy;
import dev.catapult.environment.Environment;
import dev.catapult.environment.Environments;
import dev.catapult.environment.Promotion;
import dev.catapult.platform.RateLimited;
import dev.catapult.status.StatusCell;
import dev.catapult.status.StatusMatrix;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * Deploy, rollback and promote from the app page. Each is a GET that shows what will happen (the
 * confirmation step) and a POST that does it; the POST redirects back to the app page with a notice
 * (post/redirect/get).
 */
@Controller
class DeployActionsController {
    private final Deployments deployments;
    private final StatusMatrix matrix;
    private final Environments environments;

    DeployActionsController(Deployments deployments, StatusMatrix matrix, Environments environments) {
        this.deployments = deployments;
        this.matrix = matrix;
        this.environments = environments;
    }

    @GetMapping("/ui/apps/{app}/deploy")
    String confirmDeploy(
            Actor actor,
            @PathVariable String app,
            @RequestParam String environment,
            @RequestParam long version,
            Model model) {
        actor.grants().require(new Permission.Deploy(app, environment));
        StatusCell now = status(app, environment);
        boolean rollback = now.version() != null && version < now.version();
        return ConfirmPage.of(
                        rollback ? "Roll back " + app + " in " + environment : "Deploy " + app + " to " + environment,
                        (rollback
                                        ? "Roll back from v" + now.version() + " to v" + version
                                        : "Deploy v" + version
                                                + (now.version() == null ? "" : " (running: v" + now.version() + ")"))
                                + " in " + environment + "."
                                + (rollback ? " Auto-deploy for this environment is held until released." : ""),
                        "/ui/apps/" + UiPaths.segment(app) + "/deploys",
                        UiPaths.app(app))
                .field("environment", environment)
                .field("version", Long.toString(version))
                .field("rollback", Boolean.toString(rollback))
                .confirm(rollback ? "Roll back to v" + version : "Deploy v" + version, rollback)
                .askOtp(actor.human() && actor.totpEnrolled())
                .render(model);
    }

    @PostMapping("/ui/apps/{app}/deploys")
    String deploy(
            Actor actor,
            @PathVariable String app,
            @RequestParam String environment,
            @RequestParam long version,
            @RequestParam(defaultValue = "false") boolean rollback,
            @RequestParam(required = false) @Nullable String otp,
            RedirectAttributes flash) {
        try {
            Deploy d = deployments.request(
                    actor, app, new NewDeploy(environment, version, rollback, null, blankToNull(otp)));
            flash.addFlashAttribute(
                    "notice",
                    (d.rollback() ? "Rollback" : "Deploy") + " of v" + d.version() + " to " + environment
                            + " requested (" + d.status().wireName().replace('_', ' ') + ").");
        } catch (DomainException | RateLimited e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + UiPaths.app(app);
    }

    @GetMapping("/ui/apps/{app}/promote")
    String confirmPromote(
            Actor actor, @PathVariable String app, @RequestParam String from, @RequestParam String to, Model model) {
        actor.grants().require(new Permission.Deploy(app, to));
        Environment source = environments.get(from);
        Environment dest = environments.get(to);
        Promotion.check(source.name(), source.rank(), dest.name(), dest.rank());
        Long version = status(app, from).version();
        if (version == null) {
            throw new Conflict("app '" + app + "' has no successful deploy in '" + from + "' to promote");
        }
        Long running = status(app, to).version();
        return ConfirmPage.of(
                        "Promote " + app + " from " + from + " to " + to,
                        "Deploy v" + version + " (what runs in " + from + ") to " + to
                                + (running == null ? "" : " (running: v" + running + ")") + "."
                                + (dest.isProtected() ? " " + to + " is protected." : ""),
                        "/ui/apps/" + UiPaths.segment(app) + "/promote",
                        UiPaths.app(app))
                .field("from", from)
                .field("to", to)
                .confirm("Promote v" + version + " to " + to, false)
                .askOtp(dest.isProtected() && actor.human() && actor.totpEnrolled())
                .render(model);
    }

    @PostMapping("/ui/apps/{app}/promote")
    String promote(
            Actor actor,
            @PathVariable String app,
            @RequestParam String from,
            @RequestParam String to,
            @RequestParam(required = false) @Nullable String otp,
            RedirectAttributes flash) {
        try {
            Deploy d = deployments.promote(actor, app, from, to, blankToNull(otp));
            flash.addFlashAttribute(
                    "notice",
                    "Promotion of v" + d.version() + " from " + from + " to " + to + " requested ("
                            + d.status().wireName().replace('_', ' ') + ").");
        } catch (DomainException | RateLimited e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + UiPaths.app(app);
    }

    private StatusCell status(String app, String environment) {
        return matrix.read(List.of(environment), app).entries().stream()
                .findFirst()
                .orElseThrow(() -> new NotFound("app '" + app + "' or environment '" + environment + "' not found"));
    }

    private static @Nullable String blankToNull(@Nullable String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
