package dev.catapult.artifact;

import java.util.Optional;

/**
 * OCI image-spec whiteouts (layer.md, "Whiteouts"): a {@code .wh.} prefix on the last segment deletes
 * the named sibling from lower layers; {@code .wh..wh..opq} makes its directory opaque.
 */
public final class Whiteouts {
    public static final String PREFIX = ".wh.";
    public static final String OPAQUE = ".wh..wh..opq";
    /** aufs keeps its own bookkeeping under {@code .wh..wh.}-prefixed names; they delete nothing. */
    private static final String AUFS_META = ".wh..wh.";

    private Whiteouts() {}

    /** The whiteout a normalised path is, if any. */
    public static Optional<Whiteout> of(String path) {
        int slash = path.lastIndexOf('/');
        String name = path.substring(slash + 1);
        if (!name.startsWith(PREFIX)) {
            return Optional.empty();
        }
        String directory = slash < 0 ? "" : path.substring(0, slash);
        if (name.equals(OPAQUE)) {
            return Optional.of(new Whiteout.Opaque(directory));
        }
        if (name.startsWith(AUFS_META)) {
            return Optional.empty();
        }
        String target = name.substring(PREFIX.length());
        if (target.isEmpty() || target.equals(".") || target.equals("..")) {
            return Optional.of(new Whiteout.Malformed("whiteout '" + name + "' names no sibling"));
        }
        return Optional.of(new Whiteout.Removal(directory.isEmpty() ? target : directory + "/" + target));
    }
}
