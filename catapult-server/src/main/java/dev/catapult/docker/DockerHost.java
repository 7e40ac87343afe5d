package dev.catapult.docker;

import java.nio.file.Path;
import org.jspecify.annotations.Nullable;

/**
 * Where a Docker Engine API listens: {@code unix:///path/to/docker.sock} or {@code tcp://host:port} (plain
 * HTTP, or HTTPS with client certificates).
 */
sealed interface DockerHost {
    /** The engine's unix domain socket. */
    record Unix(Path socket) implements DockerHost {
        @Override
        public String toString() {
            return "unix://" + socket;
        }
    }

    /**
     * The engine's TCP port; {@code host} is a name, an IPv4 address or a bracketed IPv6 address. With
     * {@code tls}, HTTPS with the client's certificate; else plain HTTP.
     */
    record Tcp(String host, int port, @Nullable EngineTls tls) implements DockerHost {
        @Override
        public String toString() {
            return "tcp://" + host + ":" + port;
        }
    }

    /** Reads {@code unix:///…} or {@code tcp://host:port} (as {@code DockerSettings} validated them). */
    static DockerHost parse(String address) {
        return parse(address, null);
    }

    /** {@link #parse(String)}, with TLS for a {@code tcp://} host. */
    static DockerHost parse(String address, @Nullable EngineTls tls) {
        if (tls != null && !address.startsWith("tcp://")) {
            throw new IllegalArgumentException("TLS is for tcp:// hosts, not " + address);
        }
        if (address.startsWith("unix://")) {
            return new Unix(Path.of(address.substring("unix://".length())));
        }
        if (address.startsWith("tcp://")) {
            String rest = address.substring("tcp://".length());
            if (rest.endsWith("/")) {
                rest = rest.substring(0, rest.length() - 1);
            }
            int colon = rest.lastIndexOf(':');
            if (colon > 0 && colon < rest.length() - 1) {
                try {
                    return new Tcp(rest.substring(0, colon), Integer.parseInt(rest.substring(colon + 1)), tls);
                } catch (NumberFormatException e) {
                    // falls through to the refusal
                }
            }
        }
        throw new IllegalArgumentException("not a Docker host: " + address);
    }
}
