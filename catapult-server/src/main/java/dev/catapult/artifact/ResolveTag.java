package dev.catapult.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The {@code resolve-tag} job's payload: look at where {@code repository:tag} points now; {@code source} says
 * who asked (poll, notification, admin…). {@code rescan} also rescans the artifact; it is stored only when
 * set, as it always was, so rows queued by older servers read the same.
 */
public record ResolveTag(
        String registry,
        String repository,
        String tag,
        String source,
        @JsonInclude(JsonInclude.Include.NON_DEFAULT) boolean rescan) {}
