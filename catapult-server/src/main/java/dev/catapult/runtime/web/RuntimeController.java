package dev.catapult.runtime.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.InstanceView;
import dev.catapult.api.Page;
import dev.catapult.api.RuntimeDeadLetterView;
import dev.catapult.api.RuntimeSourceCreateRequest;
import dev.catapult.api.RuntimeSourceView;
import dev.catapult.api.WhatsRunningWhereView;
import dev.catapult.common.InvalidInput;
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
    return sources.create(actor, body);
  }

  @GetMapping("/api/v1/runtime-sources")
  Page<RuntimeSourceView> list(Actor actor) {
    actor.grants().require(Permission.read());
    return new Page<>(sources.all().stream().map(sources::view).toList(), null);
  }

  @GetMapping("/api/v1/runtime-sources/{name}/dead-letters")
  Page<RuntimeDeadLetterView> deadLetters(Actor actor, @PathVariable String name,
      @RequestParam(required = false) @Nullable Integer limit) {
    actor.grants().require(Permission.admin());
    return new Page<>(sources.deadLetters(name, limit(limit)), null);
  }

  @GetMapping("/api/v1/instances")
  Page<InstanceView> instances(Actor actor, @RequestParam(required = false) @Nullable String app,
      @RequestParam(required = false) @Nullable String environment, @RequestParam(required = false) @Nullable Integer limit) {
    actor.grants().require(Permission.read());
    return new Page<>(queries.instances(app, environment, limit(limit)), null);
  }

  @GetMapping("/api/v1/whats-running-where")
  WhatsRunningWhereView whatsRunningWhere(Actor actor, @RequestParam(required = false) @Nullable String service) {
    actor.grants().require(Permission.read());
    return new WhatsRunningWhereView(queries.whatsRunningWhere(service));
  }

  private static int limit(@Nullable Integer limit) {
    if (limit == null) {
      return 50;
    }
    if (limit < 1 || limit > 500) {
      throw new InvalidInput("limit", "must be between 1 and 500");
    }
    return limit;
  }
}
