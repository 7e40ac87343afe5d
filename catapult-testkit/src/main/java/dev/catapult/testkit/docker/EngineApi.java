package dev.catapult.testkit.docker;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A test engine's API spoken directly — HTTP/1.0 over its unix socket — so tests see what the engine really
 * runs independently of the server's own Engine client. An HTTP/1.0 answer is neither chunked nor kept
 * alive, so it ends with the connection.
 */
public final class EngineApi {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private final Path socket;

    public EngineApi(Path socket) {
        this.socket = socket;
    }

    /** The engine's answer: its status and body. */
    public record Reply(int status, String body) {
        /** The body as JSON; fails the test unless the status is 2xx. */
        public JsonNode json() {
            return JSON.readTree(ok().body());
        }

        /** This reply; fails the test unless the status is 2xx. */
        public Reply ok() {
            if (status / 100 != 2) {
                throw new AssertionError("engine answered " + status + ": " + body);
            }
            return this;
        }
    }

    /** One request, with {@code json} (when not null) as its body. */
    public Reply call(String method, String path, @Nullable Object json) {
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX)) {
            channel.connect(UnixDomainSocketAddress.of(socket));
            byte[] body = json == null ? new byte[0] : JSON.writeValueAsBytes(json);
            String head = method + " " + path
                    + " HTTP/1.0\r\nHost: engine\r\nContent-Type: application/json\r\nContent-Length: " + body.length
                    + "\r\n\r\n";
            ByteBuffer out = ByteBuffer.allocate(head.length() + body.length)
                    .put(head.getBytes(StandardCharsets.US_ASCII))
                    .put(body)
                    .flip();
            while (out.hasRemaining()) {
                channel.write(out);
            }
            ByteArrayOutputStream answer = new ByteArrayOutputStream();
            ByteBuffer buffer = ByteBuffer.allocate(16384);
            while (channel.read(buffer) >= 0) {
                buffer.flip();
                answer.write(buffer.array(), 0, buffer.limit());
                buffer.clear();
            }
            String text = answer.toString(StandardCharsets.UTF_8);
            int end = text.indexOf("\r\n\r\n");
            if (!text.startsWith("HTTP/1.") || end < 0) {
                throw new AssertionError(method + " " + path + ": not an HTTP answer: " + text);
            }
            return new Reply(Integer.parseInt(text.substring(9, 12)), text.substring(end + 4));
        } catch (IOException e) {
            throw new UncheckedIOException(method + " " + path + " on " + socket, e);
        }
    }
}
