package dev.catapult.registry;

import java.util.List;
import org.jspecify.annotations.Nullable;

/** A page of repository names; {@code next} is the {@code last} to ask for the following page, if any. */
public record CatalogPage(
        List<String> repositories, @Nullable String next) {}
