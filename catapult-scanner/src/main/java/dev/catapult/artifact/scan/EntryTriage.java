package dev.catapult.artifact.scan;

import dev.catapult.artifact.ExtractedFile;
import dev.catapult.artifact.FileRules;
import dev.catapult.artifact.NormalisedPath;
import dev.catapult.artifact.TarPaths;
import dev.catapult.artifact.Whiteout;
import dev.catapult.artifact.Whiteouts;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Optional;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;

/**
 * One tar entry's fate: refused (hostile name or type, with why), a whiteout, skipped (a file of interest
 * over a cap, a link), extracted, or of no interest. Nothing is ever created on disk; extraction reads a
 * file's bytes into memory, bounded by the per-file cap and the layer's extraction budget.
 */
final class EntryTriage {
    private final FileRules rules;
    private final ScanRecord record;

    EntryTriage(FileRules rules, ScanRecord record) {
        this.rules = rules;
        this.record = record;
    }

    /** Handles the entry the reader is positioned at; the caller drains whatever data is left. */
    void handle(TarArchiveEntry entry, GuardedTarInputStream tar) throws IOException {
        Optional<String> path = safePath(entry.getName(), tar.sawPaxHeader());
        if (path.isEmpty()) {
            return;
        }
        String safe = path.get();
        Optional<Whiteout> whiteout = Whiteouts.of(safe);
        if (whiteout.isPresent()) {
            // Like containerd, the name decides, whatever the entry's type.
            switch (whiteout.get()) {
                case Whiteout.Removal removal -> record.whiteout(removal.path());
                case Whiteout.Opaque opaque -> record.opaque(opaque.directory());
                case Whiteout.Malformed malformed -> record.reject(safe, malformed.reason());
            }
            return;
        }
        if (entry.isCharacterDevice() || entry.isBlockDevice() || entry.isFIFO()) {
            record.reject(safe, special(entry) + ": not a file, never created");
        } else if (entry.isSymbolicLink()) {
            link(safe, entry, tar, true);
        } else if (entry.isLink()) {
            link(safe, entry, tar, false);
        } else if (entry.isDirectory()) {
            // Directories carry no content; their name was checked above.
        } else if (!entry.isFile()) {
            record.reject(safe, "unsupported entry type '" + (char) entry.getLinkFlag() + "'");
        } else {
            file(safe, entry, tar);
        }
    }

    private Optional<String> safePath(String rawName, boolean fromPaxHeader) {
        Optional<String> name = EntryNames.utf8(rawName, fromPaxHeader);
        if (name.isEmpty()) {
            record.reject(rawName, "name is not valid UTF-8");
            return Optional.empty();
        }
        return switch (TarPaths.normalise(name.get())) {
            case NormalisedPath.Safe safe -> Optional.of(safe.path());
            case NormalisedPath.Refused refused -> {
                record.reject(name.get(), refused.reason());
                yield Optional.empty();
            }
        };
    }

    private void link(String path, TarArchiveEntry entry, GuardedTarInputStream tar, boolean symbolic) {
        String kind = symbolic ? "symbolic link" : "hard link";
        Optional<String> target = EntryNames.utf8(entry.getLinkName(), tar.sawPaxHeader());
        if (target.isEmpty()) {
            record.reject(path, kind + " target is not valid UTF-8");
            return;
        }
        String shown = EntryNames.printable(target.get());
        if (symbolic && TarPaths.linkTargetEscapes(path, target.get())) {
            record.reject(path, kind + " to '" + shown + "' points outside the layer root");
            return;
        }
        // A hard link names another member of the archive: the same rules as an entry name apply.
        if (!symbolic && TarPaths.normalise(target.get()) instanceof NormalisedPath.Refused refused) {
            record.reject(path, kind + " to '" + shown + "' refused: " + refused.reason());
            return;
        }
        if (rules.interest(path) != FileRules.Interest.NONE) {
            record.skip(path, kind + " to '" + shown + "': links are not followed");
        }
    }

    private void file(String path, TarArchiveEntry entry, GuardedTarInputStream tar) throws IOException {
        switch (rules.interest(path)) {
            case NONE -> {}
            case SKIPPED_PREFIX -> record.skip(path, "under a skipped path prefix");
            case WANTED -> {
                long size = entry.getRealSize();
                if (size > rules.maxFileBytes()) {
                    record.skip(path, size + " bytes, over the per-file cap of " + Sizes.format(rules.maxFileBytes()));
                } else if (record.extractedBytes() + size > rules.maxExtractedBytes()) {
                    record.skip(
                            path,
                            size + " bytes, over what is left of the layer's extraction budget of "
                                    + Sizes.format(rules.maxExtractedBytes()));
                } else {
                    record.file(extract(path, (int) size, tar));
                }
            }
        }
    }

    private static ExtractedFile extract(String path, int size, GuardedTarInputStream tar) throws IOException {
        byte[] content = tar.readNBytes(size);
        if (content.length != size) {
            throw new IOException("tar entry " + path + " ends after " + content.length + " of " + size + " bytes");
        }
        return new ExtractedFile(path, size, HexFormat.of().formatHex(sha256().digest(content)), content);
    }

    private static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK has SHA-256", e);
        }
    }

    private static String special(TarArchiveEntry entry) {
        if (entry.isCharacterDevice()) {
            return "character device";
        }
        return entry.isBlockDevice() ? "block device" : "FIFO";
    }
}
