package dev.catapult.registry.web;

import dev.catapult.access.Actor;
import dev.catapult.access.Permission;
import dev.catapult.api.Page;
import dev.catapult.api.RegistryCreateRequest;
import dev.catapult.api.RegistryStatsView;
import dev.catapult.api.RegistryView;
import dev.catapult.registry.NewRegistry;
import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryClients;
import dev.catapult.registry.RegistryRecord;
import dev.catapult.registry.RegistrySettings;
import dev.catapult.registry.RequestCounts;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
class RegistryController {
    private final Registries registries;
    private final RegistryClients clients;

    RegistryController(Registries registries, RegistryClients clients) {
        this.registries = registries;
        this.clients = clients;
    }

    @PostMapping("/api/v1/registries")
    @ResponseStatus(HttpStatus.CREATED)
    RegistryView create(Actor actor, @RequestBody RegistryCreateRequest body) {
        RegistryCreateRequest.Auth auth = body.auth();
        return view(registries.create(
                actor,
                new NewRegistry(
                        body.name(),
                        body.url(),
                        auth == null ? null : new NewRegistry.Auth(auth.type(), auth.usernameEnv(), auth.passwordEnv()),
                        body.notificationSecret(),
                        body.pollInterval(),
                        body.maxConcurrency())));
    }

    @GetMapping("/api/v1/registries")
    Page<RegistryView> list(Actor actor) {
        actor.grants().require(Permission.read());
        return new Page<>(
                registries.all().stream().map(RegistryController::view).toList(), null);
    }

    @GetMapping("/api/v1/registries/{name}")
    RegistryView get(Actor actor, @PathVariable String name) {
        actor.grants().require(Permission.read());
        return view(registries.find(name));
    }

    @GetMapping("/api/v1/registries/{name}/stats")
    RegistryStatsView stats(Actor actor, @PathVariable String name) {
        actor.grants().require(Permission.read());
        registries.find(name);
        RequestCounts c = clients.counts(name);
        return new RegistryStatsView(
                name, c.headManifest(), c.getManifest(), c.tagList(), c.catalog(), c.blob(), c.token(), c.total());
    }

    /** The wire form: never the secrets, only whether a notification secret is set. */
    private static RegistryView view(RegistryRecord r) {
        RegistrySettings s = r.settings();
        return new RegistryView(
                s.name(),
                s.url().toString(),
                s.host(),
                new RegistryCreateRequest.Auth(
                        s.auth().type(), s.auth().usernameEnv(), s.auth().passwordEnv()),
                r.notificationSecretHash() != null,
                r.pollInterval().toSeconds() + "s",
                s.maxConcurrency(),
                r.definedIn(),
                r.lastPolledAt(),
                r.createdAt());
    }
}
