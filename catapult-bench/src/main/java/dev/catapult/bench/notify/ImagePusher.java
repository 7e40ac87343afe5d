package dev.catapult.bench.notify;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Pushes one small, valid OCI image per call straight through the registry's HTTP API (no docker, no
 * skopeo), as {@code dev.catapult.bench.poll.RegistryPopulator} does: a gzip layer of its own holding an
 * {@code app/package.json} (so every push brings a layer the server has never scanned), a config blob with
 * the OCI labels ({@code org.opencontainers.image.revision} a full 40-hex commit id, so the server can make
 * a release of it), then the manifest under the tag. Each push is 5 requests: two upload sessions, two blob
 * PUTs, the manifest PUT; the manifest PUT is what makes the registry send the tagged push notification.
 */
final class ImagePusher implements AutoCloseable {
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final String USER_AGENT = "catapult-notify-bench";

  private final URI base;
  private final HttpClient http;

  private record Blob(byte[] bytes, String digest, String diffId) {
    static Blob of(byte[] bytes, String diffId) {
      return new Blob(bytes, sha256(bytes), diffId);
    }
  }

  /** What one push put in the registry, and when its manifest PUT was answered. */
  record Pushed(String repository, String tag, String digest, String revision, Instant started, Instant done) {}

  ImagePusher(URI base) {
    if (!"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + base);
    }
    this.base = base;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  Pushed push(String repository, String tag) throws IOException, InterruptedException {
    Instant started = Instant.now();
    String revision = sha256((repository + "@" + tag).getBytes(StandardCharsets.UTF_8)).substring(7, 47);
    Blob layer = layer(repository, tag);
    upload(repository, layer);
    Blob config = config(repository, tag, revision, layer);
    upload(repository, config);
    byte[] manifest = manifest(config, layer);
    HttpRequest put = request("/v2/" + repository + "/manifests/" + tag).header("Content-Type", OCI_MANIFEST)
        .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)).build();
    expect(send(put), 201, "PUT manifest " + repository + ":" + tag);
    return new Pushed(repository, tag, sha256(manifest), revision, started, Instant.now());
  }

  /** Monolithic upload: open a session, then one PUT with the bytes and the digest. */
  private void upload(String repository, Blob blob) throws IOException, InterruptedException {
    HttpResponse<String> session = send(request("/v2/" + repository + "/blobs/uploads/")
        .POST(HttpRequest.BodyPublishers.noBody()).build());
    expect(session, 202, "open upload in " + repository);
    String location = session.headers().firstValue("Location")
        .orElseThrow(() -> new IllegalStateException("upload session without Location in " + repository));
    URI target = base.resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + blob.digest());
    if (!"127.0.0.1".equals(target.getHost())) {
      throw new IllegalStateException("registry sent the upload elsewhere: " + target);
    }
    HttpRequest put = HttpRequest.newBuilder(target).timeout(Duration.ofSeconds(60)).header("User-Agent", USER_AGENT)
        .header("Content-Type", "application/octet-stream").PUT(HttpRequest.BodyPublishers.ofByteArray(blob.bytes())).build();
    expect(send(put), 201, "upload " + blob.digest() + " to " + repository);
  }

  private HttpRequest.Builder request(String path) {
    return HttpRequest.newBuilder(base.resolve(path)).timeout(Duration.ofSeconds(60)).header("User-Agent", USER_AGENT);
  }

  private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
    return http.send(request, HttpResponse.BodyHandlers.ofString());
  }

  private static void expect(HttpResponse<String> r, int status, String what) {
    if (r.statusCode() != status) {
      throw new IllegalStateException(what + ": registry answered " + r.statusCode() + " " + r.body());
    }
  }

  /** A gzip layer with one {@code app/package.json} whose content names the repository and tag. */
  private static Blob layer(String repository, String tag) throws IOException {
    byte[] json = """
        {"name": "%s", "version": "%s", "dependencies": {"left-pad": "1.3.0"}}
        """.formatted(repository, tag).getBytes(StandardCharsets.UTF_8);
    ByteArrayOutputStream tar = new ByteArrayOutputStream();
    try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
      TarArchiveEntry dir = new TarArchiveEntry("app/");
      dir.setModTime(0);
      out.putArchiveEntry(dir);
      out.closeArchiveEntry();
      TarArchiveEntry file = new TarArchiveEntry("app/package.json");
      file.setSize(json.length);
      file.setModTime(0);
      out.putArchiveEntry(file);
      out.write(json);
      out.closeArchiveEntry();
    }
    byte[] tarBytes = tar.toByteArray();
    ByteArrayOutputStream gz = new ByteArrayOutputStream();
    try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
      out.write(tarBytes);
    }
    return Blob.of(gz.toByteArray(), sha256(tarBytes));
  }

  private static Blob config(String repository, String tag, String revision, Blob layer) {
    String json = """
        {"architecture":"amd64","os":"linux","created":"%s",\
        "config":{"Labels":{"org.opencontainers.image.source":"https://git.example.invalid/%s",\
        "org.opencontainers.image.revision":"%s","org.opencontainers.image.version":"%s"}},\
        "rootfs":{"type":"layers","diff_ids":["%s"]},"history":[{"created_by":"catapult notification benchmark"}]}"""
        .formatted(Instant.now().toString(), repository, revision, tag, layer.diffId());
    return Blob.of(json.getBytes(StandardCharsets.UTF_8), null);
  }

  private static byte[] manifest(Blob config, Blob layer) {
    return """
        {"schemaVersion":2,"mediaType":"%s",\
        "config":{"mediaType":"%s","digest":"%s","size":%d},\
        "layers":[{"mediaType":"%s","digest":"%s","size":%d}]}"""
        .formatted(OCI_MANIFEST, OCI_CONFIG, config.digest(), config.bytes().length, OCI_LAYER, layer.digest(),
            layer.bytes().length).getBytes(StandardCharsets.UTF_8);
  }

  static String sha256(byte[] bytes) {
    try {
      return "sha256:" + HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  public void close() {
    http.close();
  }
}
