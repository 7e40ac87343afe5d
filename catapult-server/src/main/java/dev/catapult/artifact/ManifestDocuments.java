package dev.catapult.artifact;

import dev.catapult.registry.RegistryException;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads OCI / Docker manifests, indexes and image configs. Malformed documents are INVALID registry data. */
@Component
class ManifestDocuments {
    private final JsonMapper json;

    ManifestDocuments(JsonMapper json) {
        this.json = json;
    }

    /** A parsed manifest: an index of platform manifests, or an image. */
    sealed interface Parsed {}

    record Index(String mediaType, List<Platform> manifests, Map<String, String> annotations) implements Parsed {}

    record Platform(
            String digest, String mediaType, @Nullable Long size, Map<String, Object> platform) {}

    record Image(
            String mediaType, String configDigest, List<ImageDetails.Layer> layers, Map<String, String> annotations)
            implements Parsed {}

    /** The config blob's parts Catapult keeps. */
    record Config(Map<String, String> labels, @Nullable Instant created, Map<String, Object> platform) {}

    Parsed parse(byte[] bytes, String servedMediaType) {
        JsonNode root = read(bytes, "manifest");
        String mediaType = text(root, "mediaType", servedMediaType);
        if (MediaTypes.isIndex(mediaType) || (root.has("manifests") && !root.has("layers"))) {
            List<Platform> platforms = new ArrayList<>();
            for (JsonNode m : root.path("manifests")) {
                Map<String, Object> p = new LinkedHashMap<>();
                JsonNode pn = m.path("platform");
                putText(p, "os", pn.path("os"));
                putText(p, "architecture", pn.path("architecture"));
                putText(p, "variant", pn.path("variant"));
                platforms.add(new Platform(
                        required(m, "digest"),
                        text(m, "mediaType", MediaTypes.OCI_MANIFEST),
                        m.has("size") ? m.get("size").asLong() : null,
                        p));
            }
            return new Index(
                    MediaTypes.isIndex(mediaType) ? mediaType : MediaTypes.OCI_INDEX,
                    platforms,
                    strings(root.path("annotations")));
        }
        List<ImageDetails.Layer> layers = new ArrayList<>();
        for (JsonNode l : root.path("layers")) {
            layers.add(new ImageDetails.Layer(
                    required(l, "digest"),
                    text(l, "mediaType", "application/vnd.oci.image.layer.v1.tar+gzip"),
                    l.has("size") ? l.get("size").asLong() : null));
        }
        return new Image(
                MediaTypes.isManifest(mediaType) ? mediaType : MediaTypes.OCI_MANIFEST,
                required(root.path("config"), "digest"),
                layers,
                strings(root.path("annotations")));
    }

    Config config(byte[] bytes) {
        JsonNode root = read(bytes, "image config");
        Map<String, String> labels = strings(root.path("config").path("Labels"));
        Instant created = null;
        if (root.hasNonNull("created")) {
            try {
                created = Instant.parse(root.get("created").asString());
            } catch (DateTimeParseException e) {
                created = null;
            }
        }
        Map<String, Object> platform = new LinkedHashMap<>();
        putText(platform, "os", root.path("os"));
        putText(platform, "architecture", root.path("architecture"));
        putText(platform, "variant", root.path("variant"));
        return new Config(labels, created, platform);
    }

    private JsonNode read(byte[] bytes, String what) {
        try {
            JsonNode root = json.readTree(bytes);
            if (root == null || !root.isObject()) {
                throw new RegistryException(RegistryException.Kind.INVALID, "the " + what + " is not a JSON object");
            }
            return root;
        } catch (JacksonException e) {
            throw new RegistryException(RegistryException.Kind.INVALID, "the " + what + " is not valid JSON");
        }
    }

    private static String required(JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isString()) {
            throw new RegistryException(RegistryException.Kind.INVALID, "manifest field '" + field + "' is missing");
        }
        return v.asString();
    }

    private static String text(JsonNode node, String field, String fallback) {
        JsonNode v = node.get(field);
        return v != null && v.isString() ? v.asString() : fallback;
    }

    private static void putText(Map<String, Object> out, String key, JsonNode v) {
        if (v.isString() && !v.asString().isBlank()) {
            out.put(key, v.asString());
        }
    }

    private static Map<String, String> strings(JsonNode node) {
        Map<String, String> out = new LinkedHashMap<>();
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                if (e.getValue().isString()) {
                    out.put(e.getKey(), e.getValue().asString());
                }
            }
        }
        return out;
    }
}
