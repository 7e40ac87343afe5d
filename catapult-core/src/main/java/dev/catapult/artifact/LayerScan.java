package dev.catapult.artifact;

import java.util.List;

/**
 * What scanning one layer found.
 *
 * @param files files of interest extracted (within the caps)
 * @param whiteouts paths this layer deletes from lower layers ({@code .wh.<name>} entries), normalised
 * @param opaqueDirectories directories this layer makes opaque ({@code .wh..wh..opq}), normalised
 * @param rejections entries refused or neutralised, with why
 * @param skipped files of interest left out and why (over the per-file cap, under a skipped prefix…); the
 *     entry is the normalised path, so {@link FinalView} knows the file exists in this layer
 * @param entries tar entries read
 * @param uncompressedBytes bytes of tar stream read
 * @param truncated whether scanning stopped before the end of the layer: at the per-layer cap, or at a
 *     header it refused to parse (see {@code rejections}); the layer's files and whiteouts are then incomplete
 * @param notes facts about the layer as a whole that are not about one entry: the bytes said zstd while the
 *     media type said gzip, a record list was capped…
 */
public record LayerScan(
        List<ExtractedFile> files,
        List<String> whiteouts,
        List<String> opaqueDirectories,
        List<Rejection> rejections,
        List<Rejection> skipped,
        long entries,
        long uncompressedBytes,
        boolean truncated,
        List<String> notes) {

    public LayerScan {
        files = List.copyOf(files);
        whiteouts = List.copyOf(whiteouts);
        opaqueDirectories = List.copyOf(opaqueDirectories);
        rejections = List.copyOf(rejections);
        skipped = List.copyOf(skipped);
        notes = List.copyOf(notes);
    }
}
