package dev.catapult.deploy.docker;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import jdk.net.ExtendedSocketOptions;
import org.jspecify.annotations.Nullable;

/**
 * Plain HTTP to {@code tcp://host:port} with the JDK's client. The whole exchange, body included, is bounded
 * by the timeout (the client's own request timeout stops at the headers).
 *
 * <p>Streams ({@link #stream}) go over a socket of their own, framed by the same HTTP/1.1 code as the unix
 * socket's: the JDK client offers no per-read timeout and no TCP keep-alive, and an event stream to a host
 * that vanished without closing the connection must not wait forever.
 */
final class TcpTransport implements EngineTransport {
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);

    private final URI base;
    private final HttpClient http;

    TcpTransport(URI base) {
        this.base = base;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public EngineResponse exchange(String method, String path, byte @Nullable [] json, Duration timeout)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(base.resolve(path))
                .timeout(timeout)
                .header("User-Agent", "catapult-docker-deployer")
                .method(
                        method,
                        json == null
                                ? HttpRequest.BodyPublishers.noBody()
                                : HttpRequest.BodyPublishers.ofByteArray(json));
        if (json != null) {
            request.header("Content-Type", "application/json");
        }
        CompletableFuture<HttpResponse<byte[]>> future =
                http.sendAsync(request.build(), HttpResponse.BodyHandlers.ofByteArray());
        try {
            HttpResponse<byte[]> response = future.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            if (response.body().length > UnixSocketTransport.MAX_BODY) {
                throw new IOException("response body larger than " + UnixSocketTransport.MAX_BODY + " bytes");
            }
            Map<String, String> headers = new LinkedHashMap<>();
            response.headers()
                    .map()
                    .forEach((name, values) -> headers.put(name.toLowerCase(Locale.ROOT), String.join(", ", values)));
            return new EngineResponse(response.statusCode(), headers, response.body());
        } catch (TimeoutException e) {
            future.cancel(true);
            throw new IOException("the Docker engine did not answer within " + timeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            future.cancel(true);
            throw e;
        } catch (ExecutionException e) {
            Throwable cause = e.getCause();
            if (cause instanceof IOException io) {
                throw io;
            }
            throw new IOException(cause == null ? "request failed" : cause.toString(), cause);
        }
    }

    @Override
    public EngineStream stream(String path, Duration idle) throws IOException, InterruptedException {
        Socket socket = new Socket();
        try {
            socket.setKeepAlive(true);
            keepAlive(socket);
            int port = base.getPort() < 0 ? 80 : base.getPort();
            socket.connect(new InetSocketAddress(base.getHost(), port), (int) CONNECT_TIMEOUT.toMillis());
            socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, idle.toMillis())));
            ByteBuffer request = UnixSocketTransport.request("GET", path, null);
            OutputStream out = socket.getOutputStream();
            out.write(request.array(), 0, request.limit());
            out.flush();
            InputStream in = new BufferedInputStream(socket.getInputStream(), 16 * 1024);
            HttpResponseReader.Head head = HttpResponseReader.head(in);
            return new EngineStream(head.status(), head.headers(), HttpResponseReader.bodyStream(in, head), socket);
        } catch (IOException | RuntimeException e) {
            socket.close();
            if (Thread.currentThread().isInterrupted()) {
                throw new InterruptedException("interrupted while talking to " + base);
            }
            throw e;
        }
    }

    /** Probes an idle connection after a minute, so a host that vanished is noticed within about two. */
    private static void keepAlive(Socket socket) {
        try {
            socket.setOption(ExtendedSocketOptions.TCP_KEEPIDLE, 60);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPINTERVAL, 10);
            socket.setOption(ExtendedSocketOptions.TCP_KEEPCOUNT, 6);
        } catch (UnsupportedOperationException | IOException e) {
            // the platform's defaults apply; the stream's idle limit still ends a silent connection
        }
    }

    /** For messages: where this transport connects. */
    @Override
    public String toString() {
        return base.toString();
    }
}
