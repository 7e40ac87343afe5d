package dev.catapult.api;

import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * {@code POST /api/v1/apps/{app}/releases}. {@code image} is a digest reference ({@code repo@sha256:…});
 * {@code noImage: true} records a release without an image. {@code commits} lists the shas the release
 * adds since the previous one (or removes, for a release built from an older commit).
 */
public record ReleaseCreateRequest(
        String commit,
        @Nullable String image,
        @Nullable String imageTag,
        @Nullable String changelog,
        @Nullable List<String> commits,
        @Nullable Boolean noImage) {}
