package dev.catapult.release;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * Creates a release ({@link ReleaseLedger#create} validates it through core's {@code ReleaseDraft}).
 * {@code image} is a digest or tag reference; {@code noImage} records a release without an image.
 */
public record NewRelease(
        @Nullable String commit,
        @Nullable String image,
        @Nullable String imageTag,
        @Nullable String changelog,
        @Nullable List<String> commits,
        @Nullable Boolean noImage) {}
