package dev.catapult.testkit.registry;

import static org.assertj.core.api.Assertions.assertThat;

import com.github.luben.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The layouts and layers the registry tests push are what they claim to be, hostile entries included. */
class OciLayoutTest {
    private static final JsonMapper JSON = JsonMapper.builder().build();

    @ParameterizedTest
    @EnumSource(LayerTar.Compression.class)
    void layerKeepsEveryEntryAsWrittenHostileOnesIncluded(LayerTar.Compression compression) throws IOException {
        LayerTar.Layer layer = LayerTar.create()
                .directory("app")
                .file("app/package.json", "{\"name\":\"demo\"}")
                .whiteout("app/old.txt")
                .opaque("var/cache")
                .symlink("app/current", "/app")
                .hardlink("app/again.json", "app/package.json")
                .charDevice("dev/null", 1, 3)
                .blockDevice("dev/sda", 8, 0)
                .fifo("run/pipe")
                .file("/etc/passwd", "root::0:0::/:/bin/sh")
                .file("../../escape.sh", "echo out")
                .hugePaxHeader("app/huge", 1 << 20)
                .build(compression);

        List<TarArchiveEntry> entries = entries(decompress(layer, compression));

        assertThat(layer.mediaType()).isEqualTo(compression.mediaType());
        assertThat(layer.digest()).isEqualTo(LayerTar.sha256(layer.bytes()));
        assertThat(entries)
                .extracting(TarArchiveEntry::getName)
                .containsExactly(
                        "app/",
                        "app/package.json",
                        "app/.wh.old.txt",
                        "var/cache/.wh..wh..opq",
                        "app/current",
                        "app/again.json",
                        "dev/null",
                        "dev/sda",
                        "run/pipe",
                        "/etc/passwd",
                        "../../escape.sh",
                        "app/huge");
        assertThat(entries.get(4).isSymbolicLink()).isTrue();
        assertThat(entries.get(4).getLinkName()).isEqualTo("/app");
        assertThat(entries.get(5).isLink()).isTrue();
        assertThat(entries.get(6).isCharacterDevice()).isTrue();
        assertThat(entries.get(6).getDevMinor()).isEqualTo(3);
        assertThat(entries.get(7).isBlockDevice()).isTrue();
        assertThat(entries.get(8).isFIFO()).isTrue();
        assertThat(entries.get(11).getExtraPaxHeader("SCHILY.xattr.user.huge")).hasSize(1 << 20);
    }

    @Test
    void sameCallsGiveTheSameDigests(@TempDir Path a, @TempDir Path b) {
        assertThat(multiPlatform(OciLayout.create(a))).isEqualTo(multiPlatform(OciLayout.create(b)));
    }

    @Test
    void layoutHoldsAnIndexOfTwoPlatformsWithLabelledConfigs(@TempDir Path dir) throws IOException {
        OciLayout layout = OciLayout.create(dir);
        OciLayout.Descriptor index = multiPlatform(layout);
        layout.tag("1.0.0", index);

        JsonNode top = JSON.readTree(Files.readString(dir.resolve("index.json")));
        assertThat(Files.readString(dir.resolve("oci-layout"))).contains("\"imageLayoutVersion\":\"1.0.0\"");
        assertThat(top.path("manifests")
                        .get(0)
                        .path("annotations")
                        .path(OciLayout.REF_NAME)
                        .stringValue())
                .isEqualTo("1.0.0");
        assertThat(top.path("manifests").get(0).path("digest").stringValue()).isEqualTo(index.digest());
        JsonNode platforms = JSON.readTree(layout.read(index.digest())).path("manifests");
        assertThat(platforms.get(0).path("platform").path("architecture").stringValue())
                .isEqualTo("amd64");
        assertThat(platforms.get(1).path("platform").path("architecture").stringValue())
                .isEqualTo("arm64");
        JsonNode manifest =
                JSON.readTree(layout.read(platforms.get(1).path("digest").stringValue()));
        JsonNode config =
                JSON.readTree(layout.read(manifest.path("config").path("digest").stringValue()));
        assertThat(config.path("architecture").stringValue()).isEqualTo("arm64");
        assertThat(config.path("created").stringValue()).isEqualTo("2024-01-01T00:00:00Z");
        assertThat(config.path("config")
                        .path("Labels")
                        .path("org.opencontainers.image.title")
                        .stringValue())
                .isEqualTo("demo");
        assertThat(config.path("rootfs").path("diff_ids")).hasSize(1);
    }

    private static OciLayout.Descriptor multiPlatform(OciLayout layout) {
        List<OciLayout.Descriptor> images = new ArrayList<>();
        for (OciLayout.Platform platform : List.of(OciLayout.Platform.LINUX_AMD64, OciLayout.Platform.LINUX_ARM64)) {
            images.add(layout.image()
                    .platform(platform)
                    .label("org.opencontainers.image.title", "demo")
                    .label("org.opencontainers.image.revision", "0123abc")
                    .label("org.opencontainers.image.source", "https://example.test/demo")
                    .layer(LayerTar.create()
                            .file("arch", platform.architecture())
                            .build(LayerTar.Compression.GZIP))
                    .build());
        }
        return layout.index(images.toArray(OciLayout.Descriptor[]::new));
    }

    private static InputStream decompress(LayerTar.Layer layer, LayerTar.Compression compression) throws IOException {
        InputStream raw = new ByteArrayInputStream(layer.bytes());
        return switch (compression) {
            case NONE -> raw;
            case GZIP -> new GZIPInputStream(raw);
            case ZSTD -> new ZstdInputStream(raw);
        };
    }

    private static List<TarArchiveEntry> entries(InputStream in) throws IOException {
        List<TarArchiveEntry> entries = new ArrayList<>();
        try (TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
            for (TarArchiveEntry e = tar.getNextEntry(); e != null; e = tar.getNextEntry()) {
                entries.add(e);
            }
        }
        return entries;
    }
}
