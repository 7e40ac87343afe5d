package dev.catapult.cli.config;

/** Where the CLI talks to and as whom; either part may be missing until {@code catapult login}. */
public record Config(String server, String token) {

    public boolean complete() {
        return server != null && !server.isBlank() && token != null && !token.isBlank();
    }
}
