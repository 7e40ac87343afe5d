package dev.catapult.environment.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.EnvironmentCreateRequest;
import dev.catapult.api.EnvironmentPatchRequest;
import dev.catapult.api.EnvironmentView;
import dev.catapult.api.Page;
import dev.catapult.environment.Environment;
import dev.catapult.environment.EnvironmentChanges;
import dev.catapult.environment.Environments;
import dev.catapult.environment.NewEnvironment;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** Environments are few (a handful per installation), so the list is one page. */
@RestController
class EnvironmentController {
    private final Environments environments;

    EnvironmentController(Environments environments) {
        this.environments = environments;
    }

    @PostMapping("/api/v1/environments")
    @ResponseStatus(HttpStatus.CREATED)
    EnvironmentView create(Actor actor, @RequestBody EnvironmentCreateRequest body) {
        return view(environments.create(
                actor,
                new NewEnvironment(
                        body.name(), body.rank(), body.isProtected(), body.requiredApprovals(), body.accounts())));
    }

    @GetMapping("/api/v1/environments")
    Page<EnvironmentView> list(Actor actor) {
        actor.grants().require(Permission.read());
        return new Page<>(
                environments.list().stream().map(EnvironmentController::view).toList(), null);
    }

    @GetMapping("/api/v1/environments/{env}")
    EnvironmentView get(Actor actor, @PathVariable String env) {
        actor.grants().require(Permission.read());
        return view(environments.get(env));
    }

    @PatchMapping("/api/v1/environments/{env}")
    EnvironmentView patch(Actor actor, @PathVariable String env, @RequestBody EnvironmentPatchRequest body) {
        return view(environments.patch(
                actor,
                env,
                new EnvironmentChanges(body.rank(), body.isProtected(), body.requiredApprovals(), body.accounts())));
    }

    /** The wire form of an environment; the UI shows the same. */
    static EnvironmentView view(Environment e) {
        return new EnvironmentView(
                e.name(), e.rank(), e.isProtected(), e.requiredApprovals(), e.accounts(), e.createdAt(), e.updatedAt());
    }
}
