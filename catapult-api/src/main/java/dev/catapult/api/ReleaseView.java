package dev.catapult.api;

import java.time.Instant;
import java.util.List;
import org.jspecify.annotations.Nullable;

/** An immutable release. {@code revision} is an opaque id of this exact record. */
public record ReleaseView(
        String app,
        long version,
        String commit,
        @Nullable String image,
        @Nullable String imageTag,
        String author,
        String changelog,
        @Nullable List<String> commits,
        String source,
        String revision,
        Instant createdAt) {}
