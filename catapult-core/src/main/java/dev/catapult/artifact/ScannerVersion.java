package dev.catapult.artifact;

/** Which scanner produced an artifact's files, stored with the artifact as {@code scannerVersion}. */
public final class ScannerVersion {
    /**
     * Bump whenever what a scan extracts or how can change: the default globs, skipped prefixes or caps in
     * {@link FileRules}, path normalisation, whiteout handling, or the extraction itself. Artifacts stored with
     * a lower version are rescanned (layers fetched again), so the stored files always mean what the current
     * rules say. Layers are otherwise scanned once per digest, ever: without a bump nothing is redone.
     */
    public static final int CURRENT = 1;

    private ScannerVersion() {}

    /** Whether an artifact scanned by {@code storedVersion} must be scanned again. */
    public static boolean needsRescan(int storedVersion) {
        return storedVersion < CURRENT;
    }
}
