package dev.catapult.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ServerSocketChannel;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The engine transport over a unix socket against a scripted peer writing answers byte for byte as engines
 * send them: the request it sends, the framings it reads, its deadlines, and its response to interrupts.
 */
class EngineHttpTest {
    @TempDir
    Path dir;

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void closeAll() throws Exception {
        for (AutoCloseable c : open) {
            c.close();
        }
    }

    @Test
    void sendsOneRequestPerConnectionWithItsJsonBodyAndJoinsAChunkedAnswer() throws Exception {
        CompletableFuture<String> request = serve(
                "HTTP/1.1 201 Created\r\nApi-Version: 1.41\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n"
                        + "7;ext=1\r\n{\"a\":1}\r\n" + "2\r\n\n{\r\n" + "0\r\nX-Trailer: y\r\n\r\n",
                null);

        EngineHttp.Answer r = http().exchange(
                        "POST",
                        "/v1.41/containers/create?name=web",
                        "{}".getBytes(StandardCharsets.UTF_8),
                        Duration.ofSeconds(5));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.apiVersion()).isEqualTo("1.41");
        assertThat(r.text()).isEqualTo("{\"a\":1}\n{");
        assertThat(request.get(5, TimeUnit.SECONDS))
                .startsWith("POST /v1.41/containers/create?name=web HTTP/1.1\r\n")
                .containsIgnoringCase("Connection: close\r\n")
                .containsIgnoringCase("Content-Type: application/json")
                .containsIgnoringCase("Content-Length: 2\r\n")
                .endsWith("\r\n\r\n{}");
    }

    @Test
    void aPostWithoutBodySaysItsLengthIsZero() throws Exception {
        CompletableFuture<String> request = serve("HTTP/1.1 204 No Content\r\n\r\n", null);

        EngineHttp.Answer r = http().exchange("POST", "/v1.41/containers/abc/start", null, Duration.ofSeconds(5));

        assertThat(r.status()).isEqualTo(204);
        assertThat(request.get(5, TimeUnit.SECONDS)).containsIgnoringCase("Content-Length: 0\r\n");
    }

    @Test
    void contentLengthBodiesStopAtTheLengthAndBodylessStatusesReadNothing() throws Exception {
        serve("HTTP/1.1 404 Not Found\r\nContent-Length: 13\r\n\r\n{\"message\":1}", null);
        EngineHttp.Answer notFound = http().exchange("GET", "/v1.41/containers/x/json", null, Duration.ofSeconds(5));
        assertThat(notFound.status()).isEqualTo(404);
        assertThat(notFound.text()).isEqualTo("{\"message\":1}");

        closeAll();
        open.clear();
        serve("HTTP/1.1 304 Not Modified\r\n\r\n", null);
        EngineHttp.Answer unchanged = http().exchange("POST", "/v1.41/containers/x/start", null, Duration.ofSeconds(5));
        assertThat(unchanged.status()).isEqualTo(304);
        assertThat(unchanged.body()).isEmpty();
    }

    @Test
    void bodiesWithoutFramingRunToTheEndOfTheConnection() throws Exception {
        serve("HTTP/1.0 200 OK\r\nContent-Type: text/plain\r\n\r\nOK", null);

        assertThat(http().exchange("GET", "/_ping", null, Duration.ofSeconds(5)).text())
                .isEqualTo("OK");
    }

    @Test
    void oversizedTruncatedAndMalformedAnswersAreRefused() throws Exception {
        serve("HTTP/1.1 200 OK\r\nContent-Length: " + (EngineHttp.MAX_BODY + 1) + "\r\n\r\n", null);
        assertThatThrownBy(() -> http().exchange("GET", "/_ping", null, Duration.ofSeconds(5)))
                .isInstanceOf(IOException.class);

        for (String answer : List.of(
                "HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc",
                "SSH-2.0-OpenSSH_9.2\r\n",
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n")) {
            closeAll();
            open.clear();
            serve(answer, null);
            assertThatThrownBy(() -> http().exchange("GET", "/_ping", null, Duration.ofSeconds(5)))
                    .as(answer)
                    .isInstanceOf(IOException.class);
        }
    }

    @Test
    void anEngineThatNeverAnswersTimesOut() throws Exception {
        serve(null, null);
        long start = System.nanoTime();

        assertThatThrownBy(() -> http().exchange("GET", "/_ping", null, Duration.ofMillis(300)))
                .isInstanceOf(IOException.class)
                .hasMessage("the Docker engine did not answer within 300 ms");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anInterruptEndsTheWaitAtOnce() throws Exception {
        serve(null, null);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                http().exchange("GET", "/_ping", null, Duration.ofSeconds(30));
                thrown.complete(null);
            } catch (Throwable t) {
                thrown.complete(t);
            }
        });
        Thread.sleep(200);

        caller.interrupt();

        assertThat(thrown.get(5, TimeUnit.SECONDS)).isInstanceOf(InterruptedException.class);
    }

    @Test
    void aMissingSocketIsAnIoError() {
        assertThatThrownBy(() -> new EngineHttp(new DockerHost.Unix(dir.resolve("none.sock")), p -> {})
                        .exchange("GET", "/_ping", null, Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class);
    }

    @Test
    void aStreamHandsOutEachChunkAsItArrivesAndEndsWithTheLastChunk() throws Exception {
        String first = "{\"Action\":\"start\"}\n";
        CountDownLatch more = new CountDownLatch(1);
        serve(
                "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n" + Integer.toHexString(first.length()) + "\r\n"
                        + first + "\r\n",
                () -> {
                    more.await();
                    return "3\r\nab\n\r\n0\r\n\r\n";
                });

        try (EngineHttp.Stream stream = http().stream("/v1.41/events", Duration.ofSeconds(5))) {
            InputStream body = stream.body();
            byte[] buffer = new byte[4096];
            int n = body.read(buffer, 0, buffer.length);
            // The engine has sent one event so far, and waits: the first read hands it out.
            assertThat(new String(buffer, 0, n, StandardCharsets.UTF_8)).isEqualTo(first);
            more.countDown();
            assertThat(new String(body.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("ab\n");
        }
    }

    @Test
    void aSilentStreamEndsAtItsIdleLimit() throws Exception {
        serve("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n", () -> {
            Thread.sleep(10_000);
            return "";
        });

        try (EngineHttp.Stream stream = http().stream("/v1.41/events", Duration.ofMillis(300))) {
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(
                    IOException.class, () -> stream.body().read());
            assertThat(EngineHttp.idle(e)).as(e.toString()).isTrue();
        }
    }

    private EngineHttp http() throws IOException {
        return new EngineHttp(new DockerHost.Unix(dir.resolve("engine.sock")), p -> {});
    }

    /** What the peer writes after its first answer, once it may. */
    @FunctionalInterface
    private interface Later {
        String answer() throws InterruptedException;
    }

    /**
     * Accepts one connection, reads the request, and writes {@code answer} (null: stays silent), then what
     * {@code later} says, if anything; closes the connection unless the answer frames its own end.
     */
    private CompletableFuture<String> serve(@Nullable String answer, @Nullable Later later) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("engine.sock")));
        open.add(server);
        open.add(() -> java.nio.file.Files.deleteIfExists(dir.resolve("engine.sock")));
        CompletableFuture<String> received = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (SocketChannel peer = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                String text = "";
                while (!requestComplete(text) && peer.read(buffer) > 0) {
                    text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                }
                received.complete(text);
                if (answer == null) {
                    Thread.sleep(10_000);
                    return;
                }
                peer.write(ByteBuffer.wrap(answer.getBytes(StandardCharsets.UTF_8)));
                if (later != null) {
                    peer.write(ByteBuffer.wrap(later.answer().getBytes(StandardCharsets.UTF_8)));
                }
                Thread.sleep(200); // lets the client read before the connection closes
            } catch (IOException | InterruptedException e) {
                received.completeExceptionally(e);
            }
        });
        return received;
    }

    private static boolean requestComplete(String text) {
        int end = text.indexOf("\r\n\r\n");
        if (end < 0) {
            return false;
        }
        String head = text.substring(0, end).toLowerCase(java.util.Locale.ROOT);
        int at = head.indexOf("content-length: ");
        int length = at < 0
                ? 0
                : Integer.parseInt(head.substring(at + 16).split("\r\n")[0].trim());
        return text.length() >= end + 4 + length;
    }
}
