package dev.catapult.cli.status;

import dev.catapult.api.StatusEntry;
import dev.catapult.api.StatusView;
import dev.catapult.cli.CliException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The apps × environments matrix after {@code --env}, {@code --only} and {@code --sort}. Sort keys are
 * {@code app}, {@code behind} (the most an app lags in any shown environment) or an environment name (the
 * version running there); {@code -key} sorts descending. Ties fall back to the app name.
 */
final class StatusMatrix {

    private final List<String> environments;
    private final Map<String, Map<String, StatusEntry>> rows;

    private StatusMatrix(List<String> environments, Map<String, Map<String, StatusEntry>> rows) {
        this.environments = environments;
        this.rows = rows;
    }

    static StatusMatrix of(
            StatusView view, Set<String> onlyEnvironments, @Nullable Pattern onlyApps, List<String> sortKeys) {
        List<String> environments = view.environments().stream()
                .filter(env -> onlyEnvironments.isEmpty() || onlyEnvironments.contains(env))
                .toList();
        Map<String, Map<String, StatusEntry>> byApp = new LinkedHashMap<>();
        for (StatusEntry entry : view.entries()) {
            if (environments.contains(entry.environment())
                    && (onlyApps == null || onlyApps.matcher(entry.app()).find())) {
                byApp.computeIfAbsent(entry.app(), app -> new LinkedHashMap<>()).put(entry.environment(), entry);
            }
        }
        List<String> apps = new ArrayList<>(byApp.keySet());
        apps.sort(comparator(sortKeys, environments, byApp));
        Map<String, Map<String, StatusEntry>> sorted = new LinkedHashMap<>();
        apps.forEach(app -> sorted.put(app, byApp.get(app)));
        return new StatusMatrix(environments, sorted);
    }

    List<String> environments() {
        return environments;
    }

    Map<String, Map<String, StatusEntry>> rows() {
        return rows;
    }

    List<StatusEntry> entries() {
        return rows.values().stream()
                .flatMap(cells -> environments.stream().map(cells::get).filter(e -> e != null))
                .toList();
    }

    private static Comparator<String> comparator(
            List<String> keys, List<String> environments, Map<String, Map<String, StatusEntry>> byApp) {
        Comparator<String> result = null;
        for (String raw : keys) {
            boolean descending = raw.startsWith("-");
            String key = descending ? raw.substring(1) : raw;
            Comparator<String> next;
            if (key.equals("app")) {
                next = Comparator.naturalOrder();
            } else if (key.equals("behind")) {
                // the keys sorted are byApp's own
                next = Comparator.comparingLong(app -> Objects.requireNonNull(byApp.get(app)).values().stream()
                        .mapToLong(StatusEntry::behind)
                        .max()
                        .orElse(0));
            } else if (environments.contains(key)) {
                next = Comparator.comparingLong(app -> {
                    StatusEntry entry = Objects.requireNonNull(byApp.get(app)).get(key);
                    return entry == null || entry.version() == null ? 0 : entry.version();
                });
            } else {
                throw CliException.usage("unknown sort key '" + key + "' (use app, behind or an environment name)");
            }
            next = descending ? next.reversed() : next;
            result = result == null ? next : result.thenComparing(next);
        }
        Comparator<String> byName = Comparator.naturalOrder();
        return result == null ? byName : result.thenComparing(byName);
    }
}
