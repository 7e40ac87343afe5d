package dev.catapult.compat.cdp.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.common.InvalidInput;
import dev.catapult.common.NotFound;
import dev.catapult.compat.cdp.CdpDeployment;
import dev.catapult.compat.cdp.CdpDeploymentSource;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** cdp-portal-backend's deployment and what's-running-where reads. */
@RestController
@RequestMapping("/compat/cdp")
class CdpDeploymentsController {
    /** cdp returned the 200 most recent events and paged with {@code offset}. */
    private static final int PAGE = 200;

    private final CdpDeploymentSource deployments;

    CdpDeploymentsController(CdpDeploymentSource deployments) {
        this.deployments = deployments;
    }

    @GetMapping("/deployments")
    List<CdpDeployment> latest(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer offset,
            @RequestParam(required = false) @Nullable String environment) {
        actor.grants().require(Permission.read());
        if (offset != null && offset < 0) {
            throw new InvalidInput("offset", "must not be negative");
        }
        return deployments.latest(
                environment == null || environment.isBlank() ? null : environment, offset == null ? 0 : offset, PAGE);
    }

    @GetMapping("/deployments/{deploymentId}")
    CdpDeployment deployment(Actor actor, @PathVariable String deploymentId) {
        actor.grants().require(Permission.read());
        return deployments.find(deploymentId).orElseThrow(() -> new NotFound(deploymentId + " was not found"));
    }

    @GetMapping("/whats-running-where")
    List<CdpDeployment> whatsRunningWhere(Actor actor) {
        actor.grants().require(Permission.read());
        return deployments.running(null);
    }

    /** An unknown service runs nowhere: an empty list, as cdp answered. */
    @GetMapping("/whats-running-where/{service}")
    List<CdpDeployment> whatsRunningWhere(Actor actor, @PathVariable String service) {
        actor.grants().require(Permission.read());
        return deployments.running(service);
    }
}
