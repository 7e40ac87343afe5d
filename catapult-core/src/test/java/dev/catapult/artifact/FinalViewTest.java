package dev.catapult.artifact;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class FinalViewTest {

    @Test
    void filesOfAllLayersAddUpSortedByPath() {
        FinalView view =
                view(layer("sha256:1").file("app/pom.xml"), layer("sha256:2").file("app/go.mod"));

        assertThat(view.files())
                .containsExactly(
                        new ViewFile("app/go.mod", "sha256:2", 10, "sha-app/go.mod"),
                        new ViewFile("app/pom.xml", "sha256:1", 11, "sha-app/pom.xml"));
    }

    @Test
    void aLaterLayersFileReplacesTheEarlierOne() {
        FinalView view = view(
                layer("sha256:1").file("app/package.json"), layer("sha256:2").file("app/package.json"));

        assertThat(view.files()).extracting(ViewFile::layerDigest).containsExactly("sha256:2");
    }

    @Test
    void aWhiteoutDeletesTheLowerFile() {
        FinalView view = view(
                layer("sha256:1").file("app/package.json").file("app/pom.xml"),
                layer("sha256:2").whiteout("app/package.json"));

        assertThat(paths(view)).containsExactly("app/pom.xml");
    }

    @Test
    void aWhiteoutOfADirectoryDeletesItsWholeSubtreeButNotLookalikeSiblings() {
        FinalView view = view(
                layer("sha256:1")
                        .file("app/a/pom.xml")
                        .file("app/a/b/c/pom.xml")
                        .file("app/ab/pom.xml")
                        .file("app/a-b/pom.xml")
                        .file("app/a.json/pom.xml"),
                layer("sha256:2").whiteout("app/a"));

        assertThat(paths(view)).containsExactly("app/a-b/pom.xml", "app/a.json/pom.xml", "app/ab/pom.xml");
    }

    @Test
    void anOpaqueDirectoryHidesEverythingLowerUnderItButKeepsItsOwnLayersFiles() {
        FinalView view = view(
                layer("sha256:1").file("app/pom.xml").file("app/lib/pom.xml").file("other/pom.xml"),
                layer("sha256:2").opaque("app").file("app/go.mod"));

        assertThat(view.files())
                .containsExactly(
                        new ViewFile("app/go.mod", "sha256:2", 10, "sha-app/go.mod"),
                        new ViewFile("other/pom.xml", "sha256:1", 13, "sha-other/pom.xml"));
    }

    @Test
    void anOpaqueRootHidesEveryLowerLayer() {
        FinalView view = view(
                layer("sha256:1").file("a/pom.xml").file("pom.xml"),
                layer("sha256:2").opaque("").file("b/pom.xml"));

        assertThat(paths(view)).containsExactly("b/pom.xml");
    }

    @Test
    void aWhiteoutNeverHidesAFileOfItsOwnLayer() {
        FinalView view = view(
                layer("sha256:1").file("app/pom.xml"),
                layer("sha256:2").whiteout("app").file("app/pom.xml"));

        assertThat(view.files()).extracting(ViewFile::layerDigest).containsExactly("sha256:2");
    }

    @Test
    void aFileRecreatedAboveAWhiteoutComesBack() {
        FinalView view = view(
                layer("sha256:1").file("app/pom.xml"),
                layer("sha256:2").whiteout("app/pom.xml"),
                layer("sha256:3").file("app/pom.xml"));

        assertThat(view.files()).extracting(ViewFile::layerDigest).containsExactly("sha256:3");
    }

    @Test
    void aFileSkippedOverTheCapHidesTheStaleLowerCopy() {
        FinalView view = view(
                layer("sha256:1").file("app/package-lock.json"),
                layer("sha256:2").skipped("app/package-lock.json"));

        assertThat(view.files()).isEmpty();
    }

    @Test
    void noLayersNoFiles() {
        assertThat(view().files()).isEmpty();
        assertThat(FinalView.of(List.of()).files()).isEmpty();
    }

    private static FinalView view(LayerBuilder... layers) {
        return FinalView.of(Arrays.stream(layers).map(LayerBuilder::build).toList());
    }

    private static List<String> paths(FinalView view) {
        return view.files().stream().map(ViewFile::path).toList();
    }

    private static LayerBuilder layer(String digest) {
        return new LayerBuilder(digest);
    }

    /** One layer's scan, written fluently. */
    private static final class LayerBuilder {
        private final String digest;
        private final List<ExtractedFile> files = new ArrayList<>();
        private final List<String> whiteouts = new ArrayList<>();
        private final List<String> opaque = new ArrayList<>();
        private final List<Rejection> skipped = new ArrayList<>();

        LayerBuilder(String digest) {
            this.digest = digest;
        }

        LayerBuilder file(String path) {
            files.add(new ExtractedFile(path, path.length(), "sha-" + path, new byte[0]));
            return this;
        }

        LayerBuilder whiteout(String path) {
            whiteouts.add(path);
            return this;
        }

        LayerBuilder opaque(String directory) {
            opaque.add(directory);
            return this;
        }

        LayerBuilder skipped(String path) {
            skipped.add(new Rejection(path, "larger than the 4 MiB per-file cap"));
            return this;
        }

        private LayerFiles build() {
            return new LayerFiles(
                    digest, new LayerScan(files, whiteouts, opaque, List.of(), skipped, 0, 0, false, List.of()));
        }
    }
}
