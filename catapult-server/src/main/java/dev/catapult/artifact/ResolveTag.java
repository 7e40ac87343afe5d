package dev.catapult.artifact;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonSetter;
import com.fasterxml.jackson.annotation.Nulls;

/**
 * The {@code resolve-tag} job's payload: look at where {@code repository:tag} points now; {@code source} says
 * who asked (poll, notification, admin…). {@code rescan} also rescans the artifact; it is stored only when
 * set, as it always was, and read as false when absent, so rows queued by older servers still run.
 */
public record ResolveTag(
        String registry,
        String repository,
        String tag,
        String source,

        @JsonInclude(JsonInclude.Include.NON_DEFAULT) @JsonSetter(nulls = Nulls.AS_EMPTY)
        boolean rescan) {}
