package dev.catapult.deploy.docker;

import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Reads one HTTP/1.1 response from a stream: status line, headers, and a body framed by
 * {@code Transfer-Encoding: chunked}, {@code Content-Length}, or the end of the connection (requests say
 * {@code Connection: close}) — whole ({@link #read}), or as a stream of the body as it arrives
 * ({@link #head} then {@link #bodyStream}, for the engine's endless {@code /events}). Written here because
 * the JDK's HTTP client cannot speak over a unix socket and the server takes no extra dependency for the
 * few Engine API calls the deployer makes.
 */
final class HttpResponseReader {
    private static final int MAX_LINE = 64 * 1024;
    private static final int MAX_HEADERS = 200;

    private HttpResponseReader() {}

    /** A response's status and headers (names in lower case). */
    record Head(int status, Map<String, String> headers) {}

    /** The response; {@code bodyless} for answers to HEAD. Bodies over {@code maxBody} bytes are refused. */
    static EngineResponse read(InputStream in, boolean bodyless, int maxBody) throws IOException {
        Head head = head(in);
        int status = head.status();
        Map<String, String> headers = head.headers();
        if (bodyless || status == 204 || status == 304) {
            return new EngineResponse(status, headers, new byte[0]);
        }
        String encoding = headers.getOrDefault("transfer-encoding", "");
        String length = headers.get("content-length");
        byte[] body;
        if (encoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = chunked(in, maxBody);
        } else if (length != null) {
            body = exactly(in, contentLength(length, maxBody));
        } else {
            body = untilEnd(in, maxBody);
        }
        return new EngineResponse(status, headers, body);
    }

    /** Reads the status line and headers of the final (not 1xx) answer; the body is left in {@code in}. */
    static Head head(InputStream in) throws IOException {
        int status;
        Map<String, String> headers;
        do { // 1xx interim answers carry no body: skip to the final one
            status = statusCode(line(in));
            headers = headers(in);
        } while (status >= 100 && status < 200);
        return new Head(status, headers);
    }

    /**
     * The body that follows {@code head} in {@code in}, decoded as it arrives: a read returns what the
     * current chunk holds rather than waiting for a buffer to fill, and the stream ends with the body.
     */
    static InputStream bodyStream(InputStream in, Head head) throws IOException {
        if (head.status() == 204 || head.status() == 304) {
            return InputStream.nullInputStream();
        }
        String length = head.headers().get("content-length");
        if (head.headers()
                .getOrDefault("transfer-encoding", "")
                .toLowerCase(Locale.ROOT)
                .contains("chunked")) {
            return new ChunkedInput(in);
        }
        if (length != null) {
            return new BoundedInput(in, contentLength(length, Integer.MAX_VALUE));
        }
        return in;
    }

    /** {@code Transfer-Encoding: chunked}, decoded one chunk at a time. */
    private static final class ChunkedInput extends InputStream {
        private final InputStream in;
        private long left; // bytes left in the current chunk
        private boolean done;

        ChunkedInput(InputStream in) {
            this.in = in;
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
            if (done) {
                return -1;
            }
            if (left == 0) {
                left = chunkSize(line(in));
                if (left == 0) {
                    headers(in); // trailers, up to the blank line
                    done = true;
                    return -1;
                }
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("connection closed mid-chunk");
            }
            left -= n;
            if (left == 0 && !line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
            return n;
        }
    }

    /** A body of {@code Content-Length} bytes. */
    private static final class BoundedInput extends InputStream {
        private final InputStream in;
        private long left;

        BoundedInput(InputStream in, long length) {
            this.in = in;
            this.left = length;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public int read(byte[] b, int off, int len) throws IOException {
            if (left == 0) {
                return -1;
            }
            int n = in.read(b, off, (int) Math.min(len, left));
            if (n < 0) {
                throw new EOFException("connection closed with " + left + " body bytes missing");
            }
            left -= n;
            return n;
        }
    }

    private static long chunkSize(String sizeLine) throws IOException {
        int semicolon = sizeLine.indexOf(';'); // chunk extensions are ignored
        String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new NumberFormatException();
            }
            return size;
        } catch (NumberFormatException e) {
            throw new IOException("malformed chunk size: " + abbreviate(sizeLine));
        }
    }

    private static int statusCode(String line) throws IOException {
        String[] parts = line.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/1.")) {
            throw new IOException("not an HTTP/1.x response: " + abbreviate(line));
        }
        try {
            return Integer.parseInt(parts[1]);
        } catch (NumberFormatException e) {
            throw new IOException("not an HTTP status line: " + abbreviate(line));
        }
    }

    private static Map<String, String> headers(InputStream in) throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        for (int n = 0; ; n++) {
            String line = line(in);
            if (line.isEmpty()) {
                return headers;
            }
            if (n >= MAX_HEADERS) {
                throw new IOException("more than " + MAX_HEADERS + " response headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new IOException("malformed response header: " + abbreviate(line));
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            headers.merge(name, line.substring(colon + 1).trim(), (a, b) -> a + ", " + b);
        }
    }

    private static byte[] chunked(InputStream in, int maxBody) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            long size = chunkSize(line(in));
            if (body.size() + size > maxBody) {
                throw new IOException("response body larger than " + maxBody + " bytes");
            }
            if (size == 0) {
                headers(in); // trailers, up to the blank line
                return body.toByteArray();
            }
            body.write(exactly(in, (int) size));
            if (!line(in).isEmpty()) {
                throw new IOException("chunk not followed by CRLF");
            }
        }
    }

    private static int contentLength(String value, int maxBody) throws IOException {
        try {
            long length = Long.parseLong(value.trim());
            if (length < 0 || length > maxBody) {
                throw new IOException("response body of " + length + " bytes refused (at most " + maxBody + ")");
            }
            return (int) length;
        } catch (NumberFormatException e) {
            throw new IOException("malformed Content-Length: " + abbreviate(value));
        }
    }

    private static byte[] exactly(InputStream in, int length) throws IOException {
        byte[] bytes = in.readNBytes(length);
        if (bytes.length < length) {
            throw new EOFException("connection closed after " + bytes.length + " of " + length + " body bytes");
        }
        return bytes;
    }

    private static byte[] untilEnd(InputStream in, int maxBody) throws IOException {
        byte[] bytes = in.readNBytes(maxBody + 1);
        if (bytes.length > maxBody) {
            throw new IOException("response body larger than " + maxBody + " bytes");
        }
        return bytes;
    }

    /** A line without its CRLF (a bare LF is accepted too). */
    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        while (true) {
            int b = in.read();
            if (b < 0) {
                throw new EOFException("connection closed mid-response");
            }
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new IOException("response line longer than " + MAX_LINE + " bytes");
            }
            line.write(b);
        }
    }

    private static String abbreviate(String text) {
        return text.length() <= 80 ? text : text.substring(0, 80) + "…";
    }
}
