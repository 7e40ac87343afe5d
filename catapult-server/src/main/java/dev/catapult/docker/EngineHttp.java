package dev.catapult.docker;

import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Consumer;
import org.eclipse.jetty.client.BytesRequestContent;
import org.eclipse.jetty.client.CompletableResponseListener;
import org.eclipse.jetty.client.ContentResponse;
import org.eclipse.jetty.client.HttpClient;
import org.eclipse.jetty.client.InputStreamResponseListener;
import org.eclipse.jetty.client.Request;
import org.eclipse.jetty.client.Response;
import org.eclipse.jetty.client.transport.HttpClientTransportOverHTTP;
import org.eclipse.jetty.http.HttpField;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.io.ClientConnector;
import org.eclipse.jetty.io.Transport;
import org.eclipse.jetty.util.ssl.SslContextFactory;
import org.eclipse.jetty.util.thread.QueuedThreadPool;
import org.eclipse.jetty.util.thread.ScheduledExecutorScheduler;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 exchanges with one engine through Jetty's client: over the unix socket with Jetty's unix-domain
 * transport, over TCP, or over TLS with a client certificate. Every exchange is bounded by its timeout, body included; a stream by an idle limit
 * per read. An interrupt of the calling thread aborts the exchange.
 *
 * <p>One client serves every engine of the JVM without TLS, and one every engine with the same TLS files:
 * engine calls come from the deployer, the runtime watchers and tests, none of which owns a lifecycle worth
 * tying a client to, so its threads are daemons and it is never stopped.
 */
final class EngineHttp {
    static final int MAX_BODY = 32 * 1024 * 1024;
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final HttpClient PLAIN = start(new ClientConnector());
    /** One client per TLS identity: the TLS context (trusted CA, client key) belongs to the client's connector. */
    private static final Map<EngineTls, HttpClient> TLS = new ConcurrentHashMap<>();

    /** An answer read whole. */
    record Answer(
            int status,
            @Nullable String apiVersion,
            @Nullable String date,
            byte[] body) {
        boolean ok() {
            return status >= 200 && status < 300;
        }

        String text() {
            return new String(body, StandardCharsets.UTF_8);
        }
    }

    /** An answer whose body is read as the engine writes it; closing it aborts the exchange. */
    record Stream(int status, InputStream body, InputStreamResponseListener listener) implements AutoCloseable {
        @Override
        public void close() throws IOException {
            listener.close();
        }
    }

    private final HttpClient client;
    private final String base;
    private final @Nullable Transport transport;
    private final Consumer<String> onRequest;

    /** @throws IOException the host's TLS files cannot be read */
    EngineHttp(DockerHost host, Consumer<String> onRequest) throws IOException {
        this.onRequest = onRequest;
        switch (host) {
            case DockerHost.Unix u -> {
                // The authority is only the Host header: the connection goes to the socket.
                this.client = PLAIN;
                this.base = "http://docker";
                this.transport = new Transport.TCPUnix(u.socket());
            }
            case DockerHost.Tcp t -> {
                EngineTls tls = t.tls();
                this.client = tls == null ? PLAIN : tlsClient(tls);
                this.base = (tls == null ? "http://" : "https://") + t.host() + ":" + t.port();
                this.transport = null;
            }
        }
    }

    /**
     * Sends {@code method path} (with a JSON body, if any) and reads the whole answer within {@code timeout}.
     *
     * @throws IOException the engine cannot be reached, or did not answer in time
     * @throws InterruptedException the thread was interrupted; the exchange is aborted
     */
    Answer exchange(String method, String path, byte @Nullable [] json, Duration timeout)
            throws IOException, InterruptedException {
        Request request = request(method, path).timeout(timeout.toMillis(), TimeUnit.MILLISECONDS);
        if (json != null) {
            request.body(new BytesRequestContent("application/json", json));
        } else if (method.equals("POST")) {
            request.body(new BytesRequestContent(new byte[0])); // Content-Length: 0, as engines expect of a POST
        }
        CompletableFuture<ContentResponse> answer = new CompletableResponseListener(request, MAX_BODY).send();
        try {
            ContentResponse r = answer.get();
            return new Answer(
                    r.getStatus(),
                    r.getHeaders().get("Api-Version"),
                    r.getHeaders().get(HttpHeader.DATE),
                    r.getContent());
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        } catch (ExecutionException e) {
            throw failure(e.getCause(), timeout);
        }
    }

    /**
     * Sends {@code GET path} and returns once the answer's headers arrived (within {@code idle}), its body to
     * be read as the engine writes it; the exchange fails once the engine was silent for {@code idle}.
     */
    Stream stream(String path, Duration idle) throws IOException, InterruptedException {
        Request request = request("GET", path).idleTimeout(idle.toMillis(), TimeUnit.MILLISECONDS);
        InputStreamResponseListener listener = new InputStreamResponseListener();
        request.send(listener);
        try {
            Response r = listener.get(idle.toMillis(), TimeUnit.MILLISECONDS);
            return new Stream(r.getStatus(), listener.getInputStream(), listener);
        } catch (InterruptedException e) {
            request.abort(e);
            throw e;
        } catch (TimeoutException e) {
            request.abort(e);
            throw new IOException("the Docker engine did not answer within " + idle.toSeconds() + " s");
        } catch (ExecutionException e) {
            throw failure(e.getCause(), idle);
        }
    }

    /** Whether reading a stream failed because the engine was silent for the idle limit. */
    static boolean idle(IOException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof TimeoutException || t instanceof SocketTimeoutException) {
                return true;
            }
        }
        return false;
    }

    /** Whether reading a stream failed because the reading thread was interrupted. */
    static boolean interrupted(IOException e) {
        return e instanceof InterruptedIOException && !idle(e)
                || Thread.currentThread().isInterrupted();
    }

    private Request request(String method, String path) {
        onRequest.accept(path);
        // One connection per exchange: a pooled connection the engine dropped
        // (restarted, or a proxy in between timed it out) would fail the next call, which for a POST cannot be
        // retried blindly; connecting anew costs little next to the calls a deploy or a reconnect makes.
        Request request =
                client.newRequest(base + path).method(method).headers(h -> h.put(HttpHeader.CONNECTION, "close"));
        if (transport != null) {
            request.transport(transport);
        }
        return request;
    }

    private static IOException failure(@Nullable Throwable cause, Duration timeout) {
        if (cause instanceof TimeoutException) {
            return new IOException("the Docker engine did not answer within " + describe(timeout));
        }
        if (cause instanceof IOException io) {
            return io;
        }
        return new IOException(cause == null ? "request failed" : cause.toString(), cause);
    }

    private static String describe(Duration d) {
        return d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms";
    }

    /** Whether {@code e} says nothing listens where the engine should. */
    static boolean refused(IOException e) {
        return e instanceof ConnectException
                && (e.getMessage() == null || e.getMessage().equalsIgnoreCase("connection refused"));
    }

    /** The client for {@code tls}; the files are read when it is first asked for (a changed file needs a restart). */
    private static HttpClient tlsClient(EngineTls tls) throws IOException {
        HttpClient known = TLS.get(tls);
        if (known != null) {
            return known;
        }
        SslContextFactory.Client ssl = new SslContextFactory.Client();
        try {
            ssl.setTrustStore(PemFiles.trustStore(tls.caFile()));
            ssl.setKeyStore(PemFiles.keyStore(tls.certFile(), tls.keyFile()));
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot use the TLS files " + tls.certFile() + ", " + tls.keyFile() + ": " + e, e);
        }
        ssl.setKeyStorePassword(new String(PemFiles.STORE_PASSWORD));
        ssl.setKeyManagerPassword(new String(PemFiles.STORE_PASSWORD));
        ClientConnector connector = new ClientConnector();
        connector.setSslContextFactory(ssl);
        return TLS.computeIfAbsent(tls, t -> start(connector));
    }

    private static HttpClient start(ClientConnector connector) {
        QueuedThreadPool threads = new QueuedThreadPool();
        threads.setName("docker-engine");
        threads.setDaemon(true);
        HttpClient client = new HttpClient(new HttpClientTransportOverHTTP(connector));
        client.setExecutor(threads);
        client.setScheduler(new ScheduledExecutorScheduler("docker-engine-scheduler", true));
        client.setConnectTimeout(CONNECT_TIMEOUT.toMillis());
        client.setFollowRedirects(false);
        client.setUserAgentField(new HttpField(HttpHeader.USER_AGENT, "catapult-docker-deployer"));
        try {
            client.start();
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the Docker engine HTTP client", e);
        }
        return client;
    }
}
