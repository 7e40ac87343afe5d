package dev.catapult.bench.notify;

import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciPush;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Pushes one small, valid OCI image per call straight through the registry's HTTP API (no docker, no
 * skopeo), through {@link OciPush}: a gzip layer of its own holding an
 * {@code app/package.json} (so every push brings a layer the server has never scanned), a config blob with
 * the OCI labels ({@code org.opencontainers.image.revision} a full 40-hex commit id, so the server can make
 * a release of it), then the manifest under the tag. Each push is 5 requests: two upload sessions, two blob
 * PUTs, the manifest PUT; the manifest PUT is what makes the registry send the tagged push notification.
 */
final class ImagePusher implements AutoCloseable {
    private final OciPush push;

    /** What one push put in the registry, and when its manifest PUT was answered. */
    record Pushed(String repository, String tag, String digest, String revision, Instant started, Instant done) {}

    ImagePusher(URI base) {
        this.push = new OciPush(base, "catapult-notify-bench");
    }

    Pushed push(String repository, String tag) throws IOException, InterruptedException {
        Instant started = Instant.now();
        String revision = LayerTar.sha256((repository + "@" + tag).getBytes(StandardCharsets.UTF_8))
                .substring(7, 47);
        OciPush.Blob layer = OciPush.packageJsonLayer("""
        {"name": "%s", "version": "%s", "dependencies": {"left-pad": "1.3.0"}}
        """.formatted(repository, tag));
        push.upload(repository, layer);
        OciPush.Blob config = OciPush.config(
                "https://git.example.invalid/" + repository, revision, tag, layer, "catapult notification benchmark");
        push.upload(repository, config);
        byte[] manifest = OciPush.manifest(config, layer);
        push.putManifest(repository, tag, manifest);
        return new Pushed(repository, tag, LayerTar.sha256(manifest), revision, started, Instant.now());
    }

    @Override
    public void close() {
        push.close();
    }
}
