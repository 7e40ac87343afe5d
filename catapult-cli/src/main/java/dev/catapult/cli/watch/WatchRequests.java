package dev.catapult.cli.watch;

import dev.catapult.cli.CliContext;
import dev.catapult.client.ApiPath;
import dev.catapult.client.CatapultClient;
import tools.jackson.databind.JsonNode;

/** The watch routes of one target, through the shared {@link CatapultClient}. */
final class WatchRequests {
    private final CatapultClient api;
    private final String app;
    private final String environment;

    WatchRequests(CliContext context, String app, String environment) {
        this.api = context.api(); // fails with the auth exit code when nobody logged in
        this.app = app;
        this.environment = environment;
    }

    JsonNode target() {
        return api.get(ApiPath.of("apps", app, "targets", environment));
    }

    JsonNode patch(JsonNode changes) {
        return api.patch(ApiPath.of("apps", app, "targets", environment, "watch"), changes);
    }

    JsonNode hold(JsonNode request) {
        return api.post(ApiPath.of("apps", app, "targets", environment, "watch", "hold"), request);
    }

    JsonNode releaseHold() {
        return api.delete(ApiPath.of("apps", app, "targets", environment, "watch", "hold"));
    }
}
