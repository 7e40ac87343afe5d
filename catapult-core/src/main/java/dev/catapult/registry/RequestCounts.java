package dev.catapult.registry;

/** Requests sent to one registry, by kind (SPEC §3 registry stats). */
public record RequestCounts(long headManifest, long getManifest, long tagList, long catalog, long blob, long token) {
    public static RequestCounts zero() {
        return new RequestCounts(0, 0, 0, 0, 0, 0);
    }

    public long total() {
        return headManifest + getManifest + tagList + catalog + blob + token;
    }
}
