package dev.catapult.artifact;

/** What a whiteout entry ({@link Whiteouts}) does to the layers below it. */
public sealed interface Whiteout {

    /** {@code dir/.wh.name}: {@code dir/name} (a file, or a directory with everything under it) is deleted. */
    record Removal(String path) implements Whiteout {}

    /** {@code dir/.wh..wh..opq}: everything lower layers put under {@code dir} is hidden ({@code ""}: root). */
    record Opaque(String directory) implements Whiteout {}

    /** A whiteout-shaped name that names nothing sensible ({@code .wh.}, {@code .wh..}): refused. */
    record Malformed(String reason) implements Whiteout {}
}
