package dev.catapult.artifact.scan;

import static org.assertj.core.api.Assertions.assertThat;

import dev.catapult.artifact.ExtractedFile;
import dev.catapult.artifact.FileRules;
import dev.catapult.artifact.LayerScan;
import dev.catapult.artifact.Rejection;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.apache.commons.compress.archivers.tar.TarArchiveOutputStream;
import org.apache.commons.compress.archivers.tar.TarConstants;
import org.junit.jupiter.api.Test;

/**
 * One test per kind of hostile entry: each is refused or neutralised with a record of why, and the entries
 * after it are still scanned (the {@code after/pom.xml} every layer here ends with).
 */
class HostileLayerTest {
    private static final String AFTER = "after/pom.xml";
    private final LayerScanner scanner = new LayerScanner();

    @Test
    void absolutePathIsRejected() throws Exception {
        LayerScan scan = scan(TestLayer.tar().file("/app/pom.xml", "<project/>"));

        assertThat(scan.rejections()).containsExactly(new Rejection("/app/pom.xml", "absolute path"));
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void dotDotEscapingTheRootIsRejected() throws Exception {
        LayerScan scan = scan(TestLayer.tar().file("app/../../etc/pom.xml", "<project/>"));

        assertThat(scan.rejections())
                .containsExactly(new Rejection("app/../../etc/pom.xml", "path escapes the layer root with '..'"));
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void dotDotStayingInsideTheRootIsCleanedNotRejected() throws Exception {
        LayerScan scan = scan(TestLayer.tar().file("app/x/../pom.xml", "<project/>"));

        assertThat(scan.rejections()).isEmpty();
        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly("app/pom.xml", AFTER);
    }

    @Test
    void symlinkPointingOutsideTheRootIsRejected() throws Exception {
        LayerScan scan = scan(TestLayer.tar().symlink("app/pom.xml", "../../../etc/shadow"));

        assertThat(scan.rejections())
                .containsExactly(new Rejection(
                        "app/pom.xml", "symbolic link to '../../../etc/shadow' points outside the layer root"));
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void symlinkInsideTheRootWithAnInterestingNameIsSkippedNotFollowed() throws Exception {
        LayerScan scan =
                scan(TestLayer.tar().symlink("app/pom.xml", "/srv/pom.xml").symlink("bin/sh", "/bin/bash"));

        assertThat(scan.rejections()).isEmpty();
        assertThat(scan.skipped())
                .containsExactly(
                        new Rejection("app/pom.xml", "symbolic link to '/srv/pom.xml': links are not followed"));
    }

    @Test
    void hardlinkPointingOutsideTheRootIsRejected() throws Exception {
        LayerScan scan =
                scan(TestLayer.tar().hardlink("app/pom.xml", "../etc/passwd").hardlink("app/go.mod", "/etc/passwd"));

        assertThat(scan.rejections())
                .containsExactly(
                        new Rejection(
                                "app/pom.xml",
                                "hard link to '../etc/passwd' refused: path escapes the layer root with '..'"),
                        new Rejection("app/go.mod", "hard link to '/etc/passwd' refused: absolute path"));
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void characterAndBlockDevicesAndFifosAreRejected() throws Exception {
        LayerScan scan = scan(TestLayer.tar()
                .special("dev/null", TarConstants.LF_CHR)
                .special("dev/sda", TarConstants.LF_BLK)
                .special("app/pom.xml", TarConstants.LF_FIFO));

        assertThat(scan.rejections())
                .containsExactly(
                        new Rejection("dev/null", "character device: not a file, never created"),
                        new Rejection("dev/sda", "block device: not a file, never created"),
                        new Rejection("app/pom.xml", "FIFO: not a file, never created"));
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void controlCharactersInANameAreRejectedAndEscapedInTheRecord() throws Exception {
        LayerScan scan = scan(TestLayer.tar().file("app/\u001b[2Jpom.xml", "x").file("app/new\nline/pom.xml", "x"));

        assertThat(scan.rejections())
                .containsExactly(
                        new Rejection("app/\\u001b[2Jpom.xml", "name contains control character U+001B"),
                        new Rejection("app/new\\u000aline/pom.xml", "name contains control character U+000A"));
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void nulInAPaxNameIsRejected() throws Exception {
        String name = "app/" + "x".repeat(120) + "\0/pom.xml";

        LayerScan scan = scan(TestLayer.tar().file(name, "x"));

        assertThat(scan.rejections())
                .singleElement()
                .extracting(Rejection::reason)
                .isEqualTo("name contains a NUL character");
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void aNameThatIsNotUtf8IsRejected() throws Exception {
        byte[] latin1 = "caf\u00e9/pom.xml".getBytes(StandardCharsets.ISO_8859_1);
        byte[] plain = concat(
                TestLayer.rawUstarFile(latin1, new byte[1]),
                TestLayer.tar().file(AFTER, "<project/>").plain());

        LayerScan scan =
                scanner.scan(new ByteArrayInputStream(TestLayer.gzip(plain)), TestLayer.GZIP, FileRules.defaults());

        assertThat(scan.rejections()).containsExactly(new Rejection("caf\u00e9/pom.xml", "name is not valid UTF-8"));
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void utf8NamesInUstarAndPaxHeadersAreKept() throws Exception {
        byte[] utf8 = concat(
                TestLayer.rawUstarFile("café/pom.xml".getBytes(StandardCharsets.UTF_8), new byte[1]),
                TestLayer.tar().file(AFTER, "<project/>").plain());
        TestLayer pax = TestLayer.tar()
                .fileWithPax("日本/pom.xml", "path", "日本/pom.xml", "x")
                .fileWithPax("été/pom.xml", "path", "été/pom.xml", "x");

        assertThat(scanner.scan(new ByteArrayInputStream(utf8), TestLayer.TAR, FileRules.defaults())
                        .files())
                .extracting(ExtractedFile::path)
                .containsExactly("café/pom.xml", AFTER);
        assertThat(scan(pax).files())
                .extracting(ExtractedFile::path)
                .containsExactly("日本/pom.xml", "été/pom.xml", AFTER);
    }

    @Test
    void aNameLongerThanPathMaxIsRejected() throws Exception {
        String name = "a/".repeat(2500) + "pom.xml";

        LayerScan scan = scan(TestLayer.tar().file(name, "x"));

        assertThat(scan.rejections()).singleElement().satisfies(rejection -> {
            assertThat(rejection.reason()).isEqualTo("name longer than 4096 characters");
            assertThat(rejection.entry()).hasSizeLessThan(300).endsWith("…(5007 chars)");
        });
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void aHugePaxHeaderIsNotReadAndTheEntryItDescribesIsDropped() throws Exception {
        String huge = "c".repeat(3 << 20);

        LayerScan scan =
                scan(TestLayer.tar().file("before/pom.xml", "x").fileWithPax("app/pom.xml", "comment", huge, "x"));

        assertThat(scan.rejections()).hasSize(2);
        assertThat(scan.rejections().get(0).reason())
                .startsWith("PAX header of ")
                .contains("over the 1 MiB header cap");
        assertThat(scan.rejections().get(1))
                .isEqualTo(new Rejection(
                        "app/pom.xml", "described by a refused header: its real name and attributes are unknown"));
        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly("before/pom.xml", AFTER);
        assertThat(scan.truncated()).isFalse();
    }

    @Test
    void aHugeGnuLongNameIsNotReadAndTheEntryItNamesIsDropped() throws Exception {
        byte[] name = new byte[2 << 20];
        Arrays.fill(name, (byte) 'a');

        LayerScan scan = scan(TestLayer.tar("UTF-8", TarArchiveOutputStream.LONGFILE_GNU)
                .raw("././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, name)
                .file("app/pom.xml", "x"));

        assertThat(scan.rejections())
                .extracting(Rejection::reason)
                .containsExactly(
                        "GNU long name of 2097152 bytes is over the 1 MiB header cap; not read",
                        "described by a refused header: its real name and attributes are unknown");
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void aLongChainOfHeadersEndsTheScanAsTruncated() throws Exception {
        TestLayer layer =
                TestLayer.tar("UTF-8", TarArchiveOutputStream.LONGFILE_GNU).file("before/pom.xml", "x");
        byte[] name = ("chain/" + "n".repeat(900)).getBytes(StandardCharsets.UTF_8);
        for (int i = 0; i < 2000; i++) {
            layer.raw("././@LongLink", TarConstants.LF_GNUTYPE_LONGNAME, name);
        }

        LayerScan scan = scan(layer.file("app/pom.xml", "x"));

        assertThat(scan.truncated()).isTrue();
        assertThat(scan.rejections())
                .singleElement()
                .extracting(Rejection::reason)
                .asString()
                .contains("the headers of one entry take more than");
        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly("before/pom.xml");
    }

    @Test
    void aLayerOfManyHostileEntriesKeepsABoundedRecord() throws Exception {
        TestLayer layer = TestLayer.tar();
        for (int i = 0; i < 1500; i++) {
            layer.file("/abs/" + i, "");
        }

        LayerScan scan = scan(layer);

        assertThat(scan.rejections()).hasSize(ScanRecord.MAX_REJECTIONS);
        assertThat(scan.notes()).containsExactly("500 more rejected entries not listed (first 1000 kept)");
        assertOnlyTheLastFileExtracted(scan);
    }

    @Test
    void aLayerOverTheSizeCapIsTruncatedNotRead() throws Exception {
        byte[] chunk = LayerScannerTest.random(256 * 1024);
        TestLayer layer = TestLayer.tar();
        for (int i = 0; i < 8; i++) {
            layer.file("data/" + i + ".bin", chunk);
        }

        LayerScan scan = scan(layer, FileRules.defaults().withMaxLayerBytes(1 << 20));

        assertThat(scan.truncated()).isTrue();
        assertThat(scan.uncompressedBytes()).isLessThanOrEqualTo(1 << 20);
        assertThat(scan.entries()).isLessThan(9);
        assertThat(scan.files()).isEmpty();
    }

    private LayerScan scan(TestLayer layer) throws IOException {
        return scan(layer, FileRules.defaults());
    }

    private LayerScan scan(TestLayer layer, FileRules rules) throws IOException {
        byte[] blob = layer.file(AFTER, "<project/>").gzip();
        return scanner.scan(new ByteArrayInputStream(blob), TestLayer.GZIP, rules);
    }

    private static byte[] concat(byte[] first, byte[] second) {
        byte[] both = Arrays.copyOf(first, first.length + second.length);
        System.arraycopy(second, 0, both, first.length, second.length);
        return both;
    }

    private static void assertOnlyTheLastFileExtracted(LayerScan scan) {
        assertThat(scan.files()).extracting(ExtractedFile::path).containsExactly(AFTER);
        assertThat(scan.truncated()).isFalse();
    }
}
