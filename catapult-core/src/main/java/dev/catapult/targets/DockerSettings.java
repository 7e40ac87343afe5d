package dev.catapult.targets;

import dev.catapult.common.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The {@code docker} deployer (SPEC §7): replaces the container {@code container} on the Docker Engine API at
 * {@code host} with one running the release's image, pinned by digest.
 *
 * @param host {@code unix:///path/to/docker.sock} or {@code tcp://host:port} (default {@code unix:///var/run/docker.sock})
 * @param container the name the running container has
 * @param ports published ports, as {@code docker run -p} writes them
 * @param env container environment variables, stored and shown as written: no secrets
 * @param secretEnv container variables whose values the server reads from its own environment at deploy
 *     time (container variable → server variable), so secrets never enter the ledger
 * @param command overrides the image's {@code CMD}; empty keeps the image's
 * @param healthCheck when the new container counts as healthy
 * @param timeout the deploy's overall timeout, if the target sets one
 */
public record DockerSettings(
        String host,
        String container,
        List<PortMapping> ports,
        Map<String, String> env,
        Map<String, String> secretEnv,
        List<String> command,
        HealthCheck healthCheck,
        @Nullable Duration timeout)
        implements DeployerSpec {

    public static final String DEFAULT_HOST = "unix:///var/run/docker.sock";
    private static final Pattern CONTAINER = Pattern.compile("^[a-zA-Z0-9][a-zA-Z0-9_.-]{0,99}$");
    private static final Pattern TCP_HOST = Pattern.compile("^tcp://([A-Za-z0-9.-]+|\\[[0-9A-Fa-f:.]+]):(\\d{1,5})/?$");
    private static final Pattern UNIX_HOST = Pattern.compile("^unix://(/[^\\s\\x00]*)$");
    private static final Pattern CONTAINER_ENV = Pattern.compile("^[A-Za-z_][A-Za-z0-9_]{0,127}$");

    public DockerSettings {
        ports = List.copyOf(ports);
        env = Collections.unmodifiableMap(new LinkedHashMap<>(env));
        secretEnv = Collections.unmodifiableMap(new LinkedHashMap<>(secretEnv));
        command = List.copyOf(command);
    }

    /** A published port: {@code [hostIp:]hostPort:containerPort[/protocol]}; an empty host IP means every interface. */
    public record PortMapping(String hostIp, int hostPort, int containerPort, String protocol) {
        private static final Pattern FORM = Pattern.compile(
                "^(?:(\\d{1,3}(?:\\.\\d{1,3}){3}|\\[[0-9A-Fa-f:.]+]):)?(\\d{1,5}):(\\d{1,5})(?:/(tcp|udp|sctp))?$");

        /** Parses {@code text} for {@code field}. */
        public static PortMapping parse(String field, String text) {
            Matcher m = FORM.matcher(text.trim());
            if (!m.matches()) {
                throw new InvalidInput(
                        field, "'" + text + "' is not a port mapping like 127.0.0.1:8081:80 or 8081:80/tcp");
            }
            String ip = m.group(1) == null ? "" : m.group(1);
            if (ip.startsWith("[")) {
                ip = ip.substring(1, ip.length() - 1);
            } else if (!ip.isEmpty()) {
                for (String part : ip.split("\\.")) {
                    if (Integer.parseInt(part) > 255) {
                        throw new InvalidInput(field, "'" + text + "' has an invalid IP address");
                    }
                }
            }
            return new PortMapping(
                    ip,
                    port(field, text, m.group(2)),
                    port(field, text, m.group(3)),
                    m.group(4) == null ? "tcp" : m.group(4));
        }

        private static int port(String field, String text, String digits) {
            int port = Integer.parseInt(digits);
            if (port < 1 || port > 65535) {
                throw new InvalidInput(field, "'" + text + "' has a port outside 1-65535");
            }
            return port;
        }

        /** {@code 80/tcp}: the container side, as the Engine API keys it. */
        public String containerKey() {
            return containerPort + "/" + protocol;
        }

        @Override
        public String toString() {
            String ip = hostIp.contains(":") ? "[" + hostIp + "]:" : hostIp.isEmpty() ? "" : hostIp + ":";
            return ip + hostPort + ":" + containerPort + (protocol.equals("tcp") ? "" : "/" + protocol);
        }
    }

    /**
     * When a new container counts as healthy: {@code http} answering 2xx (polled from the Catapult server), the
     * image's own {@code HEALTHCHECK} reporting {@code healthy}, or, with neither, running for two seconds.
     */
    public record HealthCheck(@Nullable URI http, boolean useImageHealthcheck, Duration timeout) {
        public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(60);

        public HealthCheck {
            if (http != null && useImageHealthcheck) {
                throw new InvalidInput("deployer.healthCheck", "set either http or useImageHealthcheck, not both");
            }
        }

        public static HealthCheck running() {
            return new HealthCheck(null, false, DEFAULT_TIMEOUT);
        }
    }

    @Override
    public String type() {
        return "docker";
    }

    /** Parses the settings after {@code type} ({@link DeployerSpec#parse} checks the overall timeout). */
    static DockerSettings parse(Map<String, Object> raw) {
        Settings s = new Settings(
                "deployer",
                raw,
                Set.of("host", "container", "ports", "env", "secretEnv", "command", "healthCheck", "timeout"));
        String host = s.string("host");
        String container = s.requiredString("container");
        if (!CONTAINER.matcher(container).matches()) {
            throw new InvalidInput(
                    "deployer.container", "must be a container name (letters, digits, _ . -; at most 100)");
        }
        Map<String, String> env = stringMap("deployer.env", raw.get("env"));
        env.keySet().forEach(k -> containerVariable("deployer.env", k));
        Map<String, String> secretEnv = stringMap("deployer.secretEnv", raw.get("secretEnv"));
        secretEnv.forEach((k, v) -> {
            containerVariable("deployer.secretEnv", k);
            if (env.containsKey(k)) {
                throw new InvalidInput("deployer.secretEnv." + k, "is also set in env");
            }
            if (!ENV_NAME.matcher(v).matches()) {
                throw new InvalidInput(
                        "deployer.secretEnv." + k,
                        "must name a server environment variable (A-Z, 0-9, _), not hold the secret");
            }
        });
        return new DockerSettings(
                host == null ? DEFAULT_HOST : host(host),
                container,
                ports(raw.get("ports")),
                env,
                secretEnv,
                command(raw.get("command")),
                healthCheck(raw.get("healthCheck")),
                s.duration("timeout"));
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "docker");
        m.put("host", host);
        m.put("container", container);
        if (!ports.isEmpty()) {
            m.put("ports", ports.stream().map(PortMapping::toString).toList());
        }
        if (!env.isEmpty()) {
            m.put("env", new LinkedHashMap<>(env));
        }
        if (!secretEnv.isEmpty()) {
            m.put("secretEnv", new LinkedHashMap<>(secretEnv));
        }
        if (!command.isEmpty()) {
            m.put("command", command);
        }
        if (!healthCheck.equals(HealthCheck.running())) {
            Map<String, Object> h = new LinkedHashMap<>();
            if (healthCheck.http() != null) {
                h.put("http", healthCheck.http().toString());
            }
            if (healthCheck.useImageHealthcheck()) {
                h.put("useImageHealthcheck", true);
            }
            h.put("timeout", healthCheck.timeout().toString());
            m.put("healthCheck", h);
        }
        if (timeout != null) {
            m.put("timeout", timeout.toString());
        }
        return m;
    }

    private static String host(String text) {
        Matcher tcp = TCP_HOST.matcher(text);
        if (tcp.matches()) {
            int port = Integer.parseInt(tcp.group(2));
            if (port >= 1 && port <= 65535) {
                return "tcp://" + tcp.group(1) + ":" + port;
            }
        } else if (UNIX_HOST.matcher(text).matches()) {
            return text;
        }
        throw new InvalidInput("deployer.host", "must be unix:///path/to/docker.sock or tcp://host:port");
    }

    private static List<PortMapping> ports(@Nullable Object raw) {
        List<PortMapping> ports = new ArrayList<>();
        Set<String> bound = new HashSet<>();
        List<String> texts = stringList("deployer.ports", raw);
        for (int i = 0; i < texts.size(); i++) {
            PortMapping p = PortMapping.parse("deployer.ports[" + i + "]", texts.get(i));
            if (!bound.add(p.hostIp() + "|" + p.hostPort() + "/" + p.protocol())) {
                throw new InvalidInput("deployer.ports[" + i + "]", "publishes host port " + p.hostPort() + " twice");
            }
            ports.add(p);
        }
        return ports;
    }

    private static List<String> command(@Nullable Object raw) {
        List<String> command = stringList("deployer.command", raw);
        if (raw != null && command.isEmpty()) {
            throw new InvalidInput("deployer.command", "must not be empty (leave it out to run the image's CMD)");
        }
        return command;
    }

    private static HealthCheck healthCheck(@Nullable Object raw) {
        if (raw == null) {
            return HealthCheck.running();
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidInput("deployer.healthCheck", "must be an object {http | useImageHealthcheck, timeout}");
        }
        Settings h = new Settings(
                "deployer.healthCheck",
                stringKeys("deployer.healthCheck", map),
                Set.of("http", "useImageHealthcheck", "timeout"));
        String http = h.string("http");
        Duration timeout = h.duration("timeout");
        if (timeout != null && timeout.compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidInput("deployer.healthCheck.timeout", "must be at most 24h");
        }
        return new HealthCheck(
                http == null ? null : Settings.httpUrl("deployer.healthCheck.http", http),
                h.bool("useImageHealthcheck", false),
                timeout == null ? HealthCheck.DEFAULT_TIMEOUT : timeout);
    }

    private static void containerVariable(String field, String name) {
        if (!CONTAINER_ENV.matcher(name).matches()) {
            throw new InvalidInput(field, "'" + name + "' is not an environment variable name (letters, digits, _)");
        }
    }

    private static List<String> stringList(String field, @Nullable Object raw) {
        if (raw == null) {
            return List.of();
        }
        if (!(raw instanceof List<?> list)) {
            throw new InvalidInput(field, "must be a list of strings");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < list.size(); i++) {
            if (!(list.get(i) instanceof String s)) {
                throw new InvalidInput(field + "[" + i + "]", "must be a string");
            }
            out.add(s);
        }
        return out;
    }

    /** A JSON object of strings; numbers and booleans (as YAML writes them unquoted) become their text. */
    private static Map<String, String> stringMap(String field, @Nullable Object raw) {
        Map<String, String> out = new LinkedHashMap<>();
        if (raw == null) {
            return out;
        }
        if (!(raw instanceof Map<?, ?> map)) {
            throw new InvalidInput(field, "must be an object of strings");
        }
        stringKeys(field, map).forEach((k, v) -> {
            if (!(v instanceof String || v instanceof Number || v instanceof Boolean)) {
                throw new InvalidInput(field + "." + k, "must be a string");
            }
            out.put(k, v.toString());
        });
        return out;
    }

    private static Map<String, Object> stringKeys(String field, Map<?, ?> map) {
        Map<String, Object> out = new LinkedHashMap<>();
        map.forEach((k, v) -> {
            if (!(k instanceof String key) || v == null) {
                throw new InvalidInput(field, "must be an object without null values");
            }
            out.put(key, v);
        });
        return out;
    }
}
