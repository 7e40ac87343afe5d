package dev.catapult.app.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.AppCreateRequest;
import dev.catapult.api.AppPatchRequest;
import dev.catapult.api.AppView;
import dev.catapult.api.Page;
import dev.catapult.app.App;
import dev.catapult.app.AppChanges;
import dev.catapult.app.Apps;
import dev.catapult.app.NewApp;
import dev.catapult.platform.PageRequest;
import dev.catapult.platform.web.Pages;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class AppController {
    private final Apps apps;

    AppController(Apps apps) {
        this.apps = apps;
    }

    @PostMapping("/api/v1/apps")
    @ResponseStatus(HttpStatus.CREATED)
    AppView create(Actor actor, @RequestBody AppCreateRequest body) {
        return view(apps.create(
                actor,
                new NewApp(
                        body.name(),
                        body.image(),
                        body.repoUrl(),
                        body.team(),
                        body.labels(),
                        body.imageTagTemplate())));
    }

    @GetMapping("/api/v1/apps")
    Page<AppView> list(
            Actor actor,
            @RequestParam(required = false) @Nullable Integer limit,
            @RequestParam(required = false) @Nullable String cursor,
            @RequestParam(defaultValue = "false") boolean archived) {
        actor.grants().require(Permission.read());
        return Pages.wire(apps.list(PageRequest.of(limit, cursor), archived), AppController::view);
    }

    @GetMapping("/api/v1/apps/{app}")
    AppView get(Actor actor, @PathVariable String app) {
        actor.grants().require(Permission.read());
        return view(apps.get(app));
    }

    @PatchMapping("/api/v1/apps/{app}")
    AppView patch(Actor actor, @PathVariable String app, @RequestBody AppPatchRequest body) {
        return view(apps.patch(
                actor,
                app,
                new AppChanges(body.image(), body.repoUrl(), body.team(), body.labels(), body.imageTagTemplate())));
    }

    @PostMapping("/api/v1/apps/{app}/archive")
    AppView archive(Actor actor, @PathVariable String app) {
        return view(apps.archive(actor, app));
    }

    static AppView view(App a) {
        return new AppView(
                a.name(),
                a.image(),
                a.repoUrl(),
                a.team(),
                a.labels(),
                a.imageTagTemplate(),
                a.archived(),
                a.latestVersion(),
                a.createdAt(),
                a.updatedAt());
    }
}
