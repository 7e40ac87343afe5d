package dev.catapult.testkit.http;

import com.sun.net.httpserver.HttpHandler;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.concurrent.Executors;

/**
 * The JDK's HTTP server on a free {@code 127.0.0.1} port, answering every path with one handler on virtual
 * threads: the base of the stand-ins for systems that cannot run here, shaped like their documented answers.
 */
public final class LoopbackServer {
    private LoopbackServer() {}

    /** A started server; stop it with {@code server.stop(0)}. */
    public static HttpServer start(HttpHandler handler) {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.setExecutor(Executors.newVirtualThreadPerTaskExecutor());
            server.createContext("/", handler);
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException("could not start a loopback HTTP server", e);
        }
    }

    /** {@code http://127.0.0.1:<port>}. */
    public static URI url(HttpServer server) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }
}
