package dev.catapult.release;

/** Where a release came from. */
public enum ReleaseSource {
    CLI,
    API,
    REGISTRY;

    public String wireName() {
        return name().toLowerCase(java.util.Locale.ROOT);
    }
}
