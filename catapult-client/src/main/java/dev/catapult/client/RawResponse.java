package dev.catapult.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import tools.jackson.databind.JsonNode;

/**
 * An answer exactly as the server gave it, for callers that judge the status and headers themselves
 * (tests asserting on error statuses, benchmarks timing idempotent replays). No status is an exception here.
 */
public record RawResponse(int status, Map<String, List<String>> headers, String body) {

    public RawResponse {
        headers = Map.copyOf(headers);
    }

    /** The first value of a header; names are matched ignoring case, as HTTP does. */
    public Optional<String> header(String name) {
        return headers.entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty())
                .map(e -> e.getValue().getFirst())
                .findFirst();
    }

    /** Whether the server said the body is JSON ({@code application/json} or {@code application/problem+json}). */
    public boolean isJson() {
        return header("Content-Type").orElse("").contains("json");
    }

    /** The body as JSON; fails when it is not JSON. */
    public JsonNode json() {
        return Json.parse(body);
    }
}
