package dev.catapult.artifact.web;

import dev.catapult.artifact.RegistryIntake;
import dev.catapult.platform.Unauthenticated;
import dev.catapult.registry.Registries;
import dev.catapult.registry.RegistryRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * {@code POST /hooks/registry/{registry}}: Docker Distribution (CNCF distribution, Harbor-compatible
 * envelope) notifications. Hostile input: the body is capped (1 MiB), the registry's secret is checked in
 * constant time on the raw request <em>before</em> anything is parsed or stored, unknown fields are
 * tolerated, and only push/delete events for manifests are acted on.
 */
@RestController
class RegistryHookController {
    private final Registries registries;
    private final RegistryIntake intake;
    private final JsonMapper json;

    RegistryHookController(Registries registries, RegistryIntake intake, JsonMapper json) {
        this.registries = registries;
        this.intake = intake;
        this.json = json;
    }

    @PostMapping(path = "/hooks/registry/{registry}", consumes = "*/*")
    ResponseEntity<Map<String, Object>> receive(
            @PathVariable String registry,
            @RequestHeader(name = "Authorization", required = false) @Nullable String authorization,
            @RequestBody(required = false) byte @Nullable [] body) {
        RegistryRecord r;
        try {
            r = registries.find(registry);
        } catch (dev.catapult.common.NotFound e) {
            // Same answer as a wrong secret: a caller without the secret learns nothing about which names exist.
            throw new Unauthenticated("the notification secret is missing or wrong");
        }
        String presented = authorization != null && authorization.regionMatches(true, 0, "Bearer ", 0, 7)
                ? authorization.substring(7).trim()
                : null;
        if (!registries.acceptsNotificationSecret(r, presented)) {
            throw new Unauthenticated("the notification secret is missing or wrong");
        }
        RegistryIntake.Outcome outcome = intake.accept(r, events(body));
        return ResponseEntity.accepted()
                .body(Map.of(
                        "accepted",
                        outcome.accepted(),
                        "duplicates",
                        outcome.duplicates(),
                        "ignored",
                        outcome.ignored(),
                        "jobs",
                        outcome.jobs()));
    }

    private List<RegistryIntake.Event> events(byte @Nullable [] body) {
        JsonNode root;
        try {
            root = body == null || body.length == 0 ? null : json.readTree(body);
        } catch (JacksonException e) {
            throw new dev.catapult.common.InvalidInput("body", "is not valid JSON");
        }
        if (root == null || !root.path("events").isArray()) {
            throw new dev.catapult.common.InvalidInput(
                    "events", "a notification envelope {\"events\": [...]} is required");
        }
        List<RegistryIntake.Event> out = new ArrayList<>();
        for (JsonNode e : root.path("events")) {
            JsonNode t = e.path("target");
            String id = text(e, "id");
            String action = text(e, "action");
            String repository = text(t, "repository");
            if (id == null || action == null || repository == null || id.length() > 200 || repository.length() > 255) {
                continue;
            }
            out.add(new RegistryIntake.Event(
                    id, action, repository, text(t, "tag"), text(t, "digest"), text(t, "mediaType")));
        }
        return out;
    }

    private static @Nullable String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v != null && v.isString() && !v.asString().isBlank() ? v.asString() : null;
    }
}
