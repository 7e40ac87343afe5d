package dev.catapult.cli.concourse;

import dev.catapult.cli.CliContext;
import dev.catapult.cli.CliException;
import dev.catapult.client.CatapultClient;
import tools.jackson.databind.JsonNode;

/**
 * The resource's {@code source} block: {@code {server, token, app, environment?, kind: release|deploy}}.
 * Credentials come from here, never from the worker's config file, since each pipeline has its own.
 */
record ConcourseSource(String server, String token, String app, String environment, Kind kind) {

    enum Kind {
        RELEASE,
        DEPLOY
    }

    static ConcourseSource from(JsonNode source) {
        String server = required(source, "server");
        String token = required(source, "token");
        String app = required(source, "app");
        String environment = source.path("environment").asString(null);
        String kindName = source.path("kind").asString("release");
        Kind kind = switch (kindName) {
            case "release" -> Kind.RELEASE;
            case "deploy" -> Kind.DEPLOY;
            default -> throw CliException.usage("source.kind must be release or deploy, got '" + kindName + "'");
        };
        if (kind == Kind.DEPLOY && (environment == null || environment.isBlank())) {
            throw CliException.usage("source.environment is required when source.kind is deploy");
        }
        return new ConcourseSource(server, token, app, environment, kind);
    }

    CatapultClient api() {
        return new CatapultClient(CliContext.serverUri(server), token);
    }

    private static String required(JsonNode source, String field) {
        String value = source.path(field).asString(null);
        if (value == null || value.isBlank()) {
            throw CliException.usage("source." + field + " is required");
        }
        return value;
    }
}
