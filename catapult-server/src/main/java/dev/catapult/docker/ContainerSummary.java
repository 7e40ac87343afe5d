package dev.catapult.docker;

import java.util.List;

/**
 * A container as {@code GET /containers/json} lists it.
 *
 * @param names every name the engine reports, without the leading slash
 * @param created Unix seconds
 */
public record ContainerSummary(String id, List<String> names, long created) {
    public ContainerSummary {
        names = List.copyOf(names);
    }
}
