package dev.catapult.cli.config;

import org.jspecify.annotations.Nullable;

/** Where the CLI talks to and as whom; either part may be missing until {@code catapult login}. */
public record Config(@Nullable String server, @Nullable String token) {

    public boolean complete() {
        return server != null && !server.isBlank() && token != null && !token.isBlank();
    }
}
