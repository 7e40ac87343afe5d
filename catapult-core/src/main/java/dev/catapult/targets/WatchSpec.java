package dev.catapult.targets;

import dev.catapult.common.InvalidInput;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;
import org.jspecify.annotations.Nullable;

/** The watch policy of a target (SPEC §6), validated for storage. */
public record WatchSpec(
        String policy,
        boolean autoDeploy,
        @Nullable String pinnedTag,
        @Nullable String include,
        @Nullable String exclude,
        boolean allowPrerelease,
        @Nullable Duration minAge,
        @Nullable String order) {

    private static final Set<String> POLICIES =
            Set.of("semver", "semver-major", "semver-minor", "semver-patch", "pinned", "regex");
    private static final Set<String> ORDERS = Set.of("semver", "lexical", "numeric");
    /** The OCI distribution spec's tag grammar: a pinned tag outside it could never match a pushed image. */
    private static final Pattern TAG = Pattern.compile("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$");

    public static @Nullable WatchSpec parse(@Nullable Map<String, Object> raw) {
        if (raw == null) {
            return null;
        }
        Settings s = new Settings(
                "watch",
                raw,
                Set.of(
                        "policy",
                        "autoDeploy",
                        "pinnedTag",
                        "include",
                        "exclude",
                        "allowPrerelease",
                        "minAge",
                        "order"));
        String policy = s.requiredString("policy");
        if (!POLICIES.contains(policy)) {
            throw new InvalidInput(
                    "watch.policy",
                    "'" + policy + "' is not one of "
                            + String.join(", ", POLICIES.stream().sorted().toList()));
        }
        String pinned = s.string("pinnedTag");
        if (policy.equals("pinned") && (pinned == null || pinned.isBlank())) {
            throw new InvalidInput("watch.pinnedTag", "is required for the pinned policy");
        }
        if (pinned != null && !TAG.matcher(pinned).matches()) {
            throw new InvalidInput(
                    "watch.pinnedTag", "must be an image tag (letters, digits, _ . -; at most 128 characters)");
        }
        String order = s.string("order");
        if (order != null && !ORDERS.contains(order)) {
            throw new InvalidInput("watch.order", "must be semver, lexical or numeric");
        }
        if (policy.equals("regex") && s.string("include") == null) {
            throw new InvalidInput("watch.include", "is required for the regex policy");
        }
        return new WatchSpec(
                policy,
                s.bool("autoDeploy", false),
                pinned,
                regex("watch.include", s.string("include")),
                regex("watch.exclude", s.string("exclude")),
                s.bool("allowPrerelease", false),
                s.duration("minAge"),
                order);
    }

    private static @Nullable String regex(String field, @Nullable String text) {
        if (text == null) {
            return null;
        }
        if (text.length() > 512) {
            throw new InvalidInput(field, "is longer than 512 characters");
        }
        try {
            Pattern.compile(text);
            return text;
        } catch (PatternSyntaxException e) {
            throw new InvalidInput(field, "is not a valid regular expression");
        }
    }

    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("policy", policy);
        m.put("autoDeploy", autoDeploy);
        putIfSet(m, "pinnedTag", pinnedTag);
        putIfSet(m, "include", include);
        putIfSet(m, "exclude", exclude);
        m.put("allowPrerelease", allowPrerelease);
        putIfSet(m, "minAge", minAge == null ? null : minAge.toString());
        putIfSet(m, "order", order);
        return m;
    }

    private static void putIfSet(Map<String, Object> m, String key, @Nullable Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }
}
