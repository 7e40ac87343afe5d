package dev.catapult.docker;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A Docker engine that only answers {@code /_ping}, with the {@code Api-Version} and {@code Server} headers of the
 * engine it plays (as in a real 20.10 answer), and 404 with a message to everything else: for the version edges a
 * real engine here cannot show. It keeps the paths asked for.
 */
public final class PingStub implements AutoCloseable {
    private final HttpServer server;
    private final List<String> paths = new CopyOnWriteArrayList<>();

    private PingStub(String apiVersion, String serverVersion) throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            paths.add(exchange.getRequestURI().toString());
            boolean ping = exchange.getRequestURI().getPath().equals("/_ping");
            byte[] body = (ping ? "OK" : "{\"message\":\"No such container: web\"}").getBytes();
            exchange.getResponseHeaders().add("Api-Version", apiVersion);
            exchange.getResponseHeaders().add("Server", "Docker/" + serverVersion + " (linux)");
            exchange.getResponseHeaders().add("Content-Type", ping ? "text/plain; charset=utf-8" : "application/json");
            exchange.sendResponseHeaders(ping ? 200 : 404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.start();
    }

    /** Starts a stub on a free loopback port playing an engine offering {@code apiVersion}. */
    public static PingStub start(String apiVersion, String serverVersion) throws IOException {
        return new PingStub(apiVersion, serverVersion);
    }

    /** The engine address, as a target's {@code host} setting names it. */
    public String host() {
        return "tcp://127.0.0.1:" + server.getAddress().getPort();
    }

    /** The paths (with query) asked for so far, in order. */
    public List<String> paths() {
        return List.copyOf(paths);
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
