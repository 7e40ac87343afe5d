package dev.catapult.docker;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * A container as {@code GET /containers/{id}/json} shows it: what the deployer and the runtime source read.
 * Times are the engine's RFC 3339 text (Go's zero time {@code 0001-01-01T00:00:00Z} for "never"); fields an
 * engine leaves out read as empty.
 *
 * @param name without Docker's leading slash
 * @param image {@code Config.Image}: the reference the container was created from
 * @param created {@code Created}
 * @param status {@code State.Status}: {@code created}, {@code running}, {@code paused}, {@code restarting},
 *     {@code removing}, {@code exited} or {@code dead}
 * @param health {@code State.Health.Status} ({@code starting}, {@code healthy}, {@code unhealthy}), or null when
 *     the container has no health check
 * @param labels {@code Config.Labels}, in the engine's order
 * @param bindings the host side of {@code HostConfig.PortBindings}
 * @param stopTimeout {@code Config.StopTimeout} in seconds, when the container sets one (above zero)
 */
public record Container(
        String id,
        String name,
        String image,
        String created,
        String status,
        boolean running,
        int exitCode,
        boolean oomKilled,
        int restartCount,
        String startedAt,
        String finishedAt,
        @Nullable String health,
        Map<String, String> labels,
        List<HostBinding> bindings,
        @Nullable Integer stopTimeout) {

    public Container {
        labels = Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        bindings = List.copyOf(bindings);
    }

    /** A published host port; an empty IP means every interface. */
    public record HostBinding(String ip, int port, String protocol) {
        /** Whether this binding and {@code otherIp:otherPort/otherProtocol} cannot both be bound. */
        public boolean overlaps(String otherIp, int otherPort, String otherProtocol) {
            return port == otherPort
                    && protocol.equals(otherProtocol)
                    && (ip.equals(otherIp) || anyAddress(ip) || anyAddress(otherIp));
        }

        private static boolean anyAddress(String ip) {
            return ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::");
        }
    }

    /** The first 12 hex digits of the id, as {@code docker ps} shows it. */
    public String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    /** The same container under another name (after a rename). */
    public Container named(String newName) {
        return new Container(
                id,
                newName,
                image,
                created,
                status,
                running,
                exitCode,
                oomKilled,
                restartCount,
                startedAt,
                finishedAt,
                health,
                labels,
                bindings,
                stopTimeout);
    }

    /** Reads an inspect answer: the engine's, or one recorded from it. */
    public static Container fromInspect(JsonNode c) {
        JsonNode state = c.path("State");
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> label : c.path("Config").path("Labels").properties()) {
            labels.put(label.getKey(), label.getValue().asString(""));
        }
        List<HostBinding> bindings = new ArrayList<>();
        for (Map.Entry<String, JsonNode> port :
                c.path("HostConfig").path("PortBindings").properties()) {
            String protocol = port.getKey().contains("/")
                    ? port.getKey().substring(port.getKey().indexOf('/') + 1)
                    : "tcp";
            for (JsonNode b : port.getValue()) {
                int hostPort = parsePort(b.path("HostPort").stringValue(""));
                if (hostPort > 0) {
                    bindings.add(new HostBinding(b.path("HostIp").stringValue(""), hostPort, protocol));
                }
            }
        }
        // Podman reports 0 for "not set"; a zero grace period would kill the old container outright.
        JsonNode stopTimeout = c.path("Config").path("StopTimeout");
        return new Container(
                c.path("Id").stringValue(""),
                c.path("Name").stringValue("").replaceFirst("^/", ""),
                c.path("Config").path("Image").asString(""),
                c.path("Created").asString(""),
                state.path("Status").asString(""),
                state.path("Running").booleanValue(false),
                state.path("ExitCode").asInt(0),
                state.path("OOMKilled").asBoolean(false),
                c.path("RestartCount").asInt(0),
                state.path("StartedAt").stringValue(""),
                state.path("FinishedAt").asString(""),
                healthStatus(state.path("Health").path("Status")),
                labels,
                bindings,
                stopTimeout.isNumber() && stopTimeout.asInt() > 0 ? stopTimeout.asInt() : null);
    }

    /** Engines leave {@code State.Health} out, or say {@code none} or nothing, for a container without a health check. */
    private static @Nullable String healthStatus(JsonNode status) {
        String text = status.asString("");
        return text.isEmpty() || text.equals("none") ? null : text;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
