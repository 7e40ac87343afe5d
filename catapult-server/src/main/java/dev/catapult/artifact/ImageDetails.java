package dev.catapult.artifact;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** What an image manifest and its config blob say: config, labels, annotations, created, platform, layers. */
public record ImageDetails(
        String configDigest,
        Map<String, String> labels,
        Map<String, String> annotations,
        @Nullable Instant created,
        @Nullable Map<String, Object> platform,
        List<Layer> layers) {

    /** One layer descriptor. */
    public record Layer(
            String digest, String mediaType, @Nullable Long size) {}
}
