package dev.catapult.cli.targets;

import dev.catapult.cli.CliException;
import dev.catapult.client.Json;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;

/**
 * Turns {@code --set key=value} pairs into the deployer settings object of SPEC §7. Values that look like
 * JSON scalars become them ({@code true}, {@code 3}) because the server validates types; a value starting
 * with {@code [} or <code>&#123;</code> is parsed as JSON (ports, env, command lists); dotted keys build
 * nested objects ({@code healthCheck.http=…}). Everything else is a string.
 */
public final class DeployerSettings {

    private static final Pattern INTEGER = Pattern.compile("-?(0|[1-9][0-9]{0,17})");

    private DeployerSettings() {}

    public static Map<String, Object> of(String type, List<String> assignments) {
        Map<String, Object> deployer = new LinkedHashMap<>();
        deployer.put("type", type);
        for (String assignment : assignments) {
            int eq = assignment.indexOf('=');
            if (eq < 1) {
                throw CliException.usage("--set expects key=value, got '" + assignment + "'");
            }
            put(deployer, assignment.substring(0, eq).strip(), value(assignment.substring(eq + 1)));
        }
        return deployer;
    }

    static Object value(String raw) {
        String text = raw.strip();
        if (text.equals("true") || text.equals("false")) {
            return Boolean.valueOf(text);
        }
        if (INTEGER.matcher(text).matches()) {
            return Long.valueOf(text);
        }
        if (text.startsWith("[") || text.startsWith("{")) {
            try {
                return Json.mapper().readValue(text, Object.class);
            } catch (JacksonException e) {
                throw CliException.usage("--set value is not valid JSON: " + text);
            }
        }
        return raw;
    }

    @SuppressWarnings("unchecked")
    private static void put(Map<String, Object> root, String key, Object value) {
        if (key.equals("type")) {
            throw CliException.usage("set the deployer type with --deployer, not --set type=…");
        }
        String[] parts = key.split("\\.");
        Map<String, Object> current = root;
        for (int i = 0; i < parts.length - 1; i++) {
            Object child = current.computeIfAbsent(parts[i], k -> new LinkedHashMap<String, Object>());
            if (!(child instanceof Map)) {
                throw CliException.usage("--set " + key + ": '" + parts[i] + "' already has a plain value");
            }
            current = (Map<String, Object>) child;
        }
        current.put(parts[parts.length - 1], value);
    }
}
