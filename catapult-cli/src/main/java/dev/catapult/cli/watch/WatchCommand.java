package dev.catapult.cli.watch;

import dev.catapult.cli.AppEnvironmentCommand;
import dev.catapult.cli.ExitCodes;
import dev.catapult.client.Json;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import picocli.CommandLine.Command;
import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.Option;
import picocli.CommandLine.TypeConversionException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * {@code catapult watch APP ENV}: shows how the registry is watched for APP in ENV (SPEC §6) and changes
 * it. Settings go in one PATCH (the server merges them into the current watch), then the hold is placed or
 * released; whatever was done, the resulting watch is printed.
 */
@Command(
        name = "watch",
        mixinStandardHelpOptions = true,
        description = {
            "Show or change how APP's image is watched and auto-deployed in ENV.",
            "Without options, shows the watch. An empty value (--include '') clears --include, --exclude, --min-age and --order."
        })
public final class WatchCommand extends AppEnvironmentCommand {

    static final List<String> POLICIES =
            List.of("semver", "semver-major", "semver-minor", "semver-patch", "pinned", "regex");
    static final List<String> ORDERS = List.of("semver", "lexical", "numeric");

    @Option(
            names = "--policy",
            paramLabel = "P",
            converter = PolicyConverter.class,
            description = "semver, semver-major, semver-minor, semver-patch, pinned or regex.")
    @Nullable
    String policy;

    @Option(names = "--pin", paramLabel = "TAG", description = "Follow this mutable tag (implies --policy pinned).")
    @Nullable
    String pin;

    /** Spelled as on the command line; picocli's case-insensitive enums make ON work too. */
    enum OnOff {
        on,
        off
    }

    @Option(
            names = "--auto-deploy",
            paramLabel = "on|off",
            description = "Deploy what the policy selects without asking.")
    @Nullable
    OnOff autoDeploy;

    @Option(names = "--include", paramLabel = "RE", description = "Only tags matching this regular expression.")
    @Nullable
    String include;

    @Option(names = "--exclude", paramLabel = "RE", description = "Never tags matching this regular expression.")
    @Nullable
    String exclude;

    @Option(names = "--allow-prerelease", negatable = true, description = "Consider SemVer pre-releases (1.2.0-rc.1).")
    @Nullable
    Boolean allowPrerelease;

    @Option(
            names = "--min-age",
            paramLabel = "D",
            description = "Only adopt images first seen at least this long ago (e.g. 1h, 2d).")
    @Nullable
    String minAge;

    @Option(
            names = "--order",
            paramLabel = "O",
            converter = OrderConverter.class,
            description = "How the regex policy orders its capture group: semver, lexical or numeric.")
    @Nullable
    String order;

    @Option(names = "--hold", paramLabel = "REASON", description = "Hold automation for this target.")
    @Nullable
    String hold;

    @Option(
            names = "--until",
            paramLabel = "T",
            description = "With --hold: when the hold ends (ISO-8601 instant, or a duration such as 2h from now).")
    @Nullable
    String until;

    @Option(names = "--release-hold", description = "Release the target's hold.")
    boolean releaseHold;

    @Override
    public Integer call() {
        if (hold != null && releaseHold) {
            throw usage("--hold and --release-hold are mutually exclusive");
        }
        if (until != null && hold == null) {
            throw usage("--until needs --hold");
        }
        if (hold != null && hold.isBlank()) {
            throw usage("--hold needs a reason");
        }
        if (pin != null && pin.isBlank()) {
            throw usage("--pin needs a tag");
        }
        if (pin != null && policy != null && !policy.equals("pinned")) {
            throw usage("--pin means --policy pinned, not " + policy);
        }
        // Parsed before anything is sent, so a bad --until changes nothing.
        Instant holdUntil = until == null ? null : HoldUntil.parse(until, Instant.now());

        WatchRequests requests = new WatchRequests(context(), app, environment);
        ObjectNode changes = changes();
        JsonNode target = null;
        if (!changes.isEmpty()) {
            target = requests.patch(changes);
        }
        if (hold != null) {
            ObjectNode request = Json.mapper().createObjectNode().put("reason", hold.strip());
            if (holdUntil != null) {
                request.put("until", holdUntil.toString());
            }
            target = requests.hold(request);
        } else if (releaseHold) {
            target = requests.releaseHold();
        }
        WatchPrinter.show(output(), target != null ? target : requests.target());
        return ExitCodes.OK;
    }

    /** The settings given on the command line, as the partial watch the PATCH route merges. */
    private ObjectNode changes() {
        ObjectNode changes = Json.mapper().createObjectNode();
        if (pin != null) {
            changes.put("policy", "pinned").put("pinnedTag", pin.strip());
        } else if (policy != null) {
            changes.put("policy", policy);
        }
        if (autoDeploy != null) {
            changes.put("autoDeploy", autoDeploy == OnOff.on);
        }
        if (allowPrerelease != null) {
            changes.put("allowPrerelease", allowPrerelease);
        }
        putOrClear(changes, "include", include);
        putOrClear(changes, "exclude", exclude);
        putOrClear(changes, "minAge", minAge);
        putOrClear(changes, "order", order);
        return changes;
    }

    // The server drops null settings when it merges, so an explicit null clears one.
    private static void putOrClear(ObjectNode changes, String field, @Nullable String value) {
        if (value == null) {
            return;
        }
        if (value.isBlank()) {
            changes.putNull(field);
        } else {
            changes.put(field, value.strip());
        }
    }

    static final class PolicyConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String policy = value.strip().toLowerCase(Locale.ROOT);
            if (!POLICIES.contains(policy)) {
                throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", POLICIES));
            }
            return policy;
        }
    }

    static final class OrderConverter implements ITypeConverter<String> {
        @Override
        public String convert(String value) {
            String order = value.strip().toLowerCase(Locale.ROOT);
            if (!order.isEmpty() && !ORDERS.contains(order)) {
                throw new TypeConversionException("'" + value + "' is not one of " + String.join(", ", ORDERS));
            }
            return order;
        }
    }
}
