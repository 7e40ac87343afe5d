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
 * {@code Connection: close}). Written here because the JDK's HTTP client cannot speak over a unix socket and
 * the server takes no extra dependency for the few Engine API calls the deployer makes.
 */
final class HttpResponseReader {
  private static final int MAX_LINE = 64 * 1024;
  private static final int MAX_HEADERS = 200;

  private HttpResponseReader() {}

  /** The response; {@code bodyless} for answers to HEAD. Bodies over {@code maxBody} bytes are refused. */
  static EngineResponse read(InputStream in, boolean bodyless, int maxBody) throws IOException {
    int status;
    Map<String, String> headers;
    do { // 1xx interim answers carry no body: skip to the final one
      status = statusCode(line(in));
      headers = headers(in);
    } while (status >= 100 && status < 200);
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
      String sizeLine = line(in);
      int semicolon = sizeLine.indexOf(';'); // chunk extensions are ignored
      String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
      long size;
      try {
        size = Long.parseLong(hex, 16);
      } catch (NumberFormatException e) {
        throw new IOException("malformed chunk size: " + abbreviate(sizeLine));
      }
      if (size < 0 || body.size() + size > maxBody) {
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
