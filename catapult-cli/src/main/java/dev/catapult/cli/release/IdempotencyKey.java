package dev.catapult.cli.release;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import org.jspecify.annotations.Nullable;

/**
 * The {@code Idempotency-Key} of a release: derived from what the release is (app, commit, image) and what
 * it follows (the previous version), so re-running the same command after a timeout returns the release
 * already made, while releasing the same commit again later (after another release) makes a new one.
 */
public final class IdempotencyKey {

    private IdempotencyKey() {}

    /** @param image the image reference, or {@code null} for a release without an image */
    public static String of(String app, String commit, @Nullable String image, long previousVersion) {
        String material = String.join(
                "\n", app, commit, image == null ? "noImage" : "image=" + image, Long.toString(previousVersion));
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(material.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by every JDK", e);
        }
    }
}
