package dev.catapult.deploy.docker;

import java.io.BufferedInputStream;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.net.SocketTimeoutException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.ClosedByInterruptException;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.jspecify.annotations.Nullable;

/**
 * HTTP/1.1 over a unix domain socket (Docker's {@code /var/run/docker.sock}, Podman's
 * {@code podman.sock}), one connection per exchange. The channel is non-blocking and every wait is a
 * {@link Selector#select(long)} bounded by the exchange's deadline, which also returns at once when the
 * thread is interrupted. A stream ({@link #stream}) waits at most its idle limit for each read instead of
 * one deadline for the whole exchange.
 */
final class UnixSocketTransport implements EngineTransport {
    static final int MAX_BODY = 32 * 1024 * 1024;

    private final Path socket;

    UnixSocketTransport(Path socket) {
        this.socket = socket;
    }

    @Override
    public EngineResponse exchange(String method, String path, byte @Nullable [] json, Duration timeout)
            throws IOException, InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        try (SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
                Selector selector = Selector.open()) {
            channel.connect(UnixDomainSocketAddress.of(socket)); // a local connect: answered or refused at once
            channel.configureBlocking(false);
            write(channel, selector, request(method, path, json), deadline);
            InputStream in = new BufferedInputStream(new ChannelInput(channel, selector, deadline, 0), 16 * 1024);
            return HttpResponseReader.read(in, method.equals("HEAD"), MAX_BODY);
        } catch (ClosedByInterruptException e) {
            Thread.interrupted();
            throw new InterruptedException("interrupted while talking to " + socket);
        }
    }

    @Override
    public EngineStream stream(String path, Duration idle) throws IOException, InterruptedException {
        SocketChannel channel = SocketChannel.open(StandardProtocolFamily.UNIX);
        Selector selector = Selector.open();
        Closeable connection = () -> {
            try (selector;
                    channel) {
                // both closed, the channel first
            }
        };
        try {
            channel.connect(UnixDomainSocketAddress.of(socket));
            channel.configureBlocking(false);
            write(channel, selector, request("GET", path, null), System.nanoTime() + idle.toNanos());
            InputStream in = new BufferedInputStream(new ChannelInput(channel, selector, 0, idle.toNanos()), 16 * 1024);
            HttpResponseReader.Head head = HttpResponseReader.head(in);
            return new EngineStream(head.status(), head.headers(), HttpResponseReader.bodyStream(in, head), connection);
        } catch (ClosedByInterruptException e) {
            connection.close();
            Thread.interrupted();
            throw new InterruptedException("interrupted while talking to " + socket);
        } catch (IOException | RuntimeException e) {
            connection.close();
            throw e;
        }
    }

    /** The request's bytes: one exchange per connection ({@code Connection: close}); shared with {@link TcpTransport#stream}. */
    static ByteBuffer request(String method, String path, byte @Nullable [] json) {
        StringBuilder head = new StringBuilder()
                .append(method)
                .append(' ')
                .append(path)
                .append(" HTTP/1.1\r\n")
                .append("Host: docker\r\n")
                .append("User-Agent: catapult-docker-deployer\r\n")
                .append("Connection: close\r\n");
        if (json != null) {
            head.append("Content-Type: application/json\r\n");
        }
        if (json != null || method.equals("POST")) {
            head.append("Content-Length: ")
                    .append(json == null ? 0 : json.length)
                    .append("\r\n");
        }
        head.append("\r\n");
        byte[] headBytes = head.toString().getBytes(StandardCharsets.UTF_8);
        ByteBuffer buffer = ByteBuffer.allocate(headBytes.length + (json == null ? 0 : json.length))
                .put(headBytes);
        if (json != null) {
            buffer.put(json);
        }
        return buffer.flip();
    }

    private static void write(SocketChannel channel, Selector selector, ByteBuffer bytes, long deadline)
            throws IOException {
        SelectionKey key = channel.register(selector, SelectionKey.OP_WRITE);
        try {
            while (bytes.hasRemaining()) {
                if (channel.write(bytes) == 0) {
                    await(selector, deadline);
                }
            }
        } finally {
            key.cancel();
        }
        selector.selectNow(); // flushes the cancelled key so the channel can register again for reading
    }

    private static void await(Selector selector, long deadline) throws IOException {
        long left = deadline - System.nanoTime();
        if (left <= 0) {
            throw new SocketTimeoutException("the Docker engine did not answer in time");
        }
        selector.select(Math.max(1, TimeUnit.NANOSECONDS.toMillis(left)));
        selector.selectedKeys().clear();
        if (Thread.currentThread().isInterrupted()) {
            throw new ClosedByInterruptException();
        }
    }

    /**
     * Reads from the non-blocking channel, waiting for data until the deadline — or, with {@code idleNanos}
     * above zero, for at most that long per read.
     */
    private static final class ChannelInput extends InputStream {
        private final SocketChannel channel;
        private final Selector selector;
        private final long idleNanos;
        private long deadline;
        private boolean registered;

        ChannelInput(SocketChannel channel, Selector selector, long deadline, long idleNanos) {
            this.channel = channel;
            this.selector = selector;
            this.deadline = deadline;
            this.idleNanos = idleNanos;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (len == 0) {
                return 0;
            }
            if (!registered) {
                channel.register(selector, SelectionKey.OP_READ);
                registered = true;
            }
            ByteBuffer buffer = ByteBuffer.wrap(b, off, len);
            if (idleNanos > 0) {
                deadline = System.nanoTime() + idleNanos;
            }
            while (true) {
                int n = channel.read(buffer);
                if (n != 0) {
                    return n;
                }
                await(selector, deadline);
            }
        }
    }
}
