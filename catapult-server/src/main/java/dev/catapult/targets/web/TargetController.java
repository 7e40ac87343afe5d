package dev.catapult.targets.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.Page;
import dev.catapult.api.TargetPutRequest;
import dev.catapult.api.TargetView;
import dev.catapult.targets.Targets;
import java.time.Instant;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

@RestController
class TargetController {
    private final Targets targets;

    TargetController(Targets targets) {
        this.targets = targets;
    }

    /** {@code POST …/watch/hold}. */
    record HoldRequest(@Nullable String reason, @Nullable Instant until) {}

    @PutMapping("/api/v1/apps/{app}/targets/{env}")
    TargetView put(
            Actor actor, @PathVariable String app, @PathVariable String env, @RequestBody TargetPutRequest body) {
        return TargetViews.view(targets.put(actor, app, env, body.deployer(), body.watch()));
    }

    @GetMapping("/api/v1/apps/{app}/targets")
    Page<TargetView> list(Actor actor, @PathVariable String app) {
        actor.grants().require(Permission.read());
        return new Page<>(targets.list(app).stream().map(TargetViews::view).toList(), null);
    }

    @GetMapping("/api/v1/apps/{app}/targets/{env}")
    TargetView get(Actor actor, @PathVariable String app, @PathVariable String env) {
        actor.grants().require(Permission.read());
        return TargetViews.view(targets.get(app, env));
    }

    @PatchMapping("/api/v1/apps/{app}/targets/{env}/watch")
    TargetView patchWatch(
            Actor actor, @PathVariable String app, @PathVariable String env, @RequestBody Map<String, Object> body) {
        return TargetViews.view(targets.patchWatch(actor, app, env, body));
    }

    @PostMapping("/api/v1/apps/{app}/targets/{env}/watch/hold")
    TargetView hold(Actor actor, @PathVariable String app, @PathVariable String env, @RequestBody HoldRequest body) {
        return TargetViews.view(targets.hold(actor, app, env, body.reason(), body.until()));
    }

    @DeleteMapping("/api/v1/apps/{app}/targets/{env}/watch/hold")
    TargetView releaseHold(Actor actor, @PathVariable String app, @PathVariable String env) {
        return TargetViews.view(targets.releaseHold(actor, app, env));
    }
}
