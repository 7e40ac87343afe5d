package dev.catapult.deploy.docker;

import java.io.IOException;
import java.net.URI;
import java.nio.file.Path;
import java.time.Duration;
import org.jspecify.annotations.Nullable;

/** One HTTP/1.1 exchange with a Docker Engine API host, whatever carries it. */
interface EngineTransport {
    /**
     * Sends {@code method path} (with a JSON body, if any) and reads the whole answer within {@code timeout}.
     *
     * @throws IOException the host cannot be reached, or did not answer in time
     * @throws InterruptedException the thread was interrupted; the exchange is abandoned
     */
    EngineResponse exchange(String method, String path, byte @Nullable [] json, Duration timeout)
            throws IOException, InterruptedException;

    /**
     * Sends {@code GET path} and returns once the answer's headers arrived, its body to be read as the engine
     * writes it. Reads wait for data for at most {@code idle} each; an interrupt of the reading thread ends
     * the exchange.
     *
     * @throws IOException the host cannot be reached, or did not answer within {@code idle}
     * @throws InterruptedException the thread was interrupted before the answer's headers arrived
     */
    default EngineStream stream(String path, Duration idle) throws IOException, InterruptedException {
        throw new IOException("this transport does not stream");
    }

    /** {@code unix:///path} → the socket; {@code tcp://host:port} → plain HTTP (DockerSettings validated the form). */
    static EngineTransport forHost(String host) {
        if (host.startsWith("unix://")) {
            return new UnixSocketTransport(Path.of(host.substring("unix://".length())));
        }
        if (host.startsWith("tcp://")) {
            return new TcpTransport(URI.create("http://" + host.substring("tcp://".length())));
        }
        throw new IllegalArgumentException("not a Docker host: " + host);
    }
}
