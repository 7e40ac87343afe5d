package dev.catapult.status;

import java.util.List;

/** The apps × environments matrix: {@code environments} by rank, one {@link StatusCell} per app and environment. */
public record StatusGrid(List<String> environments, List<StatusCell> entries) {
    public StatusGrid {
        environments = List.copyOf(environments);
        entries = List.copyOf(entries);
    }
}
