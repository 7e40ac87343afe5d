package dev.catapult.artifact;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The files of interest an image's filesystem ends up with, computed like an overlay mount: layers applied
 * lowest first; each layer's whiteouts and opaque directories act on the layers below it only (OCI
 * image-spec: a whiteout never hides a file of its own layer), then its files replace lower ones.
 *
 * <p>A file of interest a layer has but did not extract (over a cap: its {@code skipped} records) still
 * hides lower copies of that path, because the image's file is the unextracted one: showing the stale lower
 * copy would be wrong. A truncated layer's view is incomplete; {@link LayerScan#truncated()} says so.
 *
 * @param files sorted by path
 */
public record FinalView(List<ViewFile> files) {

    public FinalView {
        files = List.copyOf(files);
    }

    public static FinalView of(List<LayerFiles> layers) {
        // Sorted by path, so a directory's subtree is one contiguous range of keys starting at "dir/".
        TreeMap<String, ViewFile> view = new TreeMap<>();
        for (LayerFiles layer : layers) {
            LayerScan scan = layer.scan();
            scan.opaqueDirectories().forEach(directory -> removeUnder(view, directory));
            for (String path : scan.whiteouts()) {
                view.remove(path);
                removeUnder(view, path);
            }
            scan.skipped().forEach(skipped -> view.remove(skipped.entry()));
            for (ExtractedFile file : scan.files()) {
                view.put(file.path(), new ViewFile(file.path(), layer.layerDigest(), file.size(), file.sha256()));
            }
        }
        return new FinalView(List.copyOf(view.values()));
    }

    /** Drops everything strictly under {@code directory} ({@code ""}: the whole tree). */
    private static void removeUnder(TreeMap<String, ViewFile> view, String directory) {
        if (directory.isEmpty()) {
            view.clear();
            return;
        }
        String prefix = directory + "/";
        // '/' + 1 is '0': every key starting with "dir/" sorts before "dir0".
        Map<String, ViewFile> subtree = view.subMap(prefix, true, directory + "0", false);
        subtree.clear();
    }
}
