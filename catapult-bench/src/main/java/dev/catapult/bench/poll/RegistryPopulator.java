package dev.catapult.bench.poll;

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
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;

/**
 * Pushes small but real images straight through the registry's HTTP API (no docker, no skopeo): per
 * repository a config blob of its own (so each repository's manifest has its own digest, as real services
 * do) and one shared gzip layer holding a {@code package.json} (uploaded once, then mounted across
 * repositories), then an OCI image manifest under each tag. The images are valid, so Catapult's scans of
 * them succeed and leave nothing to retry.
 */
final class RegistryPopulator implements AutoCloseable {
  static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
  static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
  static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
  private static final String USER_AGENT = "catapult-poll-bench";

  private final URI base;
  private final HttpClient http;

  /** A blob's bytes and digest; {@code diffId} is the uncompressed digest for layers. */
  record Blob(byte[] bytes, String digest, String diffId) {
    static Blob of(byte[] bytes, String diffId) {
      return new Blob(bytes, sha256(bytes), diffId);
    }
  }

  /** What was pushed to one repository: the manifest's digest under the tags given. */
  record Pushed(String repository, String digest, List<String> tags) {}

  RegistryPopulator(URI base) {
    if (!"127.0.0.1".equals(base.getHost())) {
      throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + base);
    }
    this.base = base;
    this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
        .connectTimeout(Duration.ofSeconds(5)).build();
  }

  static String repository(int index) {
    return "bench/svc-%04d".formatted(index);
  }

  /**
   * Pushes {@code count} repositories, each with a manifest under every tag in {@code tags}, with
   * {@code parallelism} repositories in flight. Repository 0 goes first: it receives the shared layer that
   * the others mount.
   */
  List<Pushed> populate(int count, List<String> tags, int parallelism) throws Exception {
    Blob layer = layer("1.0.0");
    List<Pushed> pushed = new ArrayList<>();
    pushed.add(pushImage(0, layer, null, tags, "1.0.0"));
    AtomicInteger done = new AtomicInteger(1);
    try (ExecutorService pool = Executors.newFixedThreadPool(parallelism)) {
      List<Future<Pushed>> futures = new ArrayList<>();
      for (int i = 1; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> {
          Pushed p = pushImage(index, layer, repository(0), tags, "1.0.0");
          int n = done.incrementAndGet();
          if (n % 250 == 0) {
            System.out.printf("[bench]   pushed %d of %d repositories%n", n, count);
          }
          return p;
        }));
      }
      for (Future<Pushed> f : futures) {
        pushed.add(f.get());
      }
    }
    return pushed;
  }

  /** A new build of repositories {@code 0..count-1} under {@code tag}: a new layer and config, so a new digest. */
  List<Pushed> repush(int count, String tag, String version, int parallelism) throws Exception {
    List<Pushed> pushed = new ArrayList<>();
    try (ExecutorService pool = Executors.newFixedThreadPool(parallelism)) {
      List<Future<Pushed>> futures = new ArrayList<>();
      for (int i = 0; i < count; i++) {
        int index = i;
        futures.add(pool.submit(() -> pushImage(index, layer(version + "+" + index), null, List.of(tag), version)));
      }
      for (Future<Pushed> f : futures) {
        pushed.add(f.get());
      }
    }
    return pushed;
  }

  /** {@code HEAD} of a manifest with the OCI Accept type: the digest the registry serves, or empty. */
  java.util.Optional<String> head(String repository, String tag) throws IOException, InterruptedException {
    HttpRequest request = HttpRequest.newBuilder(base.resolve("/v2/" + repository + "/manifests/" + tag))
        .timeout(Duration.ofSeconds(30)).header("User-Agent", USER_AGENT).header("Accept", OCI_MANIFEST)
        .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
    return r.statusCode() == 200 ? r.headers().firstValue("Docker-Content-Digest") : java.util.Optional.empty();
  }

  private Pushed pushImage(int index, Blob layer, String mountFrom, List<String> tags, String version)
      throws IOException, InterruptedException {
    String repository = repository(index);
    if (mountFrom == null || !mount(repository, layer.digest(), mountFrom)) {
      upload(repository, layer);
    }
    Blob config = config(index, layer, version);
    upload(repository, config);
    byte[] manifest = manifest(config, layer);
    for (String tag : tags) {
      HttpRequest put = request("/v2/" + repository + "/manifests/" + tag).header("Content-Type", OCI_MANIFEST)
          .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest)).build();
      expect(send(put), 201, "PUT manifest " + repository + ":" + tag);
    }
    return new Pushed(repository, sha256(manifest), List.copyOf(tags));
  }

  /** Cross-repository mount: 201 when the registry linked the blob, 202 (an upload session) when it did not. */
  private boolean mount(String repository, String digest, String from) throws IOException, InterruptedException {
    HttpRequest post = request("/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + from)
        .POST(HttpRequest.BodyPublishers.noBody()).build();
    HttpResponse<String> r = send(post);
    if (r.statusCode() == 201) {
      return true;
    }
    expect(r, 202, "mount " + digest + " into " + repository);
    return false; // an upload session was opened instead; it is abandoned (purging is off, it costs a directory)
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

  /** A gzip layer with one {@code app/package.json}: a file the scanner's default rules extract. */
  static Blob layer(String version) throws IOException {
    byte[] json = """
        {"name": "svc", "version": "%s", "dependencies": {"left-pad": "1.3.0"}}
        """.formatted(version).getBytes(StandardCharsets.UTF_8);
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

  private static Blob config(int index, Blob layer, String version) {
    String revision = sha256(("svc-" + index + "@" + version).getBytes(StandardCharsets.UTF_8)).substring(7, 47);
    String json = """
        {"architecture":"amd64","os":"linux","created":"%s",\
        "config":{"Labels":{"org.opencontainers.image.source":"https://git.example.invalid/bench/svc-%04d",\
        "org.opencontainers.image.revision":"%s","org.opencontainers.image.version":"%s"}},\
        "rootfs":{"type":"layers","diff_ids":["%s"]},"history":[{"created_by":"catapult poll benchmark"}]}"""
        .formatted(Instant.now().toString(), index, revision, version, layer.diffId());
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
