package dev.catapult.release.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.ContainsView;
import dev.catapult.api.Page;
import dev.catapult.api.ReleaseCreateRequest;
import dev.catapult.api.ReleaseView;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.web.Pages;
import dev.catapult.release.NewRelease;
import dev.catapult.release.Release;
import dev.catapult.release.ReleaseContainment;
import dev.catapult.release.ReleaseLedger;
import dev.catapult.release.ReleaseSource;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
class ReleaseController {
    private final ReleaseLedger ledger;

    ReleaseController(ReleaseLedger ledger) {
        this.ledger = ledger;
    }

    /**
     * Creates a release. The CLI marks its requests with {@code User-Agent: catapult-cli/<version>}, recorded as
     * source {@code cli}; every other client is {@code api}. A replayed idempotent request answers with the
     * original release and {@code Idempotent-Replayed: true}.
     */
    @PostMapping("/api/v1/apps/{app}/releases")
    ResponseEntity<ReleaseView> create(
            Actor actor,
            @PathVariable String app,
            @RequestBody ReleaseCreateRequest body,
            @RequestHeader(name = "Idempotency-Key", required = false) @Nullable String key,
            @RequestHeader(name = "User-Agent", required = false) @Nullable String userAgent) {
        ReleaseSource source =
                userAgent != null && userAgent.startsWith("catapult-cli") ? ReleaseSource.CLI : ReleaseSource.API;
        ReleaseLedger.Created created = ledger.create(
                actor,
                app,
                new NewRelease(
                        body.commit(), body.image(), body.imageTag(), body.changelog(), body.commits(), body.noImage()),
                key,
                source);
        return ResponseEntity.status(201)
                .header("Idempotent-Replayed", Boolean.toString(created.replayed()))
                .header(
                        "Location",
                        "/api/v1/apps/" + app + "/releases/" + created.release().version())
                .body(view(created.release()));
    }

    @GetMapping("/api/v1/apps/{app}/releases")
    Page<ReleaseView> list(
            Actor actor,
            @PathVariable String app,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(required = false) @Nullable String contains) {
        actor.grants().require(Permission.read());
        return Pages.wire(ledger.list(app, PageRequest.of(limit, cursor), contains), ReleaseController::view);
    }

    @GetMapping("/api/v1/apps/{app}/releases/latest")
    ReleaseView latest(Actor actor, @PathVariable String app) {
        actor.grants().require(Permission.read());
        return view(ledger.latest(app));
    }

    @GetMapping("/api/v1/apps/{app}/releases/{version}")
    ReleaseView get(Actor actor, @PathVariable String app, @PathVariable long version) {
        actor.grants().require(Permission.read());
        return view(ledger.get(app, version));
    }

    @GetMapping("/api/v1/apps/{app}/releases/{version}/contains")
    ContainsView contains(
            Actor actor,
            @PathVariable String app,
            @PathVariable long version,
            @RequestParam(required = false) @Nullable String commit) {
        actor.grants().require(Permission.read());
        ReleaseContainment c = ledger.contains(app, version, commit);
        // The wire answers JSON true or false, or the string "unknown" when the commit lists cannot tell.
        Object answer = switch (c.contains()) {
            case TRUE -> Boolean.TRUE;
            case FALSE -> Boolean.FALSE;
            case UNKNOWN -> "unknown";
        };
        return new ContainsView(c.app(), c.version(), c.commit(), answer);
    }

    static ReleaseView view(Release r) {
        return new ReleaseView(
                r.app(),
                r.version(),
                r.commit(),
                r.image(),
                r.imageTag(),
                r.author(),
                r.changelog(),
                r.commits(),
                r.source(),
                r.revision(),
                r.createdAt());
    }
}
