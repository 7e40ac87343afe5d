package dev.catapult.e2e;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A webhook deploy receiver on loopback that counts deliveries per deploy id. While {@link #hang} is set
 * it never answers, as a stuck downstream system would.
 */
final class WebhookReceiver implements AutoCloseable {
    final Map<String, AtomicInteger> deliveries = new ConcurrentHashMap<>();
    volatile boolean hang;
    private final HttpServer server;

    WebhookReceiver() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        server.createContext("/deploy", exchange -> {
            exchange.getRequestBody().readAllBytes();
            String id = exchange.getRequestHeaders().getFirst("X-Catapult-Delivery");
            deliveries.computeIfAbsent(id, k -> new AtomicInteger()).incrementAndGet();
            if (hang) {
                Servers.sleep(120_000);
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/deploy";
    }

    int deliveriesOf(String deployId) {
        AtomicInteger n = deliveries.get(deployId);
        return n == null ? 0 : n.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
