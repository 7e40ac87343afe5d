package dev.catapult.deploy.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.DeployApproveRequest;
import dev.catapult.api.DeployCreateRequest;
import dev.catapult.api.DeployStatusReport;
import dev.catapult.api.DeployView;
import dev.catapult.api.Page;
import dev.catapult.api.PromoteRequest;
import dev.catapult.api.RollbackTargetView;
import dev.catapult.common.NotFound;
import dev.catapult.deploy.Deployments;
import dev.catapult.deploy.NewDeploy;
import dev.catapult.deploy.RollbackTarget;
import dev.catapult.deploy.StatusReport;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.web.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class DeployController {
    private final Deployments deployments;

    DeployController(Deployments deployments) {
        this.deployments = deployments;
    }

    @PostMapping("/api/v1/apps/{app}/deploys")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeployView create(Actor actor, @PathVariable String app, @RequestBody DeployCreateRequest body) {
        return DeployViews.of(deployments.request(
                actor,
                app,
                new NewDeploy(
                        body.environment(),
                        body.version(),
                        Boolean.TRUE.equals(body.rollback()),
                        body.reason(),
                        body.otp())));
    }

    @PostMapping("/api/v1/apps/{app}/promote")
    @ResponseStatus(HttpStatus.ACCEPTED)
    DeployView promote(Actor actor, @PathVariable String app, @RequestBody PromoteRequest body) {
        return DeployViews.of(deployments.promote(actor, app, body.from(), body.to(), body.otp()));
    }

    @GetMapping("/api/v1/apps/{app}/deploys")
    Page<DeployView> list(
            Actor actor,
            @PathVariable String app,
            @RequestParam(required = false) @Nullable String environment,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        actor.grants().require(Permission.read());
        return Pages.wire(deployments.list(app, environment, status, PageRequest.of(limit, cursor)), DeployViews::of);
    }

    @GetMapping("/api/v1/deploys/{id}")
    DeployView get(Actor actor, @PathVariable String id) {
        actor.grants().require(Permission.read());
        return DeployViews.of(deployments.get(id));
    }

    @PostMapping("/api/v1/deploys/{id}/approve")
    DeployView approve(
            Actor actor, @PathVariable String id, @RequestBody(required = false) @Nullable DeployApproveRequest body) {
        return DeployViews.of(deployments.approve(actor, id, body == null ? null : body.otp()));
    }

    @PostMapping("/api/v1/deploys/{id}/cancel")
    DeployView cancel(Actor actor, @PathVariable String id) {
        return DeployViews.of(deployments.cancel(actor, id));
    }

    @PostMapping("/api/v1/deploys/{id}/status")
    DeployView report(Actor actor, @PathVariable String id, @RequestBody DeployStatusReport body) {
        return DeployViews.of(
                deployments.report(actor, id, new StatusReport(body.status(), body.message(), body.externalRef())));
    }

    /** What a rollback goes to; 404 when nothing runs there or nothing older ever ran there. */
    @GetMapping("/api/v1/apps/{app}/environments/{env}/rollback-target")
    RollbackTargetView rollbackTarget(Actor actor, @PathVariable String app, @PathVariable String env) {
        actor.grants().require(Permission.read());
        return switch (deployments.rollbackTarget(app, env)) {
            case RollbackTarget.To to -> DeployViews.of(app, env, to);
            case RollbackTarget.None none -> throw new NotFound(none.why());
        };
    }
}
