package dev.catapult.targets.web;

import dev.catapult.api.TargetView;
import dev.catapult.targets.Target;
import dev.catapult.targets.TargetHold;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/**
 * The wire form of a target. Its {@code watch} object carries the settings, then the {@code hold} and the
 * {@code lastEvaluation}, as it always has. The settings are written in the key order PostgreSQL's
 * {@code jsonb} keeps (shorter keys first, then bytewise), which is what the API answered when it showed the
 * stored documents, so responses stay byte for byte the same.
 */
final class TargetViews {
    private static final Comparator<String> JSONB_KEY_ORDER = Comparator.comparingInt(
                    (String k) -> k.getBytes(StandardCharsets.UTF_8).length)
            .thenComparing((a, b) ->
                    Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8)));

    private TargetViews() {}

    static TargetView view(Target t) {
        Map<String, Object> watch =
                t.watch() == null ? null : jsonbOrdered(t.watch().toMap());
        TargetHold h = t.hold();
        if (h != null) {
            Map<String, @Nullable Object> hold = new LinkedHashMap<>();
            hold.put("reason", h.reason());
            hold.put("until", h.until() == null ? null : h.until().toString());
            hold.put("by", h.by());
            hold.put("at", h.at().toString());
            watch = watch == null ? new LinkedHashMap<>() : watch;
            watch.put("hold", hold);
        }
        if (watch != null && t.lastEvaluation() != null) {
            watch.put("lastEvaluation", t.lastEvaluation());
        }
        return new TargetView(
                t.app(), t.environment(), jsonbOrdered(t.deployer().toMap()), watch, t.updatedAt());
    }

    private static Map<String, Object> jsonbOrdered(Map<String, Object> document) {
        Map<String, Object> out = new LinkedHashMap<>();
        document.keySet().stream().sorted(JSONB_KEY_ORDER).forEach(k -> out.put(k, jsonbValue(document.get(k))));
        return out;
    }

    @SuppressWarnings("unchecked")
    private static @Nullable Object jsonbValue(@Nullable Object value) {
        if (value instanceof Map<?, ?> m) {
            return jsonbOrdered((Map<String, Object>) m);
        }
        if (value instanceof List<?> l) {
            return l.stream().map(TargetViews::jsonbValue).toList();
        }
        return value;
    }
}
