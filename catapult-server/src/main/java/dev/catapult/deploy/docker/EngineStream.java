package dev.catapult.deploy.docker;

import java.io.Closeable;
import java.io.IOException;
import java.io.InputStream;
import java.util.Map;

/**
 * An Engine API answer whose body is read as it arrives ({@code /events} never ends on its own). Closing it
 * ends the exchange and its connection; a read that waited longer than the stream's idle limit throws
 * {@link java.net.SocketTimeoutException}.
 */
record EngineStream(int status, Map<String, String> headers, InputStream body, Closeable connection)
        implements Closeable {
    EngineStream {
        headers = Map.copyOf(headers);
    }

    @Override
    public void close() throws IOException {
        connection.close();
    }
}
