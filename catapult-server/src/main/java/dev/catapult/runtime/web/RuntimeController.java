package dev.catapult.runtime.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.InstanceView;
import dev.catapult.api.Page;
import dev.catapult.api.RuntimeDeadLetterView;
import dev.catapult.api.RuntimeReplayRequest;
import dev.catapult.api.RuntimeSourceCreateRequest;
import dev.catapult.api.RuntimeSourceView;
import dev.catapult.api.WhatsRunningWhereEntry;
import dev.catapult.job.JobView;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.web.Pages;
import dev.catapult.runtime.NewRuntimeSource;
import dev.catapult.runtime.RuntimeQueries;
import dev.catapult.runtime.RuntimeSources;
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
class RuntimeController {
    private final RuntimeSources sources;
    private final RuntimeQueries queries;

    RuntimeController(RuntimeSources sources, RuntimeQueries queries) {
        this.sources = sources;
        this.queries = queries;
    }

    @PostMapping("/api/v1/runtime-sources")
    @ResponseStatus(HttpStatus.CREATED)
    RuntimeSourceView create(Actor actor, @RequestBody RuntimeSourceCreateRequest body) {
        return RuntimeViews.of(sources.create(
                actor,
                new NewRuntimeSource(
                        body.name(),
                        body.type(),
                        body.queueUrl(),
                        body.region(),
                        body.endpoint(),
                        body.accessKeyEnv(),
                        body.secretKeyEnv(),
                        body.secretEnv(),
                        body.ignoreContainers())));
    }

    @GetMapping("/api/v1/runtime-sources")
    Page<RuntimeSourceView> list(Actor actor) {
        actor.grants().require(Permission.read());
        return new Page<>(sources.all().stream().map(RuntimeViews::of).toList(), null);
    }

    @GetMapping("/api/v1/runtime-sources/{name}/dead-letters")
    Page<RuntimeDeadLetterView> deadLetters(
            Actor actor,
            @PathVariable String name,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        actor.grants().require(Permission.admin());
        return Pages.wire(sources.deadLetters(name, PageRequest.of(limit, cursor)), RuntimeViews::of);
    }

    /** Replays the source's event archive as a job; 202 with the job (progress at {@code /api/v1/admin/jobs/{id}}). */
    @PostMapping("/api/v1/runtime-sources/{name}/replay")
    @ResponseStatus(HttpStatus.ACCEPTED)
    JobView replay(
            Actor actor,
            @PathVariable String name,
            @RequestBody(required = false) @Nullable RuntimeReplayRequest body) {
        return sources.replay(actor, name, body != null && Boolean.TRUE.equals(body.deadLetters()));
    }

    @GetMapping("/api/v1/instances")
    Page<InstanceView> instances(
            Actor actor,
            @RequestParam(required = false) @Nullable String app,
            @RequestParam(required = false) @Nullable String environment,
            @RequestParam(required = false) @Nullable String status,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        actor.grants().require(Permission.read());
        return Pages.wire(queries.instances(app, environment, status, PageRequest.of(limit, cursor)), RuntimeViews::of);
    }

    /** One entry per app and environment, by app name then environment rank; {@code limit} entries a page. */
    @GetMapping("/api/v1/whats-running-where")
    Page<WhatsRunningWhereEntry> whatsRunningWhere(
            Actor actor,
            @RequestParam(required = false) @Nullable String service,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor) {
        actor.grants().require(Permission.read());
        return Pages.wire(queries.whatsRunningWhere(service, PageRequest.of(limit, cursor)), RuntimeViews::of);
    }
}
