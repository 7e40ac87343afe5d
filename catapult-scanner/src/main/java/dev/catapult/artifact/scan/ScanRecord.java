package dev.catapult.artifact.scan;

import dev.catapult.artifact.ExtractedFile;
import dev.catapult.artifact.LayerScan;
import dev.catapult.artifact.Rejection;
import java.util.ArrayList;
import java.util.List;

/**
 * What a scan has found so far. Every list is capped, so a hostile layer of a million refused entries costs
 * the same memory as one with a thousand: past a cap, entries are counted and a note says how many.
 */
final class ScanRecord {
    static final int MAX_REJECTIONS = 1_000;
    static final int MAX_SKIPPED = 1_000;
    /** Whiteouts are needed for the final view; real layers have hundreds, not hundreds of thousands. */
    static final int MAX_WHITEOUTS = 100_000;

    private final List<ExtractedFile> files = new ArrayList<>();
    private final List<String> whiteouts = new ArrayList<>();
    private final List<String> opaqueDirectories = new ArrayList<>();
    private final List<Rejection> rejections = new ArrayList<>();
    private final List<Rejection> skipped = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private long extractedBytes;
    private long entries;
    private long unrecordedRejections;
    private long unrecordedSkipped;
    private long unrecordedWhiteouts;
    private boolean truncated;

    void entry() {
        entries++;
    }

    long extractedBytes() {
        return extractedBytes;
    }

    void file(ExtractedFile file) {
        files.add(file);
        extractedBytes += file.size();
    }

    void whiteout(String path) {
        if (whiteouts.size() + opaqueDirectories.size() < MAX_WHITEOUTS) {
            whiteouts.add(path);
        } else {
            unrecordedWhiteouts++;
        }
    }

    void opaque(String directory) {
        if (whiteouts.size() + opaqueDirectories.size() < MAX_WHITEOUTS) {
            opaqueDirectories.add(directory);
        } else {
            unrecordedWhiteouts++;
        }
    }

    void reject(String entry, String reason) {
        if (rejections.size() < MAX_REJECTIONS) {
            rejections.add(new Rejection(EntryNames.printable(entry), reason));
        } else {
            unrecordedRejections++;
        }
    }

    void skip(String path, String reason) {
        if (skipped.size() < MAX_SKIPPED) {
            skipped.add(new Rejection(path, reason));
        } else {
            unrecordedSkipped++;
        }
    }

    void note(String note) {
        notes.add(note);
    }

    void truncate(String why) {
        truncated = true;
        notes.add(why);
    }

    LayerScan toScan(long uncompressedBytes) {
        List<String> allNotes = new ArrayList<>(notes);
        if (unrecordedRejections > 0) {
            allNotes.add(
                    unrecordedRejections + " more rejected entries not listed (first " + MAX_REJECTIONS + " kept)");
        }
        if (unrecordedSkipped > 0) {
            allNotes.add(unrecordedSkipped + " more skipped files not listed (first " + MAX_SKIPPED + " kept)");
        }
        if (unrecordedWhiteouts > 0) {
            allNotes.add(unrecordedWhiteouts + " more whiteouts not listed (first " + MAX_WHITEOUTS
                    + " kept): the final view may show files this layer deletes");
        }
        return new LayerScan(
                files,
                whiteouts,
                opaqueDirectories,
                rejections,
                skipped,
                entries,
                uncompressedBytes,
                truncated,
                allNotes);
    }
}
