package dev.catapult.ui.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.TargetView;
import dev.catapult.common.Conflict;
import dev.catapult.common.DomainException;
import dev.catapult.common.InvalidInput;
import dev.catapult.targets.Targets;
import dev.catapult.targets.WatchSpec;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A target's watch controls on the app page — auto-deploy on/off, pin a tag (or unpin), hold automation
 * and release the hold — through the same {@link Targets} calls as {@code PATCH …/watch} and
 * {@code POST|DELETE …/watch/hold}. Each is a confirmation page (GET) and a POST that redirects back.
 */
@Controller
class WatchActionsController {
    private final Targets targets;

    WatchActionsController(Targets targets) {
        this.targets = targets;
    }

    @GetMapping("/ui/apps/{app}/targets/{env}/auto-deploy")
    String confirmAutoDeploy(
            Actor actor,
            @PathVariable String app,
            @PathVariable String env,
            @RequestParam boolean enabled,
            Model model) {
        watched(actor, app, env);
        return ConfirmPage.of(
                        (enabled ? "Turn on" : "Turn off") + " auto-deploy for " + app + " in " + env,
                        enabled
                                ? "New releases that match the watch policy will be deployed to " + env
                                        + " without asking."
                                : "New releases will no longer be deployed to " + env + " automatically.",
                        UiPaths.target(app, env) + "/auto-deploy",
                        UiPaths.app(app))
                .field("enabled", Boolean.toString(enabled))
                .confirm(enabled ? "Turn auto-deploy on" : "Turn auto-deploy off", false)
                .render(model);
    }

    @PostMapping("/ui/apps/{app}/targets/{env}/auto-deploy")
    String autoDeploy(
            Actor actor,
            @PathVariable String app,
            @PathVariable String env,
            @RequestParam boolean enabled,
            RedirectAttributes flash) {
        return patch(
                actor,
                app,
                env,
                Map.of("autoDeploy", enabled),
                "Auto-deploy for " + env + " is now " + (enabled ? "on" : "off") + ".",
                flash);
    }

    @GetMapping("/ui/apps/{app}/targets/{env}/pin")
    String confirmPin(
            Actor actor, @PathVariable String app, @PathVariable String env, @RequestParam String tag, Model model) {
        TargetView t = watched(actor, app, env);
        String pinned = validTag(tag);
        boolean auto = Boolean.TRUE.equals(Objects.requireNonNull(t.watch()).get("autoDeploy")); // watched() checked
        return ConfirmPage.of(
                        "Pin " + app + " in " + env + " to the tag " + pinned,
                        "The watch follows the tag '" + pinned + "' (policy pinned, instead of "
                                + t.watch().get("policy") + "): "
                                + (auto
                                        ? "whenever its digest changes, the new image is deployed to " + env + "."
                                        : "auto-deploy is off, so a changed digest is only recorded."),
                        UiPaths.target(app, env) + "/pin",
                        UiPaths.app(app))
                .field("tag", pinned)
                .confirm("Pin to " + pinned, false)
                .render(model);
    }

    @PostMapping("/ui/apps/{app}/targets/{env}/pin")
    String pin(
            Actor actor,
            @PathVariable String app,
            @PathVariable String env,
            @RequestParam String tag,
            RedirectAttributes flash) {
        String pinned = validTag(tag);
        return patch(
                actor,
                app,
                env,
                Map.of("policy", "pinned", "pinnedTag", pinned),
                env + " now follows the tag '" + pinned + "'.",
                flash);
    }

    @GetMapping("/ui/apps/{app}/targets/{env}/unpin")
    String confirmUnpin(Actor actor, @PathVariable String app, @PathVariable String env, Model model) {
        TargetView t = watched(actor, app, env);
        Object tag = Objects.requireNonNull(t.watch()).get("pinnedTag"); // watched() checked
        return ConfirmPage.of(
                        "Unpin " + app + " in " + env,
                        "Stop following " + (tag == null ? "a pinned tag" : "the tag '" + tag + "'")
                                + " and follow versioned tags again (policy semver).",
                        UiPaths.target(app, env) + "/unpin",
                        UiPaths.app(app))
                .confirm("Unpin", false)
                .render(model);
    }

    @PostMapping("/ui/apps/{app}/targets/{env}/unpin")
    String unpin(Actor actor, @PathVariable String app, @PathVariable String env, RedirectAttributes flash) {
        Map<String, Object> changes = new LinkedHashMap<>();
        changes.put("policy", "semver");
        changes.put("pinnedTag", null);
        return patch(actor, app, env, changes, env + " follows versioned tags again.", flash);
    }

    @GetMapping("/ui/apps/{app}/targets/{env}/hold")
    String confirmHold(Actor actor, @PathVariable String app, @PathVariable String env, Model model) {
        actor.grants().require(new Permission.Watch(app, env));
        TargetView t = targets.get(app, env);
        Object current = t.watch() == null || !(t.watch().get("hold") instanceof Map<?, ?> h) ? null : h.get("reason");
        return ConfirmPage.of(
                        "Hold automation for " + app + " in " + env,
                        "Nothing is deployed to " + env
                                + " automatically until the hold is released or its time is up; "
                                + "people can still deploy."
                                + (current == null ? "" : " This replaces the current hold (" + current + ")."),
                        UiPaths.target(app, env) + "/hold",
                        UiPaths.app(app))
                .input(new ConfirmPage.Input(
                        "reason", "Reason", "text", true, 500, "Shown on the app page and in the audit log."))
                .input(new ConfirmPage.Input(
                        "until",
                        "Until (UTC, optional)",
                        "datetime-local",
                        false,
                        0,
                        "Leave empty to hold until someone releases it."))
                .confirm("Hold automation", true)
                .render(model);
    }

    @PostMapping("/ui/apps/{app}/targets/{env}/hold")
    String hold(
            Actor actor,
            @PathVariable String app,
            @PathVariable String env,
            @RequestParam String reason,
            @RequestParam(required = false) @Nullable String until,
            RedirectAttributes flash) {
        Instant end = until(until);
        try {
            targets.hold(actor, app, env, reason.strip(), end);
            flash.addFlashAttribute(
                    "notice",
                    "Automation for " + env + " is held"
                            + (end == null ? "" : " until " + UiFormat.INSTANCE.time(end) + " UTC") + ".");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + UiPaths.app(app);
    }

    @GetMapping("/ui/apps/{app}/targets/{env}/hold/release")
    String confirmRelease(Actor actor, @PathVariable String app, @PathVariable String env, Model model) {
        actor.grants().require(new Permission.Watch(app, env));
        TargetView t = targets.get(app, env);
        if (t.watch() == null || !(t.watch().get("hold") instanceof Map<?, ?> hold)) {
            throw new Conflict("automation for " + app + " in " + env + " is not held");
        }
        return ConfirmPage.of(
                        "Release the hold on " + app + " in " + env,
                        "The hold (" + hold.get("reason") + ", by " + hold.get("by")
                                + ") ends and the watch is evaluated at once: "
                                + "the newest eligible image may be deployed straight away.",
                        UiPaths.target(app, env) + "/hold/release",
                        UiPaths.app(app))
                .confirm("Release the hold", true)
                .render(model);
    }

    @PostMapping("/ui/apps/{app}/targets/{env}/hold/release")
    String release(Actor actor, @PathVariable String app, @PathVariable String env, RedirectAttributes flash) {
        try {
            targets.releaseHold(actor, app, env);
            flash.addFlashAttribute("notice", "The hold on " + env + " is released.");
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + UiPaths.app(app);
    }

    /** The target, for someone allowed to change its watch; 409 when it has no watch policy to change. */
    private TargetView watched(Actor actor, String app, String env) {
        actor.grants().require(new Permission.Watch(app, env));
        TargetView t = targets.get(app, env);
        if (t.watch() == null || t.watch().get("policy") == null) {
            throw new Conflict(app + " is not watched in " + env + "; set a watch policy on the target first");
        }
        return t;
    }

    private String patch(
            Actor actor, String app, String env, Map<String, Object> changes, String notice, RedirectAttributes flash) {
        try {
            targets.patchWatch(actor, app, env, changes);
            flash.addFlashAttribute("notice", notice);
        } catch (DomainException e) {
            flash.addFlashAttribute("error", e.getMessage());
        }
        return "redirect:" + UiPaths.app(app);
    }

    /** The tag as the watch policy validates it (400 page for a malformed one). */
    private static String validTag(String tag) {
        String t = tag.strip();
        WatchSpec.parse(Map.of("policy", "pinned", "pinnedTag", t));
        return t;
    }

    /** A {@code datetime-local} value, read as UTC; empty means no end. */
    private static @Nullable Instant until(@Nullable String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDateTime.parse(text.strip()).toInstant(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new InvalidInput("until", "'" + text.strip() + "' is not a date and time like 2026-05-01T14:30");
        }
    }
}
