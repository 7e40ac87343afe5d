package dev.catapult.deploy.docker;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

/** The HTTP/1.1 response framing the unix socket transport reads, byte for byte as engines send it. */
class DockerHttpResponseReaderTest {

    @Test
    void chunkedBodiesAreJoinedIgnoringExtensionsAndTrailers() throws IOException {
        EngineResponse r = read(
                "HTTP/1.1 200 OK\r\nApi-Version: 1.41\r\nTransfer-Encoding: chunked\r\n\r\n"
                        + "7;ext=1\r\n{\"a\":1}\r\n" + "2\r\n\n{\r\n" + "0\r\nX-Trailer: y\r\n\r\n",
                1024);

        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("API-VERSION")).isEqualTo("1.41");
        assertThat(r.text()).isEqualTo("{\"a\":1}\n{");
    }

    @Test
    void contentLengthBodiesStopAtTheLength() throws IOException {
        EngineResponse r =
                read("HTTP/1.1 404 Not Found\r\nContent-Length: 13\r\n\r\n{\"message\":1}trailing junk", 1024);

        assertThat(r.status()).isEqualTo(404);
        assertThat(r.text()).isEqualTo("{\"message\":1}");
    }

    @Test
    void bodiesWithoutFramingRunToTheEndOfTheConnection() throws IOException {
        assertThat(read("HTTP/1.0 200 OK\nContent-Type: text/plain\n\nOK", 1024).text())
                .isEqualTo("OK");
    }

    @Test
    void interimAnswersAreSkippedAndBodylessStatusesReadNothing() throws IOException {
        EngineResponse r = read("HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 304 Not Modified\r\n\r\n", 1024);

        assertThat(r.status()).isEqualTo(304);
        assertThat(r.body()).isEmpty();
    }

    @Test
    void oversizedAndTruncatedAndMalformedAnswersAreRefused() {
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 2048\r\n\r\n", 1024))
                .hasMessageContaining("2048 bytes refused");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n800\r\n", 1024))
                .hasMessageContaining("larger than 1024");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nabc", 1024))
                .isInstanceOf(EOFException.class);
        assertThatThrownBy(() -> read("SSH-2.0-OpenSSH_9.2\r\n", 1024))
                .hasMessageStartingWith("not an HTTP/1.x response");
        assertThatThrownBy(() -> read("HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n", 1024))
                .hasMessageStartingWith("malformed chunk size");
    }

    @Test
    void aStreamedChunkedBodyHandsOutEachChunkAsItArrivesAndEndsWithTheLastChunk() throws IOException {
        String head = "HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n";
        String first = "{\"Action\":\"start\"}\n";
        // The engine has sent one event so far: reading more than that would block, which this stream refuses.
        InputStream sofar = new SequenceInputStream(
                new ByteArrayInputStream((head + Integer.toHexString(first.length()) + "\r\n" + first + "\r\n")
                        .getBytes(StandardCharsets.UTF_8)),
                new InputStream() {
                    @Override
                    public int read() throws IOException {
                        throw new IOException("would block: the engine sent nothing more yet");
                    }
                });
        HttpResponseReader.Head h = HttpResponseReader.head(sofar);
        InputStream body = HttpResponseReader.bodyStream(sofar, h);
        byte[] buffer = new byte[4096];
        int n = body.read(buffer, 0, buffer.length);
        assertThat(new String(buffer, 0, n, StandardCharsets.UTF_8)).isEqualTo(first);

        InputStream whole = new ByteArrayInputStream(
                (head + "3\r\nab\n\r\n" + "2\r\nc\n\r\n0\r\n\r\nnext answer").getBytes(StandardCharsets.UTF_8));
        assertThat(new String(
                        HttpResponseReader.bodyStream(whole, HttpResponseReader.head(whole))
                                .readAllBytes(),
                        StandardCharsets.UTF_8))
                .isEqualTo("ab\nc\n");
        assertThatThrownBy(() -> {
                    InputStream cut = new ByteArrayInputStream((head + "5\r\nab").getBytes(StandardCharsets.UTF_8));
                    HttpResponseReader.bodyStream(cut, HttpResponseReader.head(cut))
                            .readAllBytes();
                })
                .isInstanceOf(EOFException.class);
    }

    private static EngineResponse read(String raw, int maxBody) throws IOException {
        return HttpResponseReader.read(new ByteArrayInputStream(raw.getBytes(StandardCharsets.UTF_8)), false, maxBody);
    }
}
