package dev.catapult.deploy.docker;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/**
 * What the deployer reads from {@code GET /containers/{id}/json}.
 *
 * @param name without Docker's leading slash
 * @param health {@code State.Health.Status} ({@code starting}, {@code healthy}, {@code unhealthy}), or null when
 *     the container has no health check
 * @param bindings the host side of {@code HostConfig.PortBindings}
 * @param stopTimeout {@code Config.StopTimeout} in seconds, when the container sets one (above zero)
 */
record EngineContainer(
        String id,
        String name,
        boolean running,
        int exitCode,
        int restartCount,
        String startedAt,
        @Nullable String health,
        Map<String, String> labels,
        List<HostBinding> bindings,
        @Nullable Integer stopTimeout) {

    EngineContainer {
        labels = Map.copyOf(labels);
        bindings = List.copyOf(bindings);
    }

    /** A published host port; an empty IP means every interface. */
    record HostBinding(String ip, int port, String protocol) {
        boolean overlaps(String otherIp, int otherPort, String otherProtocol) {
            return port == otherPort
                    && protocol.equals(otherProtocol)
                    && (ip.equals(otherIp) || anyAddress(ip) || anyAddress(otherIp));
        }

        private static boolean anyAddress(String ip) {
            return ip.isEmpty() || ip.equals("0.0.0.0") || ip.equals("::");
        }
    }

    /** Reads an inspect answer; fields an engine leaves out read as empty. */
    static EngineContainer fromInspect(JsonNode c) {
        JsonNode state = c.path("State");
        Map<String, String> labels = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> label : c.path("Config").path("Labels").properties()) {
            labels.put(label.getKey(), label.getValue().stringValue(""));
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
        return new EngineContainer(
                c.path("Id").stringValue(""),
                c.path("Name").stringValue("").replaceFirst("^/", ""),
                state.path("Running").booleanValue(false),
                state.path("ExitCode").asInt(0),
                c.path("RestartCount").asInt(0),
                state.path("StartedAt").stringValue(""),
                healthStatus(state.path("Health").path("Status")),
                labels,
                bindings,
                stopTimeout.isNumber() && stopTimeout.asInt() > 0 ? stopTimeout.asInt() : null);
    }

    /** Engines leave {@code State.Health} out, or say {@code none} or nothing, for a container without a health check. */
    private static @Nullable String healthStatus(JsonNode status) {
        String text = status.stringValue("");
        return text.isEmpty() || text.equals("none") ? null : text;
    }

    private static int parsePort(String text) {
        try {
            return Integer.parseInt(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** The first 12 hex digits of the id, as {@code docker ps} shows it. */
    String shortId() {
        return id.length() > 12 ? id.substring(0, 12) : id;
    }

    EngineContainer named(String newName) {
        return new EngineContainer(
                id, newName, running, exitCode, restartCount, startedAt, health, labels, bindings, stopTimeout);
    }
}
