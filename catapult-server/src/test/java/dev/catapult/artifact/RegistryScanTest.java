package dev.catapult.artifact;

import static dev.catapult.testing.Api.map;
import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.testing.Api;
import dev.catapult.testing.ServerTest;
import dev.catapult.testkit.registry.DockerRegistryExtension;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciLayout;
import dev.catapult.testkit.registry.Skopeo;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import tools.jackson.databind.JsonNode;

/** Images pushed by skopeo to a real registry, scanned through the admin scan command. */
class RegistryScanTest extends ServerTest {
    @RegisterExtension
    static final DockerRegistryExtension REGISTRY = new DockerRegistryExtension();

    @BeforeEach
    void register() {
        RegistryFixtures.register(api, REGISTRY.get(), "local", "unused-notification-secret");
    }

    private JsonNode scan(String repository, String tag) {
        Api.Response r =
                api.post("/api/v1/admin/scan", map("repository", REGISTRY.get().host() + "/" + repository, "tag", tag));
        assertThat(r.status()).as(r.raw()).isEqualTo(202);
        return RegistryFixtures.awaitScanned(api, REGISTRY.get().host() + "/" + repository, tag);
    }

    @Test
    void aMultiPlatformIndexListsItsPlatformsAndScansEachWithGzipAndZstdLayers() throws Exception {
        Path dir = Files.createTempDirectory("oci");
        OciLayout layout = OciLayout.create(dir);
        OciLayout.Descriptor amd64 = layout.image()
                .platform(OciLayout.Platform.LINUX_AMD64)
                .label("org.opencontainers.image.title", "multi")
                .layer(LayerTar.create()
                        .file("srv/package.json", "{\"arch\":\"amd64\"}")
                        .build(LayerTar.Compression.GZIP))
                .build();
        OciLayout.Descriptor arm64 = layout.image()
                .platform(OciLayout.Platform.LINUX_ARM64)
                .label("org.opencontainers.image.title", "multi")
                .layer(LayerTar.create().file("srv/go.mod", "module arm\n").build(LayerTar.Compression.ZSTD))
                .build();
        OciLayout.Descriptor index = layout.index(amd64, arm64);
        layout.tag("1.0.0", index);
        Skopeo.require().copy(layout.dir(), "1.0.0", REGISTRY.get().reference("multi/app", "1.0.0"));

        JsonNode artifact = scan("multi/app", "1.0.0");
        assertThat(artifact.get("digest").asString()).isEqualTo(index.digest());
        assertThat(artifact.get("mediaType").asString()).isEqualTo(OciLayout.INDEX);
        assertThat(artifact.get("platforms").findValuesAsString("architecture"))
                .containsExactlyInAnyOrder("amd64", "arm64");
        JsonNode arm = api.get("/api/v1/artifacts/" + arm64.digest()).json();
        assertThat(arm.get("parentDigest").asString()).isEqualTo(index.digest());
        assertThat(arm.get("files").findValuesAsString("path")).containsExactly("srv/go.mod");
        assertThat(arm.get("layers").get(0).get("mediaType").asString()).endsWith("+zstd");
        JsonNode amd = api.get("/api/v1/artifacts/" + amd64.digest()).json();
        assertThat(amd.get("files").findValuesAsString("path")).containsExactly("srv/package.json");
        assertThat(amd.get("platform").get("architecture").asString()).isEqualTo("amd64");
    }

    @Test
    void whiteoutsAndOpaqueDirectoriesShapeTheFinalFileView() throws Exception {
        LayerTar.Layer base = LayerTar.create()
                .file("app/package.json", "{}")
                .file("app/lib/pom.xml", "<project/>")
                .file("cfg/requirements.txt", "flask\n")
                .file("cfg/sub/go.mod", "module x\n")
                .build(LayerTar.Compression.GZIP);
        LayerTar.Layer upper = LayerTar.create()
                .whiteout("app/package.json")
                .opaque("cfg")
                .file("cfg/requirements-dev.txt", "pytest\n")
                .build(LayerTar.Compression.NONE);
        RegistryFixtures.push(REGISTRY.get(), "layered/app", "1.0.0", "layered", base, upper);
        JsonNode artifact = scan("layered/app", "1.0.0");
        assertThat(artifact.get("files").findValuesAsString("path"))
                .containsExactlyInAnyOrder("app/lib/pom.xml", "cfg/requirements-dev.txt");
        assertThat(artifact.get("layers")).hasSize(2);
    }

    @Test
    void aHostileLayerIsNeutralisedWithTheReasonsRecorded() throws Exception {
        LayerTar.Layer hostile = LayerTar.create()
                .file("app/package.json", "{\"ok\":true}")
                .file("/etc/package.json", "{}")
                .file("../../escape/pom.xml", "<project/>")
                .symlink("app/link", "../../../etc")
                .hardlink("app/hard", "../../etc/shadow")
                .charDevice("dev/tty", 5, 0)
                .blockDevice("dev/sda", 8, 0)
                .fifo("app/pipe")
                .hugePaxHeader("app/huge", 256 * 1024)
                .build(LayerTar.Compression.GZIP);
        RegistryFixtures.push(REGISTRY.get(), "hostile/app", "1.0.0", "hostile", hostile);
        JsonNode artifact = scan("hostile/app", "1.0.0");
        assertThat(artifact.get("files").findValuesAsString("path"))
                .contains("app/package.json")
                .allMatch(p -> !p.contains(".."));
        String layer = artifact.get("layers").get(0).get("digest").asString();
        JsonNode findings = api.get("/api/v1/layers/" + layer + "/findings").json();
        List<String> entries = findings.findValuesAsString("entry");
        assertThat(findings.findValuesAsString("kind")).contains("rejected");
        assertThat(entries).anyMatch(e -> e.contains("etc/package.json"));
        assertThat(entries).anyMatch(e -> e.contains("escape"));
        assertThat(entries).anyMatch(e -> e.contains("dev/tty"));
        assertThat(entries).anyMatch(e -> e.contains("app/link"));
        assertThat(findings.findValuesAsString("reason")).allMatch(r -> !r.isBlank());
    }

    @Test
    void aFileOverTheSizeCapIsRecordedAsSkippedAndNeverStored() throws Exception {
        byte[] big = new byte[5 * 1024 * 1024];
        new Random(7).nextBytes(big);
        LayerTar.Layer layer = LayerTar.create()
                .file("app/package-lock.json", big)
                .file("app/package.json", "{}")
                .build(LayerTar.Compression.GZIP);
        RegistryFixtures.push(REGISTRY.get(), "big/app", "1.0.0", "big", layer);
        JsonNode artifact = scan("big/app", "1.0.0");
        assertThat(artifact.get("files").findValuesAsString("path")).containsExactly("app/package.json");
        String digest = artifact.get("layers").get(0).get("digest").asString();
        JsonNode findings = api.get("/api/v1/layers/" + digest + "/findings").json();
        assertThat(findings.valueStream()
                        .filter(f -> f.get("kind").asString().equals("skipped"))
                        .map(f -> f.get("entry").asString()))
                .contains("app/package-lock.json");
        assertThat(api.get("/api/v1/layers/" + digest + "/files?path=app/package-lock.json")
                        .status())
                .isEqualTo(404);
    }

    @Test
    void adminScanNeedsAKnownRegistryAndAdmin() {
        assertThat(api.post("/api/v1/admin/scan", map("repository", "unknown.example/x/y", "tag", "1"))
                        .status())
                .isEqualTo(400);
        assertThat(api.post(
                                "/api/v1/admin/scan",
                                map("repository", REGISTRY.get().host() + "/x/y"))
                        .status())
                .isEqualTo(400);
        String reader = tokenFor("reader", "service", "read");
        assertThat(api.as(reader)
                        .post(
                                "/api/v1/admin/scan",
                                map("repository", REGISTRY.get().host() + "/x/y", "tag", "1"))
                        .status())
                .isEqualTo(403);
    }
}
