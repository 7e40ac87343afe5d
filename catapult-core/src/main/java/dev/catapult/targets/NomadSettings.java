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
 * The {@code nomad} deployer (SPEC §7): sets the image of {@code task} (in {@code group}, or the only group
 * that has such a task) of the job {@code job} on the Nomad HTTP API at {@code address}, then follows the
 * evaluation and deployment. The {@code *Env} settings name environment variables on the server that hold the
 * Nomad ACL token and the Vault/Consul tokens passed through on registration; they never hold the secrets.
 */
public record NomadSettings(
        URI address,
        @Nullable String tokenEnv,
        @Nullable String namespace,
        String job,
        @Nullable String group,
        String task,
        @Nullable String vaultTokenEnv,
        @Nullable String consulTokenEnv,
        @Nullable Duration timeout)
        implements DeployerSpec {

    /** How long a deploy may take when the target sets no {@code timeout}. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(10);

    // Nomad's own rule for namespace names (nomad/structs: validNamespaceName).
    private static final Pattern NAMESPACE = Pattern.compile("^[a-zA-Z0-9-]{1,128}$");
    private static final Pattern NAME = Pattern.compile("^[^\\s\\p{Cntrl}]{1,256}$");
    private static final Set<String> KNOWN = Set.of(
            "address", "tokenEnv", "namespace", "job", "group", "task", "vaultTokenEnv", "consulTokenEnv", "timeout");

    @Override
    public String type() {
        return "nomad";
    }

    /** The timeout the deployer works to: the target's, or {@link #DEFAULT_TIMEOUT}. */
    public Duration effectiveTimeout() {
        return timeout != null ? timeout : DEFAULT_TIMEOUT;
    }

    @Override
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("type", "nomad");
        m.put("address", address.toString());
        putIfSet(m, "tokenEnv", tokenEnv);
        putIfSet(m, "namespace", namespace);
        m.put("job", job);
        putIfSet(m, "group", group);
        m.put("task", task);
        putIfSet(m, "vaultTokenEnv", vaultTokenEnv);
        putIfSet(m, "consulTokenEnv", consulTokenEnv);
        if (timeout != null) {
            m.put("timeout", timeout.toString());
        }
        return m;
    }

    /** Parses the settings of a {@code nomad} deployer (everything but {@code type}). */
    static NomadSettings parse(Map<String, Object> raw) {
        Settings s = new Settings("deployer", raw, KNOWN);
        return new NomadSettings(
                address(s.requiredString("address")),
                envName(s, "tokenEnv"),
                namespace(s.string("namespace")),
                checkedName("job", s.requiredString("job")),
                s.string("group") == null ? null : checkedName("group", s.requiredString("group")),
                checkedName("task", s.requiredString("task")),
                envName(s, "vaultTokenEnv"),
                envName(s, "consulTokenEnv"),
                s.duration("timeout"));
    }

    private static URI address(String text) {
        try {
            URI u = URI.create(text.trim());
            boolean http = "http".equalsIgnoreCase(u.getScheme()) || "https".equalsIgnoreCase(u.getScheme());
            if (!http
                    || u.getHost() == null
                    || u.getUserInfo() != null
                    || u.getRawQuery() != null
                    || u.getRawFragment() != null) {
                throw new IllegalArgumentException();
            }
            String s = u.toString();
            return URI.create(s.endsWith("/") ? s.substring(0, s.length() - 1) : s);
        } catch (IllegalArgumentException e) {
            throw new InvalidInput(
                    "deployer.address",
                    "must be the http(s) URL of the Nomad HTTP API, without credentials (e.g. https://nomad.example:4646)");
        }
    }

    private static @Nullable String envName(Settings s, String key) {
        String name = s.string(key);
        if (name == null) {
            return null;
        }
        if (!ENV_NAME.matcher(name).matches()) {
            throw new InvalidInput(
                    "deployer." + key, "must name an environment variable (A-Z, 0-9, _), not hold the secret");
        }
        return name;
    }

    private static @Nullable String namespace(@Nullable String value) {
        if (value != null && !NAMESPACE.matcher(value).matches()) {
            throw new InvalidInput(
                    "deployer.namespace", "must be a Nomad namespace name (letters, digits and '-', at most 128)");
        }
        return value;
    }

    private static String checkedName(String key, String value) {
        if (!NAME.matcher(value).matches()) {
            throw new InvalidInput(
                    "deployer." + key, "must be a Nomad " + key + " name (no spaces, at most 256 characters)");
        }
        return value;
    }

    private static void putIfSet(Map<String, Object> m, String key, @Nullable String value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
