package dev.catapult.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.SocketTimeoutException;
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
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The unix socket transport's request, its deadline and its response to interrupts, against a scripted peer. */
class DockerUnixSocketTransportTest {
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
    void sendsOneRequestPerConnectionAndReadsTheAnswer() throws Exception {
        CompletableFuture<String> request =
                serve(received -> "HTTP/1.1 201 Created\r\nContent-Type: application/json\r\n"
                        + "Transfer-Encoding: chunked\r\n\r\n8\r\n{\"Id\":1}\r\n0\r\n\r\n");

        EngineResponse r = transport()
                .exchange(
                        "POST",
                        "/v1.41/containers/create?name=web",
                        "{}".getBytes(StandardCharsets.UTF_8),
                        Duration.ofSeconds(5));

        assertThat(r.status()).isEqualTo(201);
        assertThat(r.text()).isEqualTo("{\"Id\":1}");
        assertThat(request.get(5, TimeUnit.SECONDS))
                .startsWith("POST /v1.41/containers/create?name=web HTTP/1.1\r\n")
                .contains("Connection: close\r\n", "Content-Type: application/json\r\n", "Content-Length: 2\r\n")
                .endsWith("\r\n\r\n{}");
    }

    @Test
    void anEngineThatNeverAnswersTimesOut() throws Exception {
        serve(received -> null);
        long start = System.nanoTime();

        assertThatThrownBy(() -> transport().exchange("GET", "/_ping", null, Duration.ofMillis(300)))
                .isInstanceOf(SocketTimeoutException.class);
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(3));
    }

    @Test
    void anInterruptEndsTheWaitAtOnce() throws Exception {
        serve(received -> null);
        CompletableFuture<Throwable> thrown = new CompletableFuture<>();
        Thread caller = Thread.ofVirtual().start(() -> {
            try {
                transport().exchange("GET", "/_ping", null, Duration.ofSeconds(30));
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
        assertThatThrownBy(() -> new UnixSocketTransport(dir.resolve("none.sock"))
                        .exchange("GET", "/_ping", null, Duration.ofSeconds(1)))
                .isInstanceOf(IOException.class);
    }

    private UnixSocketTransport transport() {
        return new UnixSocketTransport(dir.resolve("engine.sock"));
    }

    /** Accepts one connection, reads the request, and answers {@code answer(request)} (null: stays silent). */
    private CompletableFuture<String> serve(Function<String, String> answer) throws IOException {
        ServerSocketChannel server = ServerSocketChannel.open(StandardProtocolFamily.UNIX);
        server.bind(UnixDomainSocketAddress.of(dir.resolve("engine.sock")));
        open.add(server);
        CompletableFuture<String> received = new CompletableFuture<>();
        Thread.ofVirtual().start(() -> {
            try (SocketChannel peer = server.accept()) {
                ByteBuffer buffer = ByteBuffer.allocate(64 * 1024);
                String text = "";
                while (!requestComplete(text) && peer.read(buffer) > 0) {
                    text = new String(buffer.array(), 0, buffer.position(), StandardCharsets.UTF_8);
                }
                received.complete(text);
                String reply = answer.apply(text);
                if (reply == null) {
                    Thread.sleep(10_000);
                } else {
                    peer.write(ByteBuffer.wrap(reply.getBytes(StandardCharsets.UTF_8)));
                }
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
        int length = text.contains("Content-Length: 2\r\n") ? 2 : 0;
        return text.length() >= end + 4 + length;
    }
}
