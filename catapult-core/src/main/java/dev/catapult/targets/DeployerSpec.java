package dev.catapult.targets;

import dev.catapult.common.InvalidInput;
import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The deployer of a target, validated: {@code {type, ...settings}} as in SPEC §7. Settings that name
 * secrets hold only the name of an environment variable, never the secret.
 */
public interface DeployerSpec {
    Pattern ENV_NAME = Pattern.compile("^[A-Z_][A-Z0-9_]{0,127}$");
    Duration MAX_TIMEOUT = Duration.ofDays(1);

    String type();

    /** The deploy's overall timeout, if the target sets one. */
    @Nullable
    Duration timeout();

    /** The settings as JSON, for storage and display. */
    Map<String, Object> toMap();

    /** Ledger only: succeeds at once, or waits for an external report when {@code awaitReport}. */
    record Record(boolean awaitReport, @Nullable Duration timeout) implements DeployerSpec {
        public String type() {
            return "record";
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "record");
            m.put("awaitReport", awaitReport);
            if (timeout != null) {
                m.put("timeout", timeout.toString());
            }
            return m;
        }
    }

    /** POSTs a signed document to {@code url} and waits for the status callback. */
    record Webhook(URI url, String secretEnv, @Nullable Duration timeout) implements DeployerSpec {
        public String type() {
            return "webhook";
        }

        public Map<String, Object> toMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("type", "webhook");
            m.put("url", url.toString());
            m.put("secretEnv", secretEnv);
            if (timeout != null) {
                m.put("timeout", timeout.toString());
            }
            return m;
        }
    }

    /** The deployer used where an app has no target in an environment. */
    static DeployerSpec recordOnly() {
        return new Record(false, null);
    }

    /** Parses and validates {@code {type, …settings}}. */
    static DeployerSpec parse(@Nullable Map<String, Object> raw) {
        if (raw == null) {
            throw new InvalidInput("deployer", "is required ({type, ...settings})");
        }
        Object type = raw.get("type");
        if (!(type instanceof String t)) {
            throw new InvalidInput("deployer.type", "is required (record, webhook, nomad, docker)");
        }
        Map<String, Object> rest = new LinkedHashMap<>(raw);
        rest.remove("type");
        DeployerSpec spec = switch (t) {
            case "record" -> {
                Settings s = new Settings("deployer", rest, Set.of("awaitReport", "timeout"));
                yield new Record(s.bool("awaitReport", false), s.duration("timeout"));
            }
            case "webhook" -> {
                Settings s = new Settings("deployer", rest, Set.of("url", "secretEnv", "timeout"));
                yield new Webhook(
                        Settings.httpUrl("deployer.url", s.requiredString("url")),
                        envName(s.requiredString("secretEnv")),
                        s.duration("timeout"));
            }
            case "nomad" -> NomadSettings.parse(rest);
            case "docker" -> DockerSettings.parse(rest);
            case "caddy-static", "kubernetes", "ecs" ->
                throw new InvalidInput(
                        "deployer.type",
                        "the '" + t
                                + "' deployer is not available in this version (available: record, webhook, nomad, docker)");
            default ->
                throw new InvalidInput(
                        "deployer.type", "'" + t + "' is not a deployer type (record, webhook, nomad, docker)");
        };
        if (spec.timeout() != null && spec.timeout().compareTo(MAX_TIMEOUT) > 0) {
            throw new InvalidInput("deployer.timeout", "must be at most 24h");
        }
        return spec;
    }

    private static String envName(String name) {
        if (!ENV_NAME.matcher(name).matches()) {
            throw new InvalidInput(
                    "deployer.secretEnv", "must name an environment variable (A-Z, 0-9, _), not hold the secret");
        }
        return name;
    }
}
