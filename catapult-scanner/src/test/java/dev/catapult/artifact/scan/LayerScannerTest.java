package dev.catapult.artifact.scan;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIOException;

import dev.catapult.artifact.ExtractedFile;
import dev.catapult.artifact.FileRules;
import dev.catapult.artifact.LayerScan;
import dev.catapult.artifact.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LayerScannerTest {
    private static final String POM = "<project><artifactId>api</artifactId></project>";
    private final LayerScanner scanner = new LayerScanner();

    @ParameterizedTest(name = "{0}")
    @CsvSource({"gzip", "zstd", "plain"})
    void extractsFilesOfInterestFromEveryCompression(String compression) throws Exception {
        TestLayer layer = TestLayer.tar()
                .directory("app")
                .file("app/pom.xml", POM)
                .file("app/Main.class", "not of interest")
                .file("./app/web/package.json", "{}");
        byte[] blob = switch (compression) {
            case "gzip" -> layer.gzip();
            case "zstd" -> layer.zstd();
            default -> layer.plain();
        };
        String mediaType = switch (compression) {
            case "gzip" -> TestLayer.GZIP;
            case "zstd" -> TestLayer.ZSTD;
            default -> TestLayer.TAR;
        };

        LayerScan scan = scan(blob, mediaType, FileRules.defaults());

        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly("app/pom.xml", "app/web/package.json");
        ExtractedFile pom = scan.files().getFirst();
        assertThat(new String(pom.content(), StandardCharsets.UTF_8)).isEqualTo(POM);
        assertThat(pom.size()).isEqualTo(POM.length());
        assertThat(pom.sha256()).isEqualTo(sha256(POM.getBytes(StandardCharsets.UTF_8)));
        assertThat(scan.entries()).isEqualTo(4);
        assertThat(scan.rejections()).isEmpty();
        assertThat(scan.notes()).isEmpty();
        assertThat(scan.truncated()).isFalse();
        assertThat(scan.uncompressedBytes()).isGreaterThanOrEqualTo(4 * 512);
    }

    @Test
    void trustsTheBytesOverTheMediaTypeAndSaysSo() throws Exception {
        LayerScan scan = scan(TestLayer.tar().file("pom.xml", POM).zstd(), TestLayer.DOCKER_GZIP, FileRules.defaults());

        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly("pom.xml");
        assertThat(scan.notes()).singleElement().asString().contains("says gzip but the bytes are zstd");
    }

    @Test
    void readsAnUnknownMediaTypeByItsBytesWithoutANote() throws Exception {
        LayerScan scan =
                scan(TestLayer.tar().file("pom.xml", POM).gzip(), "application/octet-stream", FileRules.defaults());

        assertThat(scan.files()).hasSize(1);
        assertThat(scan.notes()).isEmpty();
    }

    @Test
    void recordsWhiteoutsAndOpaqueDirectoriesNormalised() throws Exception {
        LayerScan scan = scan(
                TestLayer.tar()
                        .file("./app/.wh.package.json", "")
                        .file(".wh.tmp", "")
                        .directory("srv/")
                        .file("srv//.wh..wh..opq", "")
                        .file("app/.wh..wh.plnk", "")
                        .gzip(),
                TestLayer.GZIP,
                FileRules.defaults());

        assertThat(scan.whiteouts()).containsExactly("app/package.json", "tmp");
        assertThat(scan.opaqueDirectories()).containsExactly("srv");
        assertThat(scan.rejections()).isEmpty();
    }

    @Test
    void aWhiteoutNamingNothingIsRejected() throws Exception {
        LayerScan scan = scan(TestLayer.tar().file("app/.wh...", "").gzip(), TestLayer.GZIP, FileRules.defaults());

        assertThat(scan.whiteouts()).isEmpty();
        assertThat(scan.rejections())
                .singleElement()
                .extracting(Rejection::entry)
                .isEqualTo("app/.wh...");
    }

    @Test
    void skipsFilesUnderASkippedPrefix() throws Exception {
        LayerScan scan = scan(
                TestLayer.tar()
                        .file("usr/lib/node_modules/npm/package.json", "{}")
                        .gzip(),
                TestLayer.GZIP,
                FileRules.defaults());

        assertThat(scan.files()).isEmpty();
        assertThat(scan.skipped())
                .containsExactly(new Rejection("usr/lib/node_modules/npm/package.json", "under a skipped path prefix"));
    }

    @Test
    void aFileOverThePerFileCapIsSkippedAndTheNextOneStillExtracted() throws Exception {
        FileRules rules = FileRules.defaults().withMaxFileBytes(1024);
        byte[] big = new byte[1025];

        LayerScan scan = scan(
                TestLayer.tar()
                        .file("app/package-lock.json", big)
                        .file("app/pom.xml", POM)
                        .gzip(),
                TestLayer.GZIP,
                rules);

        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly("app/pom.xml");
        assertThat(scan.skipped())
                .containsExactly(new Rejection("app/package-lock.json", "1025 bytes, over the per-file cap of 1 KiB"));
    }

    @Test
    void aFileExactlyAtThePerFileCapIsExtracted() throws Exception {
        LayerScan scan = scan(
                TestLayer.tar().file("pom.xml", new byte[1024]).gzip(),
                TestLayer.GZIP,
                FileRules.defaults().withMaxFileBytes(1024));

        assertThat(scan.files()).singleElement().extracting(ExtractedFile::size).isEqualTo(1024L);
    }

    @Test
    void stopsAtTheLayerCapWithTruncated() throws Exception {
        FileRules rules = FileRules.defaults().withMaxLayerBytes(64 * 1024);

        LayerScan scan = scan(
                TestLayer.tar()
                        .file("a/pom.xml", POM)
                        .file("blob.bin", random(100 * 1024))
                        .file("b/pom.xml", POM)
                        .gzip(),
                TestLayer.GZIP,
                rules);

        assertThat(scan.truncated()).isTrue();
        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly("a/pom.xml");
        assertThat(scan.uncompressedBytes()).isLessThanOrEqualTo(64 * 1024);
        assertThat(scan.notes()).singleElement().asString().contains("per-layer cap of 64 KiB", "blob.bin");
    }

    @Test
    void stopsExtractingWhenTheLayersExtractionBudgetIsSpent() throws Exception {
        FileRules rules = FileRules.defaults().withMaxExtractedBytes(1500);

        LayerScan scan = scan(
                TestLayer.tar()
                        .file("a/pom.xml", new byte[1000])
                        .file("b/pom.xml", new byte[1000])
                        .file("c/pom.xml", new byte[400])
                        .gzip(),
                TestLayer.GZIP,
                rules);

        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly("a/pom.xml", "c/pom.xml");
        assertThat(scan.skipped()).extracting(Rejection::entry).containsExactly("b/pom.xml");
        assertThat(scan.skipped().getFirst().reason()).contains("extraction budget");
    }

    @Test
    void anEmptyBlobIsAnEmptyLayer() throws Exception {
        LayerScan scan = scan(new byte[0], TestLayer.TAR, FileRules.defaults());

        assertThat(scan.entries()).isZero();
        assertThat(scan.files()).isEmpty();
        assertThat(scan.truncated()).isFalse();
    }

    @Test
    void aTarWithNoEntriesIsAnEmptyLayer() throws Exception {
        LayerScan scan = scan(TestLayer.tar().gzip(), TestLayer.GZIP, FileRules.defaults());

        assertThat(scan.entries()).isZero();
        assertThat(scan.files()).isEmpty();
        assertThat(scan.rejections()).isEmpty();
    }

    @Test
    void aCorruptGzipStreamFailsWithAClearMessage() {
        byte[] gzip = TestLayer.tar()
                .file("app/pom.xml", POM)
                .file("data.bin", random(64 * 1024))
                .gzip();
        for (int i = 40; i < gzip.length - 40; i += 7) {
            gzip[i] ^= 0x5a;
        }

        assertThatIOException()
                .isThrownBy(() -> scan(gzip, TestLayer.GZIP, FileRules.defaults()))
                .withMessageContaining("layer is not a readable tar stream");
    }

    @Test
    void aGzipStreamCutShortFailsWithAClearMessage() {
        byte[] gzip = TestLayer.tar().file("data.bin", random(64 * 1024)).gzip();

        assertThatIOException()
                .isThrownBy(() -> scan(Arrays.copyOf(gzip, gzip.length / 2), TestLayer.GZIP, FileRules.defaults()))
                .withMessageContaining("layer is not a readable tar stream");
    }

    @Test
    void garbageThatIsNotATarFailsWithAClearMessage() {
        assertThatIOException()
                .isThrownBy(() -> scan(random(8192), TestLayer.TAR, FileRules.defaults()))
                .withMessageContaining("layer is not a readable tar stream");
    }

    @Test
    void aGzipMagicFollowedByGarbageFailsWithAClearMessage() {
        byte[] blob = random(1024);
        blob[0] = 0x1f;
        blob[1] = (byte) 0x8b;

        assertThatIOException()
                .isThrownBy(() -> scan(blob, TestLayer.GZIP, FileRules.defaults()))
                .withMessageContaining("layer");
    }

    @Test
    void leavesTheCallersStreamOpen() throws Exception {
        byte[] blob = TestLayer.tar().file("pom.xml", POM).gzip();
        boolean[] closed = {false};
        ByteArrayInputStream in = new ByteArrayInputStream(blob) {
            @Override
            public void close() {
                closed[0] = true;
            }
        };

        scanner.scan(in, TestLayer.GZIP, FileRules.defaults());

        assertThat(closed[0]).isFalse();
    }

    private LayerScan scan(byte[] blob, String mediaType, FileRules rules) throws IOException {
        return scanner.scan(new ByteArrayInputStream(blob), mediaType, rules);
    }

    static byte[] random(int size) {
        byte[] bytes = new byte[size];
        new Random(size).nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] content) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    }
}
