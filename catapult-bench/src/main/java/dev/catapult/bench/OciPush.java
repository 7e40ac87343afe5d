package dev.catapult.bench;

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
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.jspecify.annotations.Nullable;

/**
 * Pushes small, valid OCI images straight through a registry's HTTP API (no docker, no skopeo), for the
 * benchmarks that need many images fast: blobs by monolithic upload or cross-repository mount, manifests by
 * PUT, and builders for a one-file gzip layer, a labelled config and the manifest. Only 127.0.0.1.
 */
public final class OciPush implements AutoCloseable {
    public static final String OCI_MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";

    private final URI base;
    private final String userAgent;
    private final HttpClient http;

    /** A blob's bytes and digest; {@code diffId} is the uncompressed digest for layers. */
    public record Blob(
            byte[] bytes, String digest, @Nullable String diffId) {
        static Blob of(byte[] bytes, @Nullable String diffId) {
            return new Blob(bytes, sha256(bytes), diffId);
        }
    }

    public OciPush(URI base, String userAgent) {
        if (!"127.0.0.1".equals(base.getHost())) {
            throw new IllegalArgumentException("the benchmark only targets 127.0.0.1, not " + base);
        }
        this.base = base;
        this.userAgent = userAgent;
        this.http = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .connectTimeout(Duration.ofSeconds(5))
                .build();
    }

    /** Monolithic upload: open a session, then one PUT with the bytes and the digest. */
    public void upload(String repository, Blob blob) throws IOException, InterruptedException {
        HttpResponse<String> session = send(request("/v2/" + repository + "/blobs/uploads/")
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        expect(session, 202, "open upload in " + repository);
        String location = session.headers()
                .firstValue("Location")
                .orElseThrow(() -> new IllegalStateException("upload session without Location in " + repository));
        URI target = base.resolve(location + (location.contains("?") ? "&" : "?") + "digest=" + blob.digest());
        if (!"127.0.0.1".equals(target.getHost())) {
            throw new IllegalStateException("registry sent the upload elsewhere: " + target);
        }
        HttpRequest put = HttpRequest.newBuilder(target)
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", userAgent)
                .header("Content-Type", "application/octet-stream")
                .PUT(HttpRequest.BodyPublishers.ofByteArray(blob.bytes()))
                .build();
        expect(send(put), 201, "upload " + blob.digest() + " to " + repository);
    }

    /** Cross-repository mount: true when the registry linked the blob, false when it opened an upload instead. */
    public boolean mount(String repository, String digest, String from) throws IOException, InterruptedException {
        HttpResponse<String> r = send(request("/v2/" + repository + "/blobs/uploads/?mount=" + digest + "&from=" + from)
                .POST(HttpRequest.BodyPublishers.noBody())
                .build());
        if (r.statusCode() == 201) {
            return true;
        }
        expect(r, 202, "mount " + digest + " into " + repository);
        return false; // the upload session opened instead is abandoned (purging is off, it costs a directory)
    }

    /** Puts {@code manifest} under {@code tag}; this is what makes a registry send a tagged push notification. */
    public void putManifest(String repository, String tag, byte[] manifest) throws IOException, InterruptedException {
        HttpRequest put = request("/v2/" + repository + "/manifests/" + tag)
                .header("Content-Type", OCI_MANIFEST)
                .PUT(HttpRequest.BodyPublishers.ofByteArray(manifest))
                .build();
        expect(send(put), 201, "PUT manifest " + repository + ":" + tag);
    }

    /** {@code HEAD} of a manifest with the OCI Accept type: the digest the registry serves, or empty. */
    public Optional<String> head(String repository, String tag) throws IOException, InterruptedException {
        HttpRequest request = request("/v2/" + repository + "/manifests/" + tag)
                .timeout(Duration.ofSeconds(30))
                .header("Accept", OCI_MANIFEST)
                .method("HEAD", HttpRequest.BodyPublishers.noBody())
                .build();
        HttpResponse<Void> r = http.send(request, HttpResponse.BodyHandlers.discarding());
        return r.statusCode() == 200 ? r.headers().firstValue("Docker-Content-Digest") : Optional.empty();
    }

    /** A gzip layer with one {@code app/package.json} (a file the scanner's default rules extract). */
    public static Blob packageJsonLayer(String json) throws IOException {
        byte[] content = json.getBytes(StandardCharsets.UTF_8);
        ByteArrayOutputStream tar = new ByteArrayOutputStream();
        try (TarArchiveOutputStream out = new TarArchiveOutputStream(tar)) {
            TarArchiveEntry dir = new TarArchiveEntry("app/");
            dir.setModTime(0);
            out.putArchiveEntry(dir);
            out.closeArchiveEntry();
            TarArchiveEntry file = new TarArchiveEntry("app/package.json");
            file.setSize(content.length);
            file.setModTime(0);
            out.putArchiveEntry(file);
            out.write(content);
            out.closeArchiveEntry();
        }
        byte[] tarBytes = tar.toByteArray();
        ByteArrayOutputStream gz = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(gz)) {
            out.write(tarBytes);
        }
        return Blob.of(gz.toByteArray(), sha256(tarBytes));
    }

    /** An image config with the OCI source, revision (a full commit id) and version labels. */
    public static Blob config(String source, String revision, String version, Blob layer, String createdBy) {
        String json = """
        {"architecture":"amd64","os":"linux","created":"%s",\
        "config":{"Labels":{"org.opencontainers.image.source":"%s",\
        "org.opencontainers.image.revision":"%s","org.opencontainers.image.version":"%s"}},\
        "rootfs":{"type":"layers","diff_ids":["%s"]},"history":[{"created_by":"%s"}]}""".formatted(Instant.now().toString(), source, revision, version, layer.diffId(), createdBy);
        return Blob.of(json.getBytes(StandardCharsets.UTF_8), null);
    }

    public static byte[] manifest(Blob config, Blob layer) {
        return """
        {"schemaVersion":2,"mediaType":"%s",\
        "config":{"mediaType":"%s","digest":"%s","size":%d},\
        "layers":[{"mediaType":"%s","digest":"%s","size":%d}]}""".formatted(
                        OCI_MANIFEST,
                        OCI_CONFIG,
                        config.digest(),
                        config.bytes().length,
                        OCI_LAYER,
                        layer.digest(),
                        layer.bytes().length)
                .getBytes(StandardCharsets.UTF_8);
    }

    /** {@code sha256:<hex>} of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        try {
            return "sha256:"
                    + HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private HttpRequest.Builder request(String path) {
        return HttpRequest.newBuilder(base.resolve(path))
                .timeout(Duration.ofSeconds(60))
                .header("User-Agent", userAgent);
    }

    private HttpResponse<String> send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static void expect(HttpResponse<String> r, int status, String what) {
        if (r.statusCode() != status) {
            throw new IllegalStateException(what + ": registry answered " + r.statusCode() + " " + r.body());
        }
    }

    @Override
    public void close() {
        http.close();
    }
}
