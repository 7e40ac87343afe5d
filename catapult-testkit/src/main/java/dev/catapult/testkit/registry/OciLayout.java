package dev.catapult.testkit.registry;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import tools.jackson.databind.json.JsonMapper;

/**
 * An OCI image layout directory ({@code oci-layout}, {@code index.json}, {@code blobs/sha256/…}) built in
 * Java, for {@link Skopeo} to push. Written by hand because {@code umoci insert} writes broken tars.
 *
 * <pre>{@code
 * OciLayout layout = OciLayout.create(tempDir);
 * OciLayout.Descriptor amd64 = layout.image().platform(OciLayout.Platform.LINUX_AMD64)
 *     .label("org.opencontainers.image.revision", "abc123")
 *     .layer(LayerTar.create().file("app/package.json", "{}").build(LayerTar.Compression.GZIP))
 *     .build();
 * OciLayout.Descriptor arm64 = layout.image().platform(OciLayout.Platform.LINUX_ARM64).layer(…).build();
 * layout.tag("1.0.0", layout.index(amd64, arm64));
 * }</pre>
 */
public final class OciLayout {
    public static final String MANIFEST = "application/vnd.oci.image.manifest.v1+json";
    public static final String INDEX = "application/vnd.oci.image.index.v1+json";
    public static final String CONFIG = "application/vnd.oci.image.config.v1+json";
    public static final String REF_NAME = "org.opencontainers.image.ref.name";

    private static final JsonMapper JSON = JsonMapper.builder().build();

    /** {@code os}/{@code architecture} of a platform manifest. */
    public record Platform(String os, String architecture) {
        public static final Platform LINUX_AMD64 = new Platform("linux", "amd64");
        public static final Platform LINUX_ARM64 = new Platform("linux", "arm64");
    }

    /** A content descriptor; {@code platform} is set for image manifests. */
    public record Descriptor(
            String mediaType,
            String digest,
            long size,
            @Nullable Platform platform) {}

    private final Path dir;
    private final Map<String, Descriptor> refs = new LinkedHashMap<>();

    private OciLayout(Path dir) {
        this.dir = dir;
    }

    /** A new empty layout in {@code dir} (created if needed). */
    public static OciLayout create(Path dir) {
        OciLayout layout = new OciLayout(dir);
        try {
            Files.createDirectories(dir.resolve("blobs/sha256"));
            Files.writeString(dir.resolve("oci-layout"), "{\"imageLayoutVersion\":\"1.0.0\"}");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        layout.writeIndex();
        return layout;
    }

    public Path dir() {
        return dir;
    }

    /** Stores a blob (content-addressed) and describes it. */
    public Descriptor blob(String mediaType, byte[] content) {
        String digest = LayerTar.sha256(content);
        try {
            Files.write(dir.resolve("blobs/sha256/" + digest.substring(7)), content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Descriptor(mediaType, digest, content.length, null);
    }

    /** A stored blob's bytes (manifests, configs, layers), to compare with what a registry serves. */
    public byte[] read(String digest) {
        try {
            return Files.readAllBytes(dir.resolve("blobs/sha256/" + digest.substring(digest.indexOf(':') + 1)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Starts an image: config, layers, manifest. */
    public ImageBuilder image() {
        return new ImageBuilder();
    }

    /** A multi-platform image index over platform manifests (e.g. linux/amd64 + linux/arm64). */
    public Descriptor index(Descriptor... manifests) {
        List<Object> entries = new ArrayList<>();
        for (Descriptor m : manifests) {
            entries.add(descriptorJson(m));
        }
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("mediaType", INDEX);
        index.put("manifests", entries);
        return blob(INDEX, json(index));
    }

    /** Names a manifest or index {@code ref} in {@code index.json}: what {@code oci:<dir>:<ref>} copies. */
    public OciLayout tag(String ref, Descriptor descriptor) {
        refs.put(ref, descriptor);
        writeIndex();
        return this;
    }

    private void writeIndex() {
        List<Object> manifests = new ArrayList<>();
        refs.forEach((ref, d) -> {
            Map<String, Object> entry = descriptorJson(new Descriptor(d.mediaType(), d.digest(), d.size(), null));
            entry.put("annotations", Map.of(REF_NAME, ref));
            manifests.add(entry);
        });
        Map<String, Object> index = new LinkedHashMap<>();
        index.put("schemaVersion", 2);
        index.put("manifests", manifests);
        try {
            Files.write(dir.resolve("index.json"), json(index));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A descriptor as manifests and indexes write it. */
    public static Map<String, Object> descriptorJson(Descriptor d) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("mediaType", d.mediaType());
        json.put("digest", d.digest());
        json.put("size", d.size());
        if (d.platform() != null) {
            json.put(
                    "platform",
                    ordered(
                            "architecture",
                            d.platform().architecture(),
                            "os",
                            d.platform().os()));
        }
        return json;
    }

    /** Maps keep their key order, so the same image gives the same digests in every run. */
    private static Map<String, Object> ordered(String k1, Object v1, String k2, Object v2) {
        Map<String, Object> map = new LinkedHashMap<>();
        map.put(k1, v1);
        map.put(k2, v2);
        return map;
    }

    static byte[] json(Object value) {
        return JSON.writeValueAsString(value).getBytes(StandardCharsets.UTF_8);
    }

    /** One platform's image: its config blob (labels, created, platform) and layers, then its manifest. */
    public final class ImageBuilder {
        private Platform platform = Platform.LINUX_AMD64;
        private Instant created = LayerTar.MTIME;
        private final Map<String, String> labels = new LinkedHashMap<>();
        private final Map<String, String> annotations = new LinkedHashMap<>();
        private final List<LayerTar.Layer> layers = new ArrayList<>();

        private ImageBuilder() {}

        public ImageBuilder platform(Platform value) {
            platform = value;
            return this;
        }

        public ImageBuilder created(Instant value) {
            created = value;
            return this;
        }

        /** A config label, e.g. {@code org.opencontainers.image.source}, {@code …revision}, {@code …title}. */
        public ImageBuilder label(String key, String value) {
            labels.put(key, value);
            return this;
        }

        /** A manifest annotation. */
        public ImageBuilder annotation(String key, String value) {
            annotations.put(key, value);
            return this;
        }

        public ImageBuilder layer(LayerTar.Layer layer) {
            layers.add(layer);
            return this;
        }

        /** Writes config, layers and manifest; the manifest's descriptor carries the platform. */
        public Descriptor build() {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("created", created.toString());
            config.put("architecture", platform.architecture());
            config.put("os", platform.os());
            config.put("config", Map.of("Labels", labels));
            config.put(
                    "rootfs",
                    ordered(
                            "type",
                            "layers",
                            "diff_ids",
                            layers.stream().map(LayerTar.Layer::diffId).toList()));
            Descriptor configBlob = blob(CONFIG, json(config));
            List<Object> layerDescriptors = new ArrayList<>();
            for (LayerTar.Layer layer : layers) {
                layerDescriptors.add(descriptorJson(blob(layer.mediaType(), layer.bytes())));
            }
            Map<String, Object> manifest = new LinkedHashMap<>();
            manifest.put("schemaVersion", 2);
            manifest.put("mediaType", MANIFEST);
            manifest.put("config", descriptorJson(configBlob));
            manifest.put("layers", layerDescriptors);
            if (!annotations.isEmpty()) {
                manifest.put("annotations", annotations);
            }
            Descriptor stored = blob(MANIFEST, json(manifest));
            return new Descriptor(MANIFEST, stored.digest(), stored.size(), platform);
        }
    }
}
