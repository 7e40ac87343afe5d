package dev.catapult.testkit.docker;

import dev.catapult.testkit.Programs;
import dev.catapult.testkit.registry.DockerRegistry;
import dev.catapult.testkit.registry.LayerTar;
import dev.catapult.testkit.registry.OciLayout;
import dev.catapult.testkit.registry.Skopeo;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import tools.jackson.databind.json.JsonMapper;

/**
 * A small runnable image built in Java: Debian's static busybox ({@code busybox-static}) in one layer, and
 * {@code /www/index.html} in another, run as {@code busybox httpd -f -p <port> -h /www}. The busybox layer is
 * built once per JVM and shared by every image, so an engine pulls it once.
 *
 * <pre>{@code
 * String v1 = BusyboxImage.serving("v1").healthcheck().push(registry, dir, "demo/web", "1");
 * // "127.0.0.1:<port>/demo/web@sha256:…", ready for a deployer to pull by digest
 * }</pre>
 *
 * The config sets {@code StopSignal: SIGKILL}: busybox httpd as PID 1 ignores SIGTERM, so a graceful stop would
 * always wait out the 10 s stop timeout.
 */
public final class BusyboxImage {
    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static LayerTar.@Nullable Layer busyboxLayer;

    private final String content;
    private int port = 8080;
    private boolean healthcheck;
    private final Map<String, String> labels = new LinkedHashMap<>();

    private BusyboxImage(String content) {
        this.content = content;
    }

    /** An image serving {@code content} as {@code /} on port 8080. */
    public static BusyboxImage serving(String content) {
        return new BusyboxImage(content);
    }

    /** Serves on {@code value} instead of 8080 (its {@code ExposedPorts} still say 8080: a broken image). */
    public BusyboxImage port(int value) {
        port = value;
        return this;
    }

    /** Adds a {@code HEALTHCHECK} fetching {@code /} every second (healthy after the first success). */
    public BusyboxImage healthcheck() {
        healthcheck = true;
        return this;
    }

    public BusyboxImage label(String key, String value) {
        labels.put(key, value);
        return this;
    }

    /** Builds the image in {@code workDir}, pushes it to {@code registry} as {@code repository:tag}, and returns its digest reference. */
    public String push(DockerRegistry registry, Path workDir, String repository, String tag) {
        LayerTar.Layer base = busyboxLayer();
        LayerTar.Layer www = LayerTar.create()
                .directory("www")
                .file("www/index.html", content)
                .build(LayerTar.Compression.GZIP);
        OciLayout layout = OciLayout.create(workDir.resolve(repository.replace('/', '_') + "-" + tag));
        Map<String, Object> config = new LinkedHashMap<>();
        config.put("Cmd", List.of("/bin/busybox", "httpd", "-f", "-p", Integer.toString(port), "-h", "/www"));
        config.put("ExposedPorts", Map.of("8080/tcp", Map.of()));
        config.put("StopSignal", "SIGKILL");
        config.put("Labels", labels);
        if (healthcheck) {
            config.put(
                    "Healthcheck",
                    Map.of(
                            "Test",
                            List.of(
                                    "CMD",
                                    "/bin/busybox",
                                    "wget",
                                    "-q",
                                    "-O",
                                    "/dev/null",
                                    "http://127.0.0.1:" + port + "/"),
                            "Interval",
                            1_000_000_000L,
                            "Timeout",
                            2_000_000_000L,
                            "Retries",
                            3));
        }
        Map<String, Object> image = new LinkedHashMap<>();
        image.put("created", LayerTar.MTIME.toString());
        image.put("architecture", architecture());
        image.put("os", "linux");
        image.put("config", config);
        image.put("rootfs", Map.of("type", "layers", "diff_ids", List.of(base.diffId(), www.diffId())));
        OciLayout.Descriptor configBlob = layout.blob(OciLayout.CONFIG, JSON.writeValueAsBytes(image));
        OciLayout.Descriptor baseBlob = layout.blob(base.mediaType(), base.bytes());
        OciLayout.Descriptor wwwBlob = layout.blob(www.mediaType(), www.bytes());
        Map<String, Object> manifest = new LinkedHashMap<>();
        manifest.put("schemaVersion", 2);
        manifest.put("mediaType", OciLayout.MANIFEST);
        manifest.put("config", OciLayout.descriptorJson(configBlob));
        manifest.put("layers", List.of(OciLayout.descriptorJson(baseBlob), OciLayout.descriptorJson(wwwBlob)));
        OciLayout.Descriptor stored = layout.blob(OciLayout.MANIFEST, JSON.writeValueAsBytes(manifest));
        layout.tag(tag, stored);
        Skopeo.require().copy(layout.dir(), tag, registry.reference(repository, tag));
        return registry.host() + "/" + repository + "@" + stored.digest();
    }

    private static synchronized LayerTar.Layer busyboxLayer() {
        if (busyboxLayer == null) {
            Path busybox = Programs.require("busybox", "busybox-static");
            try {
                byte[] binary = Files.readAllBytes(busybox.toRealPath());
                Assumptions.assumeTrue(
                        isStatic(binary),
                        busybox + " is linked dynamically and cannot run alone in an image;"
                                + " install it: apt-get install busybox-static");
                busyboxLayer = LayerTar.create()
                        .directory("bin")
                        .file("bin/busybox", binary, 0755)
                        .symlink("bin/sh", "busybox")
                        .symlink("bin/wget", "busybox")
                        .directory("tmp")
                        .build(LayerTar.Compression.GZIP);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return busyboxLayer;
    }

    /** A 64-bit ELF without a {@code PT_INTERP} program header needs no dynamic loader. */
    static boolean isStatic(byte[] elf) {
        if (elf.length < 64 || elf[0] != 0x7f || elf[1] != 'E' || elf[2] != 'L' || elf[3] != 'F' || elf[4] != 2) {
            return false;
        }
        ByteBuffer b = ByteBuffer.wrap(elf).order(elf[5] == 1 ? ByteOrder.LITTLE_ENDIAN : ByteOrder.BIG_ENDIAN);
        long phoff = b.getLong(0x20);
        int phentsize = Short.toUnsignedInt(b.getShort(0x36));
        int phnum = Short.toUnsignedInt(b.getShort(0x38));
        for (int i = 0; i < phnum; i++) {
            long at = phoff + (long) i * phentsize;
            if (at + 4 > elf.length) {
                return false;
            }
            if (b.getInt((int) at) == 3) { // PT_INTERP
                return false;
            }
        }
        return true;
    }

    private static String architecture() {
        String arch = System.getProperty("os.arch");
        return switch (arch) {
            case "amd64", "x86_64" -> "amd64";
            case "aarch64", "arm64" -> "arm64";
            default -> arch;
        };
    }

    @Override
    public String toString() {
        return "BusyboxImage[" + content + ", port " + port + (healthcheck ? ", healthcheck" : "") + "]";
    }
}
