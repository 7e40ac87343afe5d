package dev.catapult.cli.watch;

import dev.catapult.api.TargetView;
import dev.catapult.cli.output.Fields;
import dev.catapult.cli.output.Output;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;

/** How a target's watch looks: its TargetView JSON for scripts, aligned fields for people. */
final class WatchPrinter {

    private WatchPrinter() {}

    static void show(Output output, JsonNode node) {
        output.show(node, TargetView.class, WatchPrinter::fields);
    }

    private static Fields fields(TargetView target) {
        Map<String, Object> watch = target.watch() == null ? Map.of() : target.watch();
        Fields fields = new Fields().add("app", target.app()).add("environment", target.environment());
        Object policy = watch.get("policy");
        if (policy == null) {
            fields.add("policy", "none (not watched; set one with --policy)");
        } else {
            fields.add("policy", policy)
                    .add("auto-deploy", Boolean.TRUE.equals(watch.get("autoDeploy")) ? "on" : "off")
                    .add("pinned tag", watch.get("pinnedTag"))
                    .add("include", watch.get("include"))
                    .add("exclude", watch.get("exclude"))
                    .add("prereleases", Boolean.TRUE.equals(watch.get("allowPrerelease")) ? "allowed" : null)
                    .add("min age", humanDuration(watch.get("minAge")))
                    .add("order", watch.get("order"));
        }
        if (watch.get("hold") instanceof Map<?, ?> hold) {
            fields.add("hold", hold.get("reason"))
                    .add("hold until", hold.get("until") == null ? "released by hand" : instant(hold.get("until")))
                    .add("held by", by(hold.get("by"), hold.get("at")));
        }
        if (watch.get("lastEvaluation") instanceof Map<?, ?> evaluation) {
            fields.add("last evaluation", evaluation.get("outcome"))
                    .add("why", evaluation.get("why"))
                    .add("tag", evaluation.get("tag"))
                    .add("deploy", evaluation.get("deployId"))
                    .add("evaluated", evaluated(evaluation.get("at"), evaluation.get("trigger")));
        }
        return fields;
    }

    private static @Nullable String by(@Nullable Object who, @Nullable Object at) {
        if (who == null && at == null) {
            return null;
        }
        return (who == null ? "?" : who) + (at == null ? "" : " at " + instant(at));
    }

    private static @Nullable String evaluated(@Nullable Object at, @Nullable Object trigger) {
        if (at == null) {
            return null;
        }
        return instant(at) + (trigger == null ? "" : " (" + trigger + ")");
    }

    /** The server's ISO-8601 instants, shown to the second like every other time the CLI prints. */
    private static Object instant(Object value) {
        try {
            return Instant.parse(String.valueOf(value)).truncatedTo(ChronoUnit.SECONDS);
        } catch (DateTimeParseException e) {
            return value;
        }
    }

    /** {@code PT1H30M} as stored becomes {@code 1h30m}, the way it was most likely typed. */
    static @Nullable Object humanDuration(@Nullable Object value) {
        if (value == null) {
            return null;
        }
        Duration d;
        try {
            d = Duration.parse(String.valueOf(value));
        } catch (DateTimeParseException e) {
            return value;
        }
        StringBuilder text = new StringBuilder();
        append(text, d.toDaysPart(), "d");
        append(text, d.toHoursPart(), "h");
        append(text, d.toMinutesPart(), "m");
        append(text, d.toSecondsPart(), "s");
        append(text, d.toMillisPart(), "ms");
        return text.isEmpty() ? value : text.toString();
    }

    private static void append(StringBuilder text, long amount, String unit) {
        if (amount > 0) {
            text.append(amount).append(unit);
        }
    }
}
