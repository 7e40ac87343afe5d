package dev.catapult.registry.oci;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.catapult.registry.CatalogPage;
import dev.catapult.registry.FetchedManifest;
import dev.catapult.registry.ManifestDescriptor;
import dev.catapult.registry.RegistryClient;
import dev.catapult.registry.RegistryException;
import dev.catapult.registry.RegistryException.Kind;
import dev.catapult.registry.RequestCounts;
import dev.catapult.release.Digest;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.LayerTar.Compression;
import dev.catapult.testkit.registry.OciLayout;
import dev.catapult.testkit.registry.OciLayout.Descriptor;
import dev.catapult.testkit.registry.OciLayout.Platform;
import dev.catapult.testkit.registry.Skopeo;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The client against Debian's docker-registry 2.8, with images pushed by skopeo from layouts built here. */
class OciRegistryClientTest {
    private static final List<String> TAGS = List.of("1.10.0", "1.2.0", "latest", "1.9.1", "0.1.0", "2.0.0-rc.1");

    @TempDir
    static Path temp;

    private static DockerRegistry registry;
    private static OciLayout layout;
    private static Descriptor app;
    private static Descriptor multi;
    private static LayerTar.Layer appLayer;

    @BeforeAll
    static void pushImages() {
        registry = DockerRegistry.start();
        Skopeo skopeo = Skopeo.require();
        layout = OciLayout.create(temp.resolve("layout"));
        appLayer = LayerTar.create()
                .file("app/package.json", "{\"name\":\"demo\",\"version\":\"1.0.0\"}")
                .build(Compression.GZIP);
        app = layout.image()
                .label("org.opencontainers.image.revision", "0123abc")
                .label("org.opencontainers.image.source", "https://example.test/demo/app")
                .layer(appLayer)
                .layer(LayerTar.create().file("etc/motd", "hi").build(Compression.ZSTD))
                .build();
        Descriptor arm = layout.image()
                .platform(Platform.LINUX_ARM64)
                .layer(LayerTar.create().file("app/arch", "arm64").build(Compression.NONE))
                .build();
        multi = layout.index(app, arm);
        layout.tag("app", app).tag("multi", multi);
        skopeo.copy(layout.dir(), "app", registry.reference("demo/app", "1.0.0"));
        skopeo.copy(layout.dir(), "multi", registry.reference("demo/multi", "2.0.0"));
        for (String tag : TAGS) {
            skopeo.copy(layout.dir(), "app", registry.reference("demo/tags", tag));
        }
    }

    @AfterAll
    static void stop() {
        if (registry != null) {
            registry.close();
        }
    }

    private static RegistryClient client() {
        return OciRegistryClients.create(TestRegistrySettings.of(registry, "local"), name -> null);
    }

    @Test
    void headResolvesATagToTheDigestThatWasPushed() {
        ManifestDescriptor head = client().head("demo/app", "1.0.0").orElseThrow();

        assertThat(head.digest()).isEqualTo(new Digest(app.digest()));
        assertThat(head.mediaType()).isEqualTo(OciLayout.MANIFEST);
        assertThat(head.size()).isEqualTo(app.size());
    }

    @Test
    void headOfAMissingTagOrRepositoryIsEmpty() {
        RegistryClient client = client();

        assertThat(client.head("demo/app", "9.9.9")).isEmpty();
        assertThat(client.head("nobody/here", "1.0.0")).isEmpty();
        assertThat(client.head("demo/app", "sha256:" + "0".repeat(64))).isEmpty();
    }

    @Test
    void manifestIsServedByteForByteAndVerifiedAgainstItsDigest() {
        RegistryClient client = client();

        FetchedManifest byTag = client.manifest("demo/app", "1.0.0");
        FetchedManifest byDigest = client.manifest("demo/app", app.digest());

        assertThat(byTag.digest().value()).isEqualTo(app.digest());
        assertThat(byTag.mediaType()).isEqualTo(OciLayout.MANIFEST);
        assertThat(byTag.bytes()).isEqualTo(layout.read(app.digest()));
        assertThat(byDigest.bytes()).isEqualTo(byTag.bytes());
    }

    @Test
    void multiPlatformIndexListsBothPlatformsWhoseManifestsVerify() {
        RegistryClient client = client();

        FetchedManifest index = client.manifest("demo/multi", "2.0.0");

        assertThat(index.mediaType()).isEqualTo(OciLayout.INDEX);
        assertThat(index.digest().value()).isEqualTo(multi.digest());
        List<String> platforms = new ArrayList<>();
        for (JsonNode entry :
                JsonMapper.builder().build().readTree(index.bytes()).path("manifests")) {
            platforms.add(entry.path("platform").path("os").stringValue() + "/"
                    + entry.path("platform").path("architecture").stringValue());
            FetchedManifest platform =
                    client.manifest("demo/multi", entry.path("digest").stringValue());
            assertThat(platform.mediaType()).isEqualTo(OciLayout.MANIFEST);
        }
        assertThat(platforms).containsExactly("linux/amd64", "linux/arm64");
        assertThat(client.head("demo/multi", "2.0.0").orElseThrow().mediaType()).isEqualTo(OciLayout.INDEX);
    }

    @Test
    void tagsAreCompleteAndSortedThoughTheRegistryListsThemUnsorted() {
        assertThat(client().tags("demo/tags"))
                .containsExactly("0.1.0", "1.10.0", "1.2.0", "1.9.1", "2.0.0-rc.1", "latest");
    }

    @Test
    void tagsOfAnUnknownRepositoryAreNotFound() {
        assertThatThrownBy(() -> client().tags("nobody/here"))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND))
                .hasMessageContaining("NAME_UNKNOWN");
    }

    @Test
    void catalogPagesThroughEveryRepository() {
        RegistryClient client = client();

        CatalogPage first = client.catalog(null, 2);
        CatalogPage second = client.catalog(first.next(), 2);

        assertThat(first.repositories()).containsExactly("demo/app", "demo/multi");
        assertThat(first.next()).isEqualTo("demo/multi");
        assertThat(second.repositories()).containsExactly("demo/tags");
        assertThat(second.next()).isNull();
    }

    @Test
    void blobStreamsAndVerifiesItsDigest() throws Exception {
        byte[] read;
        try (InputStream in = client().blob("demo/app", new Digest(appLayer.digest()))) {
            read = in.readAllBytes();
        }

        assertThat(read).isEqualTo(appLayer.bytes());
    }

    @Test
    void blobOfAnUnknownDigestIsNotFound() {
        assertThatThrownBy(() -> client().blob("demo/app", new Digest("sha256:" + "1".repeat(64))))
                .isInstanceOfSatisfying(
                        RegistryException.class, e -> assertThat(e.kind()).isEqualTo(Kind.NOT_FOUND));
    }

    @Test
    void countsEveryRequestByKind() throws Exception {
        RegistryClient client = client();

        client.head("demo/app", "1.0.0");
        client.head("demo/app", "1.0.0");
        client.manifest("demo/app", "1.0.0");
        client.tags("demo/tags");
        client.catalog(null, 10);
        try (InputStream in = client.blob("demo/app", new Digest(appLayer.digest()))) {
            in.transferTo(OutputStream.nullOutputStream());
        }

        assertThat(client.counts()).isEqualTo(new RequestCounts(2, 1, 1, 1, 1, 0));
    }

    @Test
    void everyManifestRequestAcceptsOciAndDockerTypes() {
        // Distribution answers 404 to a manifest request without them; HEAD and GET both passing proves they are sent.
        assertThat(MediaTypes.MANIFESTS)
                .containsExactlyInAnyOrder(
                        OciLayout.MANIFEST,
                        OciLayout.INDEX,
                        "application/vnd.docker.distribution.manifest.v2+json",
                        "application/vnd.docker.distribution.manifest.list.v2+json");
        assertThat(client().head("demo/multi", multi.digest())).isPresent();
    }
}
