package dev.catapult.bench.poll;

import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciPush;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.jspecify.annotations.Nullable;

/**
 * Pushes small but real images straight through the registry's HTTP API (no docker, no skopeo): per
 * repository a config blob of its own (so each repository's manifest has its own digest, as real services
 * do) and one shared gzip layer holding a {@code package.json} (uploaded once, then mounted across
 * repositories), then an OCI image manifest under each tag. The images are valid, so Catapult's scans of
 * them succeed and leave nothing to retry.
 */
final class RegistryPopulator implements AutoCloseable {
    private final OciPush push;

    /** What was pushed to one repository: the manifest's digest under the tags given. */
    record Pushed(String repository, String digest, List<String> tags) {}

    RegistryPopulator(URI base) {
        this.push = new OciPush(base, "catapult-poll-bench");
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
        OciPush.Blob layer = layer("1.0.0");
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
                futures.add(
                        pool.submit(() -> pushImage(index, layer(version + "+" + index), null, List.of(tag), version)));
            }
            for (Future<Pushed> f : futures) {
                pushed.add(f.get());
            }
        }
        return pushed;
    }

    /** {@code HEAD} of a manifest with the OCI Accept type: the digest the registry serves, or empty. */
    Optional<String> head(String repository, String tag) throws IOException, InterruptedException {
        return push.head(repository, tag);
    }

    private Pushed pushImage(
            int index, OciPush.Blob layer, @Nullable String mountFrom, List<String> tags, String version)
            throws IOException, InterruptedException {
        String repository = repository(index);
        if (mountFrom == null || !push.mount(repository, layer.digest(), mountFrom)) {
            push.upload(repository, layer);
        }
        String revision = LayerTar.sha256(("svc-" + index + "@" + version).getBytes(StandardCharsets.UTF_8))
                .substring(7, 47);
        OciPush.Blob config = OciPush.config(
                "https://git.example.invalid/bench/svc-%04d".formatted(index),
                revision,
                version,
                layer,
                "catapult poll benchmark");
        push.upload(repository, config);
        byte[] manifest = OciPush.manifest(config, layer);
        for (String tag : tags) {
            push.putManifest(repository, tag, manifest);
        }
        return new Pushed(repository, LayerTar.sha256(manifest), List.copyOf(tags));
    }

    /** A gzip layer with one {@code app/package.json}: a file the scanner's default rules extract. */
    static OciPush.Blob layer(String version) throws IOException {
        return OciPush.packageJsonLayer("""
        {"name": "svc", "version": "%s", "dependencies": {"left-pad": "1.3.0"}}
        """.formatted(version));
    }

    @Override
    public void close() {
        push.close();
    }
}
